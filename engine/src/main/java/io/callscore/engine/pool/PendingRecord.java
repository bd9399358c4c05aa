package io.callscore.engine.pool;

import java.util.Arrays;

/**
 * A scrubbed record waiting for its place in coordinate order (an edit can move a read's start back a little).
 * Holders are recycled by the stream that owns them, so the bytes arrays only grow: nothing is allocated per read
 * once the stream is warm.
 */
final class PendingRecord
{
    /** The encoded record, block_size first; its name and read group are placeholders until written. */
    byte[] bytes = new byte[512];
    int length;
    /** 0-based slice position, the sort key. */
    int pos;
    /** Arrival order, the tie-break that keeps the sort stable. */
    long order;
    /** The fragment's downsampling draw. */
    double unit;
    /** The source read name, from which each task derives its fresh name. */
    byte[] sourceName = new byte[64];
    int sourceNameLength;
    /** Offset of the read group value in {@link #bytes}. */
    int readGroupAt;

    void ensureCapacity(final int n)
    {
        if (bytes.length < n)
        {
            bytes = Arrays.copyOf(bytes, Math.max(n, bytes.length * 2));
        }
    }

    void setSourceName(final byte[] b, final int off, final int len)
    {
        if (sourceName.length < len)
        {
            sourceName = new byte[Math.max(len, sourceName.length * 2)];
        }
        System.arraycopy(b, off, sourceName, 0, len);
        sourceNameLength = len;
    }
}

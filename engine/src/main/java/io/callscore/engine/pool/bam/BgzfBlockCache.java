package io.callscore.engine.pool.bam;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Inflated BGZF blocks of one file by their file offset, shared by the {@link BgzfBlockReader}s of one window so
 * that no block is inflated twice. Bounded: past {@link #capacity} blocks, new ones are simply not kept. A cache
 * serves one window after another: {@link #clear} keeps the 64 KiB arrays for the next window's blocks, so a worker
 * does not allocate (and the collector does not copy) tens of megabytes of block arrays per window. Not thread-safe:
 * one window, one thread.
 */
public final class BgzfBlockCache
{
    /** An inflated block: its bytes, how many count, and the file offset of the next block. */
    public record Block(byte[] data, int length, long next)
    {
    }

    /** Largest inflated BGZF block. */
    static final int MAX_BLOCK = 1 << 16;

    private final Map<Long, Block> blocks = new HashMap<>();
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private final int capacity;

    /** @param capacity most blocks kept (a block is at most 64 KiB) */
    public BgzfBlockCache(final int capacity)
    {
        this.capacity = capacity;
    }

    Block get(final long address)
    {
        return blocks.get(address);
    }

    void put(final long address, final Block block)
    {
        if (blocks.size() < capacity)
        {
            blocks.put(address, block);
        }
    }

    /** An array of {@link #MAX_BLOCK} bytes to inflate a block into: one a cleared window left, or a new one. */
    byte[] array()
    {
        final byte[] a = spare.poll();
        return a != null ? a : new byte[MAX_BLOCK];
    }

    /** Forgets every block and keeps their arrays for {@link #array}: only once no reader of the window is open. */
    public void clear()
    {
        for (final Block b : blocks.values())
        {
            if (b.data().length == MAX_BLOCK)
            {
                spare.push(b.data());
            }
        }
        blocks.clear();
    }

    /** Blocks kept. */
    public int size()
    {
        return blocks.size();
    }
}

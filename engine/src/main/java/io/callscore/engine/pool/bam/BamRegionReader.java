package io.callscore.engine.pool.bam;

import htsjdk.samtools.BAMFileSpan;
import htsjdk.samtools.BAMIndex;
import htsjdk.samtools.SamReader;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the raw records of a coordinate-sorted, indexed BAM that overlap one region, in file order, without
 * decoding them: the index gives the first BGZF block to read, and the scan stops at the first record past the
 * region. The records are the ones htsjdk's {@code queryOverlapping} returns (an unmapped read placed at a
 * position counts as covering that one base); secondary and supplementary records are not filtered here.
 * <p>A record that lies inside one inflated block is read where it lies; one that spans blocks is copied into a
 * growing buffer that {@link #next} reuses: nothing is allocated per record. One reader serves any number of
 * regions in turn ({@link #query}), keeping its file, buffers and inflater.
 */
public final class BamRegionReader implements Closeable
{
    private final SamReader reader;
    private final Path bam;
    private final BgzfBlockReader in;
    private int refId;
    private int start0;
    private int end0;
    private byte[] buffer = new byte[1024];
    private byte[] recordData;
    private int recordOffset;
    private boolean done = true;

    /**
     * @param reader the open BAM, for its index and header
     * @param bam    the same BAM's path, read here as raw BGZF
     * @param contig contig name
     * @param start0 region start, 0-based inclusive
     * @param end0   region end, 0-based exclusive
     */
    public BamRegionReader(final SamReader reader, final Path bam, final String contig, final int start0,
        final int end0) throws IOException
    {
        this(reader, bam, null, false);
        query(contig, start0, end0);
    }

    /**
     * A reader with no region yet ({@link #query} gives it one), reading blocks through {@code cache} (may be
     * null): with {@code keep}, the blocks it inflates stay in the cache for the next reader of the window.
     */
    public BamRegionReader(final SamReader reader, final Path bam, final BgzfBlockCache cache, final boolean keep)
        throws IOException
    {
        this.reader = reader;
        this.bam = bam;
        this.in = new BgzfBlockReader(bam, cache, keep);
    }

    /**
     * Starts reading the records that overlap a region (whatever the reader was reading before).
     *
     * @param contig contig name
     * @param start0 region start, 0-based inclusive
     * @param end0   region end, 0-based exclusive
     */
    public void query(final String contig, final int start0, final int end0) throws IOException
    {
        this.refId = reader.getFileHeader().getSequenceIndex(contig);
        this.start0 = start0;
        this.end0 = end0;
        if (refId < 0)
        {
            throw new IllegalArgumentException("contig " + contig + " is not in the header of " + bam);
        }
        final BAMIndex index = (BAMIndex)reader.indexing().getIndex();
        final BAMFileSpan span = index.getSpanOverlapping(refId, start0 + 1, end0);
        done = span == null || span.isEmpty();
        if (!done)
        {
            in.seek(span.getFirstOffset());
        }
    }

    /**
     * Points {@code view} at the next overlapping record. Returns false when the region has no more records; the
     * view stays valid until the next call.
     */
    public boolean next(final BamRecord view) throws IOException
    {
        while (!done)
        {
            if (!readRecord())
            {
                done = true;
                return false;
            }
            view.wrap(recordData, recordOffset);
            final int ref = view.refId();
            final int pos = view.pos();
            if (ref != refId || pos >= end0)
            {
                // Sorted: records of a later contig, unplaced reads (-1, at the end) or past the region end.
                if (ref >= refId || ref < 0)
                {
                    done = true;
                    return false;
                }
                continue;
            }
            final int span = (view.flag() & 0x4) != 0 ? 1 : Math.max(1, view.referenceLength());
            if (pos + span > start0)
            {
                return true;
            }
        }
        return false;
    }

    /** Finds the next record: in place when its block holds all of it, else copied into {@link #buffer}. */
    private boolean readRecord() throws IOException
    {
        final int available = in.contiguous();
        if (available == 0)
        {
            return false;
        }
        if (available >= 4)
        {
            final byte[] data = in.data();
            final int at = in.offset();
            final int size = BamRecord.intAt(data, at);
            if (size >= BamRecord.FIXED - 4 && size <= available - 4)
            {
                recordData = data;
                recordOffset = at;
                in.skip(4 + size);
                return true;
            }
        }
        if (!readFully(buffer, 0, 4))
        {
            return false;
        }
        final int size = BamRecord.intAt(buffer, 0);
        if (size < BamRecord.FIXED - 4)
        {
            throw new IOException(bam + ": damaged BAM record (block_size " + size + ")");
        }
        if (size + 4 > buffer.length)
        {
            final byte[] bigger = new byte[Math.max(size + 4, buffer.length * 2)];
            System.arraycopy(buffer, 0, bigger, 0, 4);
            buffer = bigger;
        }
        if (!readFully(buffer, 4, size))
        {
            throw new IOException(bam + ": truncated BAM record");
        }
        recordData = buffer;
        recordOffset = 0;
        return true;
    }

    private boolean readFully(final byte[] b, final int off, final int len) throws IOException
    {
        int got = 0;
        while (got < len)
        {
            final int n = in.read(b, off + got, len - got);
            if (n < 0)
            {
                if (got == 0)
                {
                    return false;
                }
                throw new IOException(bam + ": truncated BAM record");
            }
            got += n;
        }
        return true;
    }

    @Override
    public void close() throws IOException
    {
        in.close();
    }
}

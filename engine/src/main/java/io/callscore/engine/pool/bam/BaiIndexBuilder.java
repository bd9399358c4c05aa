package io.callscore.engine.pool.bam;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Builds a BAI (SAM spec 5.2) while a coordinate-sorted BAM is written, from each record's reference span and virtual
 * file offsets, so that the writer can copy raw record bytes and still index them.
 * <p>
 * The content is what {@code samtools index} (htslib {@code hts_idx_push}/{@code hts_idx_finish}) builds: chunks are
 * runs of consecutive records in one bin; a bin whose chunks lie within 64 KiB of compressed file is folded into its
 * parent bin when that bin exists; chunks of a bin that start in the block where the previous one ends are merged;
 * each 16 kbp window of the linear index holds the start of the first record overlapping it (unmapped placed
 * reads included), and a window no record overlaps takes the entry of the next window (htslib since 1.13; htsjdk
 * and older samtools copy the previous entry forward, which is valid but looser). Bins are
 * written in ascending number with the metadata pseudo-bin 37450 last, as htsjdk writes them (samtools writes its
 * hash-table order; the spec fixes none). A reference is finished and serialised as soon as the next one starts, so
 * memory holds one reference's bins plus the bytes of the finished ones; {@link #add} allocates nothing beyond
 * amortised growth of primitive arrays.
 */
public final class BaiIndexBuilder
{
    /** The metadata pseudo-bin's number. */
    public static final int META_BIN = 37450;

    private static final int BIN_COUNT = 37449;
    private static final int LEVELS = 5;
    private static final int MIN_SHIFT = 14;
    private static final int[] LEVEL_FIRST_BIN = {0, 1, 9, 73, 585, 4681};
    private static final long MIN_MARKER_DIST = 0x10000L;
    private static final byte[] MAGIC = {'B', 'A', 'I', 1};
    private static final int NONE = -1;

    private final int referenceCount;
    private final long[][] chunkStarts = new long[BIN_COUNT][];
    private final long[][] chunkEnds = new long[BIN_COUNT][];
    private final int[] chunkCounts = new int[BIN_COUNT];
    private int[] usedBins = new int[64];
    private int usedBinCount;
    private long[] linear = new long[64];
    private int linearCount;

    private byte[] out = new byte[1024];
    private int outLength;
    private int referencesDone;

    private int currentRef = NONE;
    private int lastStart;
    private int runBin = NONE;
    private long runStart;
    private long lastEnd;
    private long refBegin;
    private long mapped;
    private long unmapped;
    private long noCoordinate;
    private boolean placedEnded;
    private boolean written;

    /**
     * @param referenceCount the number of references in the BAM header; the index holds one entry for each
     */
    public BaiIndexBuilder(final int referenceCount)
    {
        if (referenceCount < 0)
        {
            throw new IllegalArgumentException("negative reference count " + referenceCount);
        }
        this.referenceCount = referenceCount;
        putBytes(MAGIC);
        putInt(referenceCount);
    }

    /**
     * One record, in file order. start0 = 0-based leftmost position (pos field), end0 = 0-based exclusive end of the
     * alignment (reference span from CIGAR; for unmapped-placed or zero-span reads use start0+1 as samtools does),
     * refId -1 for unplaced unmapped. vStart/vEnd = BGZF virtual file offsets of the record's first byte and just
     * past its last byte. unmapped = flag 0x4.
     *
     * @throws IllegalArgumentException when the records are not coordinate-sorted or a span is empty
     */
    public void add(final int refId, final int start0, final int end0, final boolean unmapped, final long vStart,
        final long vEnd)
    {
        if (written)
        {
            throw new IllegalStateException("index already written");
        }
        if (refId < 0)
        {
            if (!placedEnded)
            {
                lastEnd = vStart;
                finishReference();
                placedEnded = true;
            }
            noCoordinate++;
            lastEnd = vEnd;
            return;
        }
        checkOrder(refId, start0, end0);
        if (refId != currentRef)
        {
            // the reference ends where the next record starts, as samtools reads it (same as the last record's
            // end unless the stream was flushed between them)
            lastEnd = vStart;
            finishReference();
            currentRef = refId;
            refBegin = vStart;
        }
        lastStart = start0;
        final int bin = reg2bin(start0, end0);
        if (bin != runBin)
        {
            if (runBin != NONE)
            {
                addChunk(runBin, runStart, vStart);
            }
            runBin = bin;
            runStart = vStart;
        }
        if (unmapped)
        {
            this.unmapped++;
        }
        else
        {
            mapped++;
        }
        markLinear(start0 >>> MIN_SHIFT, (end0 - 1) >>> MIN_SHIFT, vStart);
        lastEnd = vEnd;
    }

    /**
     * Replaces the end offset of the last record with the one a reader reports once the stream has been flushed:
     * the end of a BGZF block reads as the start of the next block, and samtools and htsjdk index with that value.
     * Optional (the index is valid either way); call after the last {@link #add} and before {@link #write}.
     */
    public void endOfRecords(final long vEnd)
    {
        if (vEnd < lastEnd)
        {
            throw new IllegalArgumentException("end of records " + vEnd + " before the last record's end " + lastEnd);
        }
        lastEnd = vEnd;
    }

    /** Writes the index file; the builder accepts no records afterwards. */
    public void write(final Path bai) throws IOException
    {
        if (!written)
        {
            if (!placedEnded)
            {
                finishReference();
                placedEnded = true;
            }
            while (referencesDone < referenceCount)
            {
                putInt(0);
                putInt(0);
                referencesDone++;
            }
            putLong(noCoordinate);
            written = true;
        }
        try (OutputStream os = Files.newOutputStream(bai))
        {
            os.write(out, 0, outLength);
        }
    }

    /** The spec's reg2bin: the smallest bin holding [beg, end) (0-based, end exclusive), for a record's bin field. */
    public static int reg2bin(final int beg, final int end)
    {
        final int last = end - 1;
        if (beg >> 14 == last >> 14)
        {
            return ((1 << 15) - 1) / 7 + (beg >> 14);
        }
        if (beg >> 17 == last >> 17)
        {
            return ((1 << 12) - 1) / 7 + (beg >> 17);
        }
        if (beg >> 20 == last >> 20)
        {
            return ((1 << 9) - 1) / 7 + (beg >> 20);
        }
        if (beg >> 23 == last >> 23)
        {
            return ((1 << 6) - 1) / 7 + (beg >> 23);
        }
        if (beg >> 26 == last >> 26)
        {
            return ((1 << 3) - 1) / 7 + (beg >> 26);
        }
        return 0;
    }

    private void checkOrder(final int refId, final int start0, final int end0)
    {
        if (placedEnded)
        {
            throw new IllegalArgumentException("placed record on reference " + refId + " after unplaced records");
        }
        if (refId >= referenceCount)
        {
            throw new IllegalArgumentException("reference " + refId + " not in the header (" + referenceCount + ")");
        }
        if (refId < currentRef || refId == currentRef && start0 < lastStart)
        {
            throw new IllegalArgumentException("record at " + refId + ":" + start0 + " after " + currentRef + ":"
                + lastStart + ": not coordinate-sorted");
        }
        if (start0 < 0 || end0 <= start0)
        {
            throw new IllegalArgumentException("bad span [" + start0 + ", " + end0 + ") on reference " + refId);
        }
    }

    private void markLinear(final int first, final int last, final long vStart)
    {
        if (last >= linear.length)
        {
            linear = Arrays.copyOf(linear, Math.max(last + 1, linear.length * 2));
        }
        if (last >= linearCount)
        {
            Arrays.fill(linear, linearCount, last + 1, -1L);
            linearCount = last + 1;
        }
        for (int w = first; w <= last; w++)
        {
            if (linear[w] == -1L)
            {
                linear[w] = vStart;
            }
        }
    }

    private void addChunk(final int bin, final long start, final long end)
    {
        final int n = chunkCounts[bin];
        if (n == 0)
        {
            if (usedBinCount == usedBins.length)
            {
                usedBins = Arrays.copyOf(usedBins, usedBinCount * 2);
            }
            usedBins[usedBinCount++] = bin;
            if (chunkStarts[bin] == null)
            {
                chunkStarts[bin] = new long[4];
                chunkEnds[bin] = new long[4];
            }
        }
        ensureChunkCapacity(bin, n + 1);
        chunkStarts[bin][n] = start;
        chunkEnds[bin][n] = end;
        chunkCounts[bin] = n + 1;
    }

    private void ensureChunkCapacity(final int bin, final int capacity)
    {
        if (capacity > chunkStarts[bin].length)
        {
            final int size = Math.max(capacity, chunkStarts[bin].length * 2);
            chunkStarts[bin] = Arrays.copyOf(chunkStarts[bin], size);
            chunkEnds[bin] = Arrays.copyOf(chunkEnds[bin], size);
        }
    }

    /** Closes the current reference (if any), serialises it and every record-less reference before the next. */
    private void finishReference()
    {
        if (currentRef == NONE)
        {
            return;
        }
        while (referencesDone < currentRef)
        {
            putInt(0);
            putInt(0);
            referencesDone++;
        }
        addChunk(runBin, runStart, lastEnd);
        foldSmallBins();
        Arrays.sort(usedBins, 0, usedBinCount);
        int binsLeft = 0;
        for (int i = 0; i < usedBinCount; i++)
        {
            final int bin = usedBins[i];
            if (chunkCounts[bin] > 0)
            {
                mergeAdjacentChunks(bin);
                binsLeft++;
            }
        }
        putInt(binsLeft + 1);
        for (int i = 0; i < usedBinCount; i++)
        {
            final int bin = usedBins[i];
            final int n = chunkCounts[bin];
            if (n > 0)
            {
                putInt(bin);
                putInt(n);
                for (int c = 0; c < n; c++)
                {
                    putLong(chunkStarts[bin][c]);
                    putLong(chunkEnds[bin][c]);
                }
                chunkCounts[bin] = 0;
            }
        }
        putInt(META_BIN);
        putInt(2);
        putLong(refBegin);
        putLong(lastEnd);
        putLong(mapped);
        putLong(unmapped);
        putInt(linearCount);
        for (int w = linearCount - 2; w >= 0; w--)
        {
            if (linear[w] == -1L)
            {
                linear[w] = linear[w + 1];
            }
        }
        for (int w = 0; w < linearCount; w++)
        {
            putLong(linear[w]);
        }
        referencesDone++;
        usedBinCount = 0;
        linearCount = 0;
        runBin = NONE;
        mapped = 0;
        unmapped = 0;
        currentRef = NONE;
    }

    /**
     * htslib's compress_binning: from the deepest level up, a bin whose chunks span under 64 KiB of compressed file
     * moves its chunks into its parent when the parent bin holds chunks of its own. Chunks of distinct runs never
     * overlap, so sorting starts and ends separately keeps each pair together.
     */
    private void foldSmallBins()
    {
        for (int level = LEVELS; level > 0; level--)
        {
            final int first = LEVEL_FIRST_BIN[level];
            final int end = level == LEVELS ? BIN_COUNT : LEVEL_FIRST_BIN[level + 1];
            final int binsBefore = usedBinCount;
            for (int i = 0; i < binsBefore; i++)
            {
                final int bin = usedBins[i];
                final int n = chunkCounts[bin];
                if (bin < first || bin >= end || n == 0)
                {
                    continue;
                }
                if (n > 1)
                {
                    Arrays.sort(chunkStarts[bin], 0, n);
                    Arrays.sort(chunkEnds[bin], 0, n);
                }
                final int parent = (bin - 1) >> 3;
                final int parentCount = chunkCounts[parent];
                if ((chunkEnds[bin][n - 1] >>> 16) - (chunkStarts[bin][0] >>> 16) < MIN_MARKER_DIST
                    && parentCount > 0)
                {
                    ensureChunkCapacity(parent, parentCount + n);
                    System.arraycopy(chunkStarts[bin], 0, chunkStarts[parent], parentCount, n);
                    System.arraycopy(chunkEnds[bin], 0, chunkEnds[parent], parentCount, n);
                    chunkCounts[parent] = parentCount + n;
                    chunkCounts[bin] = 0;
                }
            }
        }
        final int n = chunkCounts[0];
        if (n > 1)
        {
            Arrays.sort(chunkStarts[0], 0, n);
            Arrays.sort(chunkEnds[0], 0, n);
        }
    }

    /** Merges chunks that start in the BGZF block where the previous chunk ends (htslib and htsjdk alike). */
    private void mergeAdjacentChunks(final int bin)
    {
        final long[] starts = chunkStarts[bin];
        final long[] ends = chunkEnds[bin];
        final int n = chunkCounts[bin];
        int m = 0;
        for (int c = 1; c < n; c++)
        {
            if (ends[m] >>> 16 >= starts[c] >>> 16)
            {
                if (ends[m] < ends[c])
                {
                    ends[m] = ends[c];
                }
            }
            else
            {
                m++;
                starts[m] = starts[c];
                ends[m] = ends[c];
            }
        }
        chunkCounts[bin] = m + 1;
    }

    private void putBytes(final byte[] bytes)
    {
        ensureOut(bytes.length);
        System.arraycopy(bytes, 0, out, outLength, bytes.length);
        outLength += bytes.length;
    }

    private void putInt(final int v)
    {
        ensureOut(4);
        for (int i = 0; i < 4; i++)
        {
            out[outLength++] = (byte)(v >>> (8 * i));
        }
    }

    private void putLong(final long v)
    {
        ensureOut(8);
        for (int i = 0; i < 8; i++)
        {
            out[outLength++] = (byte)(v >>> (8 * i));
        }
    }

    private void ensureOut(final int more)
    {
        if (outLength + more > out.length)
        {
            out = Arrays.copyOf(out, Math.max(outLength + more, out.length * 2));
        }
    }
}

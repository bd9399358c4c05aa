package io.callscore.engine.pool;

import htsjdk.samtools.SAMFileHeader;
import io.callscore.engine.pool.bam.BamRecord;
import io.callscore.engine.pool.bam.BamRegionReader;
import io.callscore.engine.pool.bam.BgzfCompression;
import io.callscore.engine.pool.bam.BgzfRecordWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * The streaming pass of one window: takes the window's source records one at a time ({@link #accept}), keeps the
 * fragments the downsampling draw allows, scrubs and encodes each kept read once ({@link SliceReadEncoder}) and
 * writes it, under each task's own fresh name and read group, to the BAM of every coverage whose fraction covers
 * the draw (nested: the 6x reads are a subset of the 15x reads).
 * <p>Why a class of its own and not a loop in {@link BamWindowBuilder}: the per-record work here runs in methods
 * called thousands of times per window, so the JIT compiles them once as ordinary methods. As the body of a loop
 * in a method called once per window it was compiled on-stack again and again (each window's loop exit looked
 * like a branch never taken), which cost more than a second of compiler time per build.
 * <p>Nothing is allocated per read once the pending holders are warm.
 */
final class WindowReadCopier implements AutoCloseable
{
    /** Records may leave this far (bases) behind the incoming position: how far an edit can move a read's start. */
    private static final int REORDER_LAG = 256;
    private static final int FLAG_SKIPPED = 0x100 | 0x800;
    /** Records per {@link #copyBatch} call. */
    private static final int BATCH = 256;

    private final KeyedHash sample;
    private final double[] fraction;
    private final double maxFraction;
    private final Map<String, FragmentEdit> fragments;
    private final LongHashSet editedNames;
    private final SliceReadEncoder encoder;
    private final int sliceStart;
    private final BgzfRecordWriter[] writers;
    private final KeyedHash[] names;
    private final byte[][] groups;
    private final long[] written;
    private final ArrayDeque<PendingRecord> free = new ArrayDeque<>();
    private final ReorderBuffer pending = new ReorderBuffer();
    private long order;

    /**
     * Opens one BAM per coverage.
     *
     * @param sample    the key of the downsampling draw (a hash of the read name, so mates go together)
     * @param fraction  per coverage, the share of fragments kept; the first is the largest
     * @param fragments the edited fragments by source name
     * @param taskBams  per coverage, the BAM to write
     * @param headers   per coverage, its header (with its own read group)
     * @param groups    per coverage, the read-group id written into every record ({@link
     *                  SliceReadEncoder#READ_GROUP_LENGTH} bytes)
     * @param names     per coverage, the secret key its fresh read names are derived with
     */
    WindowReadCopier(final ReferenceSlice slice, final SliceReadEncoder encoder, final KeyedHash sample,
        final double[] fraction, final Map<String, FragmentEdit> fragments, final List<Path> taskBams,
        final SAMFileHeader[] headers, final byte[][] groups, final KeyedHash[] names, final int compression)
        throws IOException
    {
        this.sample = sample;
        this.fraction = fraction;
        this.maxFraction = fraction[0];
        this.fragments = fragments;
        this.editedNames = editedNameHashes(fragments, sample);
        this.encoder = encoder;
        this.sliceStart = slice.start();
        this.groups = groups;
        this.names = names;
        this.written = new long[taskBams.size()];
        this.writers = new BgzfRecordWriter[taskBams.size()];
        try
        {
            for (int i = 0; i < writers.length; i++)
            {
                writers[i] = new BgzfRecordWriter(taskBams.get(i), headers[i], compression,
                    BgzfCompression.deflaters());
            }
        }
        catch (final IOException | RuntimeException e)
        {
            close();
            throw e;
        }
    }

    /** Copies every record {@code in} still has (its query's), through {@code r}. */
    void copyAll(final BamRegionReader in, final BamRecord r) throws IOException
    {
        while (copyBatch(in, r))
        {
            // A loop of calls (this method runs once per window and is never worth compiling); between batches, a
            // cancelled build stops the window.
            WindowCancellation.check();
        }
    }

    /**
     * Copies up to {@value #BATCH} records; false once the reader is done. Batches give the JIT an ordinary method
     * that is called often and whose loop exits often: compiled once, early, and never on-stack.
     */
    private boolean copyBatch(final BamRegionReader in, final BamRecord r) throws IOException
    {
        for (int i = 0; i < BATCH; i++)
        {
            if (!in.next(r))
            {
                return false;
            }
            accept(r);
        }
        return true;
    }

    /** Takes the next source record of the window, in the source's coordinate order. */
    private void accept(final BamRecord r) throws IOException
    {
        if ((r.flag() & FLAG_SKIPPED) != 0)
        {
            return;
        }
        final long h = sample.hash(r.buffer(), r.nameOffset(), r.nameLength() - 1);
        final double u = KeyedHash.unit(h);
        if (u >= maxFraction)
        {
            return;
        }
        final FragmentEdit edit = editedNames.contains(h) ? fragments.get(r.name()) : null;
        final PendingRecord p = free.isEmpty() ? new PendingRecord() : free.pop();
        if (!encoder.encode(r, edit, p))
        {
            free.push(p);
            return;
        }
        p.unit = u;
        p.order = order++;
        pending.add(p);
        final int safe = r.pos() - sliceStart - REORDER_LAG;
        PendingRecord next;
        while ((next = pending.peek()) != null && next.pos < safe)
        {
            emit(pending.poll());
        }
    }

    /** Writes the records still waiting and closes every BAM (with its index); the counts are then final. */
    void finish() throws IOException
    {
        PendingRecord next;
        while ((next = pending.poll()) != null)
        {
            emit(next);
        }
        for (int i = 0; i < writers.length; i++)
        {
            writers[i].close();
            writers[i] = null;
        }
    }

    /** Per coverage, the reads written so far. */
    long[] written()
    {
        return written.clone();
    }

    /** Closes whatever is still open without reporting; for the failure path (the window is rebuilt on resume). */
    @Override
    public void close()
    {
        for (int i = 0; i < writers.length; i++)
        {
            if (writers[i] != null)
            {
                try
                {
                    writers[i].close();
                }
                catch (final IOException | RuntimeException e)
                {
                    // Already failing: the first error is the one reported.
                }
                writers[i] = null;
            }
        }
    }

    private void emit(final PendingRecord p) throws IOException
    {
        for (int i = 0; i < writers.length; i++)
        {
            if (p.unit < fraction[i])
            {
                names[i].rename(p.sourceName, 0, p.sourceNameLength, p.bytes, BamRecord.FIXED);
                System.arraycopy(groups[i], 0, p.bytes, p.readGroupAt, SliceReadEncoder.READ_GROUP_LENGTH);
                writers[i].write(p.bytes, 0, p.length);
                written[i]++;
            }
        }
        free.push(p);
    }

    /** Keyed hashes of the edited fragments' names: a cheap test before the map lookup. */
    private static LongHashSet editedNameHashes(final Map<String, FragmentEdit> fragments, final KeyedHash sample)
    {
        final long[] hashes = new long[fragments.size()];
        int i = 0;
        for (final String name : fragments.keySet())
        {
            hashes[i++] = sample.hash(name);
        }
        return new LongHashSet(hashes);
    }
}

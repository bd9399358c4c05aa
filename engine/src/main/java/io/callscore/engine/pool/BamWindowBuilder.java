package io.callscore.engine.pool;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMReadGroupRecord;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.util.SequenceUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Builds the BAM tasks of one window from the source BAM in two steps.
 * <ol>
 *   <li>Targeted reads: the source depth is estimated from sampled chunks, the depth at each spike site is counted
 *       per coverage (shallow sites are dropped), and the reads over each kept spike and each spike-out site are
 *       edited ({@link ReadEditor}). Edited reads are remembered by name, with how far their start and 5' end
 *       moved, so their mates can be kept consistent.</li>
 *   <li>One streaming pass over the window: fragments are downsampled by a keyed hash of their name (nested:
 *       the 6x reads are a subset of the 15x reads), edited reads are substituted, coordinates move into the
 *       slice, and every read is scrubbed (fresh name, one new read group, only RG/MD/NM tags) before it goes to
 *       the BAM of each coverage that keeps it.</li>
 * </ol>
 */
final class BamWindowBuilder
{
    /** What the window's BAM tasks hold. */
    record Result(double sourceDepth, List<SmallVariant> spiked, List<SmallVariant> reverted, long[] readsWritten,
        int editedReads)
    {
    }

    private static final int SMALL_WINDOW = 200_000;
    private static final int DEPTH_CHUNKS = 40;
    private static final int DEPTH_CHUNK = 5_000;
    private static final int REORDER_LAG = 256;
    private static final int FLAG_SKIPPED = 0x100 | 0x800;
    private static final int FLAG_NOT_COUNTED = 0x4 | 0x100 | 0x200 | 0x400 | 0x800;

    private final SamReader reader;
    private final PoolBuildOptions options;
    private final SecureRandom secure;

    BamWindowBuilder(final SamReader reader, final PoolBuildOptions options, final SecureRandom secure)
    {
        this.reader = reader;
        this.options = options;
        this.secure = secure;
    }

    /** A read after editing, with how its start and 5' end moved. */
    private static final class EditedRead
    {
        final AlignedRead read;
        final int originalStart;
        final int originalEnd;
        final boolean reverse;

        EditedRead(final AlignedRead read, final int originalStart, final int originalEnd, final boolean reverse)
        {
            this.read = read;
            this.originalStart = originalStart;
            this.originalEnd = originalEnd;
            this.reverse = reverse;
        }

        int startShift()
        {
            return read.alignmentStart() - originalStart;
        }

        int fivePrimeShift()
        {
            return reverse ? read.alignmentEnd() - originalEnd : startShift();
        }
    }

    /** The edited reads of one fragment, by segment (0 unpaired, 1 first, 2 second). */
    private static final class FragmentEdit
    {
        final EditedRead[] segments = new EditedRead[3];

        int startShift(final int segment)
        {
            return segments[segment] == null ? 0 : segments[segment].startShift();
        }

        int fivePrimeShift(final int segment)
        {
            return segments[segment] == null ? 0 : segments[segment].fivePrimeShift();
        }
    }

    /** A record waiting for its place in coordinate order. */
    private record Pending(SAMRecord record, double unit, long order)
    {
    }

    Result build(final Window w, final ReferenceSlice slice, final SitePlanner.Plan plan,
        final List<Path> taskBams)
    {
        final List<Integer> coverages = options.coverages();
        final double depth = estimateDepth(w, slice);
        final double[] fraction = new double[coverages.size()];
        for (int i = 0; i < fraction.length; i++)
        {
            fraction[i] = depth <= 0 ? 1.0 : Math.min(1.0, coverages.get(i) / depth);
        }
        final KeyedHash sample = KeyedHash.derived(options.seed(), 4L * w.index() + 1);
        final KeyedHash haplotype = KeyedHash.derived(options.seed(), 4L * w.index() + 2);

        final List<SmallVariant> spiked = new ArrayList<>();
        for (final SmallVariant v : plan.spikes())
        {
            if (minDepth(w, v, sample, fraction) >= options.minDepth())
            {
                spiked.add(v);
            }
        }
        final Map<String, FragmentEdit> fragments = new HashMap<>();
        final int edited = editReads(w, slice, spiked, plan.reverted(), haplotype, fragments);
        final long[] written = stream(w, slice, sample, fraction, fragments, taskBams);
        return new Result(depth, List.copyOf(spiked), plan.reverted(), written, edited);
    }

    // ---- step 1: targeted reads ----------------------------------------------------------------------------

    private double estimateDepth(final Window w, final ReferenceSlice slice)
    {
        final int chunks = w.length() <= SMALL_WINDOW ? 1 : DEPTH_CHUNKS;
        final int chunk = chunks == 1 ? w.length() : DEPTH_CHUNK;
        long aligned = 0;
        long bases = 0;
        for (int k = 0; k < chunks; k++)
        {
            final int cs = chunks == 1 ? w.start() : w.start() + (int)((long)k * (w.length() - chunk) / (chunks - 1));
            final int ce = cs + chunk;
            for (int p = cs; p < ce; p++)
            {
                bases += slice.base(p) == 'N' ? 0 : 1;
            }
            try (SAMRecordIterator it = reader.queryOverlapping(w.contig(), cs + 1, ce))
            {
                while (it.hasNext())
                {
                    final SAMRecord r = it.next();
                    if ((r.getFlags() & FLAG_NOT_COUNTED) == 0)
                    {
                        aligned += Math.max(0, Math.min(ce, r.getAlignmentEnd()) - Math.max(cs, r.getAlignmentStart() - 1));
                    }
                }
            }
        }
        return bases == 0 ? 0 : (double)aligned / bases;
    }

    /** The smallest read depth over a site among the coverages. */
    private int minDepth(final Window w, final SmallVariant v, final KeyedHash sample, final double[] fraction)
    {
        final int[] count = new int[fraction.length];
        try (SAMRecordIterator it = reader.queryOverlapping(w.contig(), v.pos() + 1, v.end()))
        {
            while (it.hasNext())
            {
                final SAMRecord r = it.next();
                if ((r.getFlags() & FLAG_NOT_COUNTED) != 0)
                {
                    continue;
                }
                final double u = sample.unit(r.getReadName());
                for (int i = 0; i < fraction.length; i++)
                {
                    count[i] += u < fraction[i] ? 1 : 0;
                }
            }
        }
        int min = Integer.MAX_VALUE;
        for (final int c : count)
        {
            min = Math.min(min, c);
        }
        return min;
    }

    private int editReads(final Window w, final ReferenceSlice slice, final List<SmallVariant> spiked,
        final List<SmallVariant> reverted, final KeyedHash haplotype, final Map<String, FragmentEdit> fragments)
    {
        final Map<String, EditedRead> reads = new LinkedHashMap<>();
        final Map<String, EditedRead> changed = new LinkedHashMap<>();
        final List<SmallVariant> edits = new ArrayList<>(spiked);
        edits.addAll(reverted);
        edits.sort(java.util.Comparator.comparingInt(SmallVariant::pos));
        for (final SmallVariant v : edits)
        {
            final boolean revert = reverted.contains(v);
            final int reach = Math.max(v.ref().length(), v.alts()[0].length()) + 1000;
            try (SAMRecordIterator it = reader.queryOverlapping(w.contig(), v.pos(), v.pos() + (revert ? reach : 1)
                + v.ref().length()))
            {
                while (it.hasNext())
                {
                    final SAMRecord r = it.next();
                    if ((r.getFlags() & (0x4 | FLAG_SKIPPED)) != 0)
                    {
                        continue;
                    }
                    if (!revert && !v.isHom())
                    {
                        final int hap = (int)(haplotype.hash(r.getReadName()) & 1);
                        if ((hap == 0 ? v.gt0() : v.gt1()) != 1)
                        {
                            continue;
                        }
                    }
                    final String key = r.getReadName() + '\t' + segment(r.getFlags());
                    EditedRead e = reads.get(key);
                    if (e == null)
                    {
                        final AlignedRead a = AlignedRead.parse(r.getAlignmentStart() - 1, r.getCigar(),
                            r.getReadBases());
                        if (a == null)
                        {
                            continue;
                        }
                        e = new EditedRead(a, r.getAlignmentStart() - 1, r.getAlignmentEnd(),
                            r.getReadNegativeStrandFlag());
                        reads.put(key, e);
                    }
                    final boolean did = revert ? ReadEditor.revert(e.read, slice, v) : ReadEditor.putAlt(e.read, slice, v);
                    if (did)
                    {
                        changed.put(key, e);
                    }
                }
            }
        }
        for (final Map.Entry<String, EditedRead> e : changed.entrySet())
        {
            final String key = e.getKey();
            final int tab = key.lastIndexOf('\t');
            final String name = key.substring(0, tab);
            final int seg = key.charAt(tab + 1) - '0';
            fragments.computeIfAbsent(name, k -> new FragmentEdit()).segments[seg] = e.getValue();
        }
        return changed.size();
    }

    private static int segment(final int flags)
    {
        if ((flags & 0x1) == 0)
        {
            return 0;
        }
        return (flags & 0x40) != 0 ? 1 : 2;
    }

    // ---- step 2: one streaming pass --------------------------------------------------------------------------

    private long[] stream(final Window w, final ReferenceSlice slice, final KeyedHash sample,
        final double[] fraction, final Map<String, FragmentEdit> fragments, final List<Path> taskBams)
    {
        final int tasks = taskBams.size();
        final SAMFileWriter[] writers = new SAMFileWriter[tasks];
        final KeyedHash[] names = new KeyedHash[tasks];
        final String[] groups = new String[tasks];
        final long[] written = new long[tasks];
        final SAMFileHeader base = sliceHeader(slice);
        final SAMFileWriterFactory factory = new SAMFileWriterFactory().setCreateIndex(true)
            .setCompressionLevel(options.compression());
        final double maxFraction = fraction[0];
        try
        {
            for (int i = 0; i < tasks; i++)
            {
                final SAMFileHeader h = base.clone();
                groups[i] = token(8);
                final SAMReadGroupRecord rg = new SAMReadGroupRecord(groups[i]);
                rg.setSample("S" + token(10));
                h.addReadGroup(rg);
                names[i] = KeyedHash.secret(secure);
                writers[i] = factory.makeBAMWriter(h, true, taskBams.get(i));
            }
            final PriorityQueue<Pending> pending = new PriorityQueue<>((a, b) ->
            {
                final int c = Integer.compare(a.record().getAlignmentStart(), b.record().getAlignmentStart());
                return c != 0 ? c : Long.compare(a.order(), b.order());
            });
            long order = 0;
            try (SAMRecordIterator it = reader.queryOverlapping(w.contig(), w.start() + 1, w.end()))
            {
                while (it.hasNext())
                {
                    final SAMRecord r = it.next();
                    if ((r.getFlags() & FLAG_SKIPPED) != 0)
                    {
                        continue;
                    }
                    final double u = sample.unit(r.getReadName());
                    if (u >= maxFraction)
                    {
                        continue;
                    }
                    final int sourceStart = r.getAlignmentStart();
                    if (!transform(r, slice, base, fragments.isEmpty() ? null : fragments.get(r.getReadName())))
                    {
                        continue;
                    }
                    pending.add(new Pending(r, u, order++));
                    final int safe = sourceStart - slice.start() - REORDER_LAG;
                    while (!pending.isEmpty() && pending.peek().record().getAlignmentStart() < safe)
                    {
                        emit(pending.poll(), fraction, writers, names, groups, written);
                    }
                }
            }
            while (!pending.isEmpty())
            {
                emit(pending.poll(), fraction, writers, names, groups, written);
            }
        }
        finally
        {
            for (final SAMFileWriter writer : writers)
            {
                if (writer != null)
                {
                    writer.close();
                }
            }
        }
        for (final Path bam : taskBams)
        {
            final String name = bam.getFileName().toString();
            final Path bai = bam.resolveSibling(name.substring(0, name.length() - 4) + ".bai");
            try
            {
                Files.move(bai, bam.resolveSibling(name + ".bai"), StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException("cannot rename the index of " + bam + ": " + e.getMessage(), e);
            }
        }
        return written;
    }

    private static void emit(final Pending p, final double[] fraction, final SAMFileWriter[] writers,
        final KeyedHash[] names, final String[] groups, final long[] written)
    {
        final SAMRecord r = p.record();
        final String original = r.getReadName();
        for (int i = 0; i < writers.length; i++)
        {
            if (p.unit() < fraction[i])
            {
                r.setReadName(names[i].rename(original));
                r.setAttribute("RG", groups[i]);
                writers[i].addAlignment(r);
                written[i]++;
            }
        }
    }

    /**
     * Applies the fragment's edits, moves the record into slice coordinates and scrubs it. Returns false when the
     * read does not fit in the slice.
     */
    private static boolean transform(final SAMRecord r, final ReferenceSlice slice, final SAMFileHeader header,
        final FragmentEdit edit)
    {
        final int flags = r.getFlags();
        final boolean unmapped = (flags & 0x4) != 0;
        final boolean paired = (flags & 0x1) != 0;
        final boolean mateMapped = paired && (flags & 0x8) == 0;
        final String mateContig = r.getMateReferenceName();
        int start = r.getAlignmentStart();
        int mateStart = r.getMateAlignmentStart();
        int tlen = r.getInferredInsertSize();
        if (edit != null)
        {
            final int self = segment(flags);
            final int mate = self == 0 ? 0 : 3 - self;
            final EditedRead e = edit.segments[self];
            if (e != null && !unmapped)
            {
                r.setReadBases(e.read.bases());
                r.setCigar(e.read.cigar());
                start = e.read.alignmentStart() + 1;
            }
            if (self != 0)
            {
                mateStart += edit.startShift(mate);
                if (unmapped)
                {
                    start += edit.startShift(mate);
                }
                if (tlen != 0)
                {
                    // TLEN runs from this read's 5' end to the mate's: it moves with both.
                    tlen += edit.fivePrimeShift(mate) - edit.fivePrimeShift(self);
                }
            }
        }
        final int end = unmapped ? start : start + r.getCigar().getReferenceLength() - 1;
        if (start - 1 < slice.start() || end > slice.end())
        {
            return false;
        }
        final boolean mateInSlice = mateMapped && slice.contig().equals(mateContig)
            && mateStart - 1 >= slice.start() && mateStart <= slice.end();
        r.setHeader(header);
        r.setReferenceName(WindowFiles.SLICE_CONTIG);
        r.setAlignmentStart(start - slice.start());
        if (mateInSlice)
        {
            r.setMateReferenceName(WindowFiles.SLICE_CONTIG);
            r.setMateAlignmentStart(mateStart - slice.start());
            r.setInferredInsertSize(tlen);
        }
        else if (paired)
        {
            r.setMateUnmappedFlag(true);
            r.setMateNegativeStrandFlag(false);
            r.setProperPairFlag(false);
            if (unmapped)
            {
                return false;
            }
            r.setMateReferenceName(WindowFiles.SLICE_CONTIG);
            r.setMateAlignmentStart(start - slice.start());
            r.setInferredInsertSize(0);
        }
        r.clearAttributes();
        if (!unmapped && r.getReadLength() > 0)
        {
            SequenceUtil.calculateMdAndNmTags(r, slice.ascii(), true, true);
        }
        return true;
    }

    private static SAMFileHeader sliceHeader(final ReferenceSlice slice)
    {
        final SAMFileHeader h = new SAMFileHeader();
        h.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        h.addSequence(new SAMSequenceRecord(WindowFiles.SLICE_CONTIG, slice.length()));
        return h;
    }

    private String token(final int length)
    {
        final char[] hex = "0123456789abcdef".toCharArray();
        final char[] out = new char[length];
        for (int i = 0; i < length; i++)
        {
            out[i] = hex[secure.nextInt(16)];
        }
        return new String(out);
    }
}

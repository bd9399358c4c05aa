package io.callscore.engine.pool;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMReadGroupRecord;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamReader;
import io.callscore.engine.pool.bam.BamRecord;
import io.callscore.engine.pool.bam.BamRegionReader;
import io.callscore.engine.pool.bam.BgzfBlockCache;
import io.callscore.engine.pool.bam.BgzfCompression;
import io.callscore.engine.pool.bam.BgzfRecordWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private static final int CACHED_BLOCKS = 1024;
    private static final int FLAG_SKIPPED = 0x100 | 0x800;
    private static final int FLAG_NOT_COUNTED = 0x4 | 0x100 | 0x200 | 0x400 | 0x800;

    private final SamReader reader;
    private final PoolBuildOptions options;
    private final SecureRandom secure;
    /**
     * The source blocks inflated for the depth estimate and the edited sites, kept for the streaming pass (one
     * window's worth: at most {@value #CACHED_BLOCKS} blocks of 64 KiB). One cache per worker thread, cleared
     * between windows, so its block arrays serve window after window.
     */
    private static final ThreadLocal<BgzfBlockCache> CACHES =
        ThreadLocal.withInitial(() -> new BgzfBlockCache(CACHED_BLOCKS));

    BamWindowBuilder(final SamReader reader, final PoolBuildOptions options, final SecureRandom secure)
    {
        this.reader = reader;
        this.options = options;
        this.secure = secure;
    }

    Result build(final Window w, final ReferenceSlice slice, final SitePlanner.Plan plan,
        final List<Path> taskBams)
    {
        final BgzfBlockCache blocks = CACHES.get();
        blocks.clear();
        final List<Integer> coverages = options.coverages();
        final KeyedHash sample = KeyedHash.derived(options.seed(), 4L * w.index() + 1);
        final KeyedHash haplotype = KeyedHash.derived(options.seed(), 4L * w.index() + 2);
        final double depth;
        final double[] fraction = new double[coverages.size()];
        final List<SmallVariant> spiked = new ArrayList<>();
        final Map<String, FragmentEdit> fragments = new HashMap<>();
        final int edited;
        // One reader serves every short query of step 1; the blocks it inflates stay for the streaming pass.
        try (BamRegionReader in = new BamRegionReader(reader, options.bam(), blocks, true))
        {
            depth = estimateDepth(in, w, slice);
            for (int i = 0; i < fraction.length; i++)
            {
                fraction[i] = depth <= 0 ? 1.0 : Math.min(1.0, coverages.get(i) / depth);
            }
            for (final SmallVariant v : plan.spikes())
            {
                if (minDepth(in, w, v, sample, fraction) >= options.minDepth())
                {
                    spiked.add(v);
                }
            }
            edited = editReads(in, w, slice, spiked, plan.reverted(), haplotype, fragments);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + options.bam() + ": " + e.getMessage(), e);
        }
        final long[] written = stream(w, slice, sample, fraction, fragments, taskBams, blocks);
        blocks.clear();
        return new Result(depth, List.copyOf(spiked), plan.reverted(), written, edited);
    }

    // ---- step 1: targeted reads ----------------------------------------------------------------------------

    private double estimateDepth(final BamRegionReader in, final Window w, final ReferenceSlice slice)
        throws IOException
    {
        final int chunks = w.length() <= SMALL_WINDOW ? 1 : DEPTH_CHUNKS;
        final int chunk = chunks == 1 ? w.length() : DEPTH_CHUNK;
        final BamRecord r = new BamRecord();
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
            in.query(w.contig(), cs, ce);
            while (in.next(r))
            {
                if ((r.flag() & FLAG_NOT_COUNTED) == 0)
                {
                    aligned += Math.max(0, Math.min(ce, r.pos() + r.referenceLength()) - Math.max(cs, r.pos()));
                }
            }
        }
        return bases == 0 ? 0 : (double)aligned / bases;
    }

    /** The smallest read depth over a site among the coverages. */
    private static int minDepth(final BamRegionReader in, final Window w, final SmallVariant v,
        final KeyedHash sample, final double[] fraction) throws IOException
    {
        final int[] count = new int[fraction.length];
        final BamRecord r = new BamRecord();
        in.query(w.contig(), v.pos(), v.end());
        while (in.next(r))
        {
            if ((r.flag() & FLAG_NOT_COUNTED) != 0)
            {
                continue;
            }
            final double u = KeyedHash.unit(sample.hash(r.buffer(), r.nameOffset(), r.nameLength() - 1));
            for (int i = 0; i < fraction.length; i++)
            {
                count[i] += u < fraction[i] ? 1 : 0;
            }
        }
        int min = Integer.MAX_VALUE;
        for (final int c : count)
        {
            min = Math.min(min, c);
        }
        return min;
    }

    private static int editReads(final BamRegionReader in, final Window w, final ReferenceSlice slice,
        final List<SmallVariant> spiked, final List<SmallVariant> reverted, final KeyedHash haplotype,
        final Map<String, FragmentEdit> fragments) throws IOException
    {
        final BamRecord r = new BamRecord();
        final Map<String, EditedRead> reads = new LinkedHashMap<>();
        final Map<String, EditedRead> changed = new LinkedHashMap<>();
        final List<SmallVariant> edits = new ArrayList<>(spiked);
        edits.addAll(reverted);
        edits.sort(java.util.Comparator.comparingInt(SmallVariant::pos));
        for (final SmallVariant v : edits)
        {
            final boolean revert = reverted.contains(v);
            final int reach = Math.max(v.ref().length(), v.alts()[0].length()) + 1000;
            in.query(w.contig(), v.pos() - 1, v.pos() + (revert ? reach : 1) + v.ref().length());
            while (in.next(r))
            {
                editRead(r, v, revert, slice, haplotype, reads, changed);
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

    /**
     * Applies one edit to one read over its site (a read already edited for an earlier site is edited further).
     * A method of its own, called for every read of every site, so that the JIT compiles it once rather than
     * recompiling the per-window loop above on-stack.
     */
    private static void editRead(final BamRecord r, final SmallVariant v, final boolean revert,
        final ReferenceSlice slice, final KeyedHash haplotype, final Map<String, EditedRead> reads,
        final Map<String, EditedRead> changed)
    {
        final int flags = r.flag();
        if ((flags & (0x4 | FLAG_SKIPPED)) != 0)
        {
            return;
        }
        if (!revert && !v.isHom())
        {
            final int hap = (int)(haplotype.hash(r.buffer(), r.nameOffset(), r.nameLength() - 1) & 1);
            if ((hap == 0 ? v.gt0() : v.gt1()) != 1)
            {
                return;
            }
        }
        final String key = r.name() + '\t' + FragmentEdit.segment(flags);
        EditedRead e = reads.get(key);
        if (e == null)
        {
            final AlignedRead a = AlignedRead.parse(r.pos(), r.cigar(), r.bases());
            if (a == null)
            {
                return;
            }
            e = new EditedRead(a, r.pos(), r.pos() + r.referenceLength(), (flags & 0x10) != 0);
            reads.put(key, e);
        }
        final boolean did = revert ? ReadEditor.revert(e.read, slice, v) : ReadEditor.putAlt(e.read, slice, v);
        if (did)
        {
            changed.put(key, e);
        }
    }

    // ---- step 2: one streaming pass --------------------------------------------------------------------------

    /** Copies the window's reads to every coverage's BAM as raw records ({@link WindowReadCopier}). */
    private long[] stream(final Window w, final ReferenceSlice slice, final KeyedHash sample,
        final double[] fraction, final Map<String, FragmentEdit> fragments, final List<Path> taskBams,
        final BgzfBlockCache blocks)
    {
        final int tasks = taskBams.size();
        final SAMFileHeader[] headers = new SAMFileHeader[tasks];
        final KeyedHash[] names = new KeyedHash[tasks];
        final byte[][] groups = new byte[tasks][];
        final SAMFileHeader base = sliceHeader(slice);
        for (int i = 0; i < tasks; i++)
        {
            headers[i] = base.clone();
            final String group = token(SliceReadEncoder.READ_GROUP_LENGTH);
            groups[i] = group.getBytes(StandardCharsets.US_ASCII);
            final SAMReadGroupRecord rg = new SAMReadGroupRecord(group);
            rg.setSample("S" + token(10));
            headers[i].addReadGroup(rg);
            names[i] = KeyedHash.secret(secure);
        }
        final SliceReadEncoder encoder = new SliceReadEncoder(slice,
            reader.getFileHeader().getSequenceIndex(w.contig()));
        final BamRecord r = new BamRecord();
        try (WindowReadCopier copier = new WindowReadCopier(slice, encoder, sample, fraction, fragments, taskBams,
                headers, groups, names, options.compression());
             BamRegionReader in = new BamRegionReader(reader, options.bam(), blocks, false))
        {
            in.query(w.contig(), w.start(), w.end());
            copier.copyAll(in, r);
            copier.finish();
            return copier.written();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot copy the reads of " + w.region() + ": " + e.getMessage(), e);
        }
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

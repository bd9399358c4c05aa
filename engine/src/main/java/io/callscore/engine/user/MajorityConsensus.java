package io.callscore.engine.user;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.ContigOutcome;
import io.callscore.compare.Counts;
import io.callscore.compare.VariantStatus;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.VariantSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Majority consensus of several call sets of the same job, with agreement decided by the comparator, so that how a
 * variant is written (indel position in a repeat, an MNP or its SNPs) does not split its votes.
 *
 * <p><b>Votes.</b> Every voter's set is compared, as the baseline, with every other voter's set as the calls, in
 * genotype mode. Variant {@code v} of voter {@code y} gets a vote from {@code y} itself and from every other voter
 * {@code z} whose calls match it ({@code v} is a baseline TP of the comparison {@code y} vs {@code z}): the same
 * haplotypes, however written. These pairwise votes are computed once per job.
 *
 * <p><b>Consensus of a group</b> (for a miner's leave-one-out consensus, the group is every voter but that miner):
 * {@code v} of {@code y} is <i>supported</i> when more than half of the group votes for it (a strict majority,
 * counting only voters of the group). The consensus takes the supported variants of the group's voters in voter
 * order (the canonical order the caller chose, e.g. by hotkey): all of the first voter's, then of each next voter
 * those the consensus so far does not already match (again decided by the comparator), so an equivalent variant
 * enters once, written as the first voter in order that supports it wrote it. A supported variant whose span
 * overlaps one already taken is left out (two overlapping variants cannot both be on one haplotype path).
 */
public final class MajorityConsensus
{
    private final List<VariantSet> voters;
    private final ReferenceGenome reference;
    private final CompareOptions options;
    private final ExecutorService pool;
    /** support.get(y).get(contig)[v]: bit z set when voter z's calls match variant v of voter y. */
    private final List<Map<String, long[]>> support;
    /** equivalent[y][z]: the two call sets match completely (no FP, no FN, nothing too complex). */
    private final boolean[][] equivalent;

    private MajorityConsensus(final List<VariantSet> voters, final ReferenceGenome reference,
        final CompareOptions options, final ExecutorService pool)
    {
        this.voters = List.copyOf(voters);
        this.reference = reference;
        this.options = options;
        this.pool = pool;
        this.support = new ArrayList<>(voters.size());
        this.equivalent = new boolean[voters.size()][voters.size()];
    }

    /**
     * Computes the pairwise votes of {@code voters} (at most 64), comparing on {@code pool} (null: this thread).
     * The comparator only reads the sets, so they may be shared.
     */
    public static MajorityConsensus of(final List<VariantSet> voters, final ReferenceGenome reference,
        final CompareOptions options, final ExecutorService pool)
    {
        if (voters.size() > Long.SIZE)
        {
            throw new IllegalArgumentException("at most " + Long.SIZE + " call sets, not " + voters.size());
        }
        final MajorityConsensus c = new MajorityConsensus(voters, reference, options, pool);
        final int n = voters.size();
        for (int y = 0; y < n; y++)
        {
            final Map<String, long[]> byContig = new HashMap<>();
            voters.get(y).contigs().forEach((name, cv) -> byContig.put(name, new long[cv.size()]));
            c.support.add(byContig);
        }
        final List<int[]> pairs = new ArrayList<>();
        for (int y = 0; y < n; y++)
        {
            for (int z = 0; z < n; z++)
            {
                if (y != z)
                {
                    pairs.add(new int[] {y, z});
                }
            }
        }
        final List<ComparisonResult> results = c.compareAll(pairs.stream()
            .map(p -> new VariantSet[] {voters.get(p[0]), voters.get(p[1])}).toList());
        for (int i = 0; i < pairs.size(); i++)
        {
            final int y = pairs.get(i)[0];
            final int z = pairs.get(i)[1];
            final ComparisonResult r = results.get(i);
            for (final ContigOutcome o : r.contigs())
            {
                final long[] votes = c.support.get(y).get(o.contig());
                for (int v = 0; votes != null && v < votes.length; v++)
                {
                    if (o.baselineStatus()[v] == VariantStatus.TP)
                    {
                        votes[v] |= 1L << z;
                    }
                }
            }
            if (matchesCompletely(r))
            {
                c.equivalent[y][z] = true;
                c.equivalent[z][y] = true;
            }
        }
        return c;
    }

    /** Whether a comparison matched everything on both sides: no FP, no FN, no too-complex region. */
    public static boolean matchesCompletely(final ComparisonResult r)
    {
        final Counts.ClassCounts t = r.counts().total();
        return t.fp() == 0 && t.fn() == 0 && r.tooComplexRegions().isEmpty();
    }

    public int size()
    {
        return voters.size();
    }

    /** Whether voters y and z returned equivalent call sets (the same haplotypes, however written). */
    public boolean equivalent(final int y, final int z)
    {
        return equivalent[y][z];
    }

    /** Votes for variant {@code v} of voter {@code y} on {@code contig} from the voters in {@code group}. */
    public int votes(final int y, final String contig, final int v, final long group)
    {
        final long others = support.get(y).get(contig)[v] & group & ~(1L << y);
        return Long.bitCount(others) + ((group >>> y & 1) != 0 ? 1 : 0);
    }

    /** The consensus of the voters in {@code group} (bit i: voter i); empty for an empty group. */
    public VariantSet consensus(final long group)
    {
        final int size = Long.bitCount(group);
        final Taken taken = new Taken(reference);
        for (int y = 0; y < voters.size(); y++)
        {
            if ((group >>> y & 1) == 0)
            {
                continue;
            }
            final VariantSet supported = supported(y, group, size);
            if (supported.variantCount() == 0)
            {
                continue;
            }
            if (taken.isEmpty())
            {
                supported.contigs().values().forEach(cv -> taken.addAll(cv, null));
                continue;
            }
            final ComparisonResult r = VcfComparator.compare(taken.toVariantSet(), supported, reference, options);
            for (final ContigOutcome o : r.contigs())
            {
                if (o.calls() != null)
                {
                    taken.addAll(o.calls(), o.callStatus());
                }
            }
        }
        return taken.toVariantSet();
    }

    /** Voter y's variants with a strict majority of {@code group} (of {@code size} voters) for them. */
    private VariantSet supported(final int y, final long group, final int size)
    {
        final VariantSet out = new VariantSet(null, "CONSENSUS");
        for (final ContigVariants cv : voters.get(y).contigs().values())
        {
            ContigVariants kept = null;
            for (int v = 0; v < cv.size(); v++)
            {
                if (2 * votes(y, cv.contig(), v, group) > size)
                {
                    if (kept == null)
                    {
                        kept = new ContigVariants(cv.contig(), cv.ploidy());
                    }
                    copy(cv, v, kept);
                }
            }
            if (kept != null)
            {
                out.put(kept);
            }
        }
        return out;
    }

    /** Compares {baseline, calls} pairs on the pool. */
    List<ComparisonResult> compareAll(final List<VariantSet[]> pairs)
    {
        if (pool == null)
        {
            return pairs.stream().map(p -> VcfComparator.compare(p[0], p[1], reference, options)).toList();
        }
        final List<Future<ComparisonResult>> futures = new ArrayList<>(pairs.size());
        for (final VariantSet[] p : pairs)
        {
            futures.add(pool.submit(() -> VcfComparator.compare(p[0], p[1], reference, options)));
        }
        final List<ComparisonResult> out = new ArrayList<>(pairs.size());
        for (final Future<ComparisonResult> f : futures)
        {
            try
            {
                out.add(f.get());
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("consensus interrupted", e);
            }
            catch (final ExecutionException e)
            {
                throw e.getCause() instanceof RuntimeException re ? re
                    : new IllegalStateException("comparison failed", e.getCause());
            }
        }
        return out;
    }

    /** Appends a copy of variant v of {@code from} to {@code to} (its alleles, genotype and class flags). */
    static void copy(final ContigVariants from, final int v, final ContigVariants to)
    {
        final int w = to.beginVariant(to.size(), (byte)(from.flags(v) & ~ContigVariants.OUTSIDE));
        for (int k = 0; k < from.alleleCount(v); k++)
        {
            final int a = from.alleleHandle(v, k);
            if (from.alleleLength(a) < 0)
            {
                to.addAbsentAllele(from.alleleStart(a), from.alleleEnd(a));
            }
            else
            {
                to.addAlleleCodes(from.alleleStart(a), from.alleleEnd(a), from.bases(), from.alleleOffset(a),
                    from.alleleLength(a));
            }
        }
        for (int h = 0; h < from.ploidy(); h++)
        {
            to.setGt(w, h, from.gt(v, h));
        }
    }

    /** The consensus being built: chosen variants per contig, with their spans for the overlap check. */
    private static final class Taken
    {
        private record Pick(ContigVariants from, int v)
        {
        }

        private final ReferenceGenome reference;
        private final Map<String, List<Pick>> picks = new HashMap<>();
        /** Per contig: start -> ends of the picks starting there. */
        private final Map<String, TreeMap<Integer, List<Integer>>> spans = new HashMap<>();
        private final Map<String, Integer> longest = new HashMap<>();
        private int count;

        Taken(final ReferenceGenome reference)
        {
            this.reference = reference;
        }

        boolean isEmpty()
        {
            return count == 0;
        }

        /** Adds the variants of {@code cv} whose status is not TP (all when {@code status} is null), if free. */
        void addAll(final ContigVariants cv, final byte[] status)
        {
            for (int v = 0; v < cv.size(); v++)
            {
                if ((status == null || status[v] != VariantStatus.TP) && !overlaps(cv.contig(), cv.start(v), cv.end(v)))
                {
                    picks.computeIfAbsent(cv.contig(), c -> new ArrayList<>()).add(new Pick(cv, v));
                    spans.computeIfAbsent(cv.contig(), c -> new TreeMap<>())
                        .computeIfAbsent(cv.start(v), s -> new ArrayList<>()).add(cv.end(v));
                    longest.merge(cv.contig(), cv.end(v) - cv.start(v), Math::max);
                    count++;
                }
            }
        }

        /** Whether [start, end) overlaps a taken span, or equals one (two insertions at one point). */
        private boolean overlaps(final String contig, final int start, final int end)
        {
            final TreeMap<Integer, List<Integer>> byStart = spans.get(contig);
            if (byStart == null)
            {
                return false;
            }
            final int from = start - longest.getOrDefault(contig, 0);
            for (final Map.Entry<Integer, List<Integer>> e : byStart.subMap(from, true, Math.max(end, start), true)
                .entrySet())
            {
                final int s = e.getKey();
                for (final int t : e.getValue())
                {
                    if ((s < end && start < t) || (s == start && t == end))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The picks as a variant set, contigs in reference order, variants by (start, end). */
        VariantSet toVariantSet()
        {
            final VariantSet out = new VariantSet(null, "CONSENSUS");
            for (final String contig : reference.names())
            {
                final List<Pick> list = picks.get(contig);
                if (list == null)
                {
                    continue;
                }
                final List<Pick> sorted = new ArrayList<>(list);
                sorted.sort((a, b) ->
                {
                    final int c = Integer.compare(a.from().start(a.v()), b.from().start(b.v()));
                    return c != 0 ? c : Integer.compare(a.from().end(a.v()), b.from().end(b.v()));
                });
                final ContigVariants cv = new ContigVariants(contig, sorted.get(0).from().ploidy());
                for (final Pick p : sorted)
                {
                    copy(p.from(), p.v(), cv);
                }
                out.put(cv);
            }
            return out;
        }
    }
}

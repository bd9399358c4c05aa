package io.callscore.compare;

import io.callscore.vcf.ContigVariants;

import java.util.List;

/** Runs the path search on one contig and turns the best path into per-variant statuses and call weights. */
final class ContigEvaluator
{
    /** {@code -Dcallscore.fastpath=false} turns the isolated-cluster fast path off (to compare against it). */
    static final boolean FAST_PATH = !"false".equals(System.getProperty("callscore.fastpath"));

    private ContigEvaluator()
    {
    }

    static ContigOutcome evaluate(final String contig, final byte[] template, final ContigVariants baseline,
        final ContigVariants calls, final CompareOptions options, final List<String> tooComplex)
    {
        return evaluate(contig, template, baseline, calls, options, tooComplex, FAST_PATH);
    }

    /** As above, with the fast path chosen explicitly (tests check it changes nothing). */
    static ContigOutcome evaluate(final String contig, final byte[] template, final ContigVariants baseline,
        final ContigVariants calls, final CompareOptions options, final List<String> tooComplex, final boolean fastPath)
    {
        final int nb = baseline == null ? 0 : baseline.size();
        final int nc = calls == null ? 0 : calls.size();
        final byte[] baselineStatus = new byte[nb];
        final byte[] callStatus = new byte[nc];
        final double[] callWeight = new double[nc];
        if (nb == 0 || nc == 0)
        {
            // One side empty: nothing can match, no search needed.
            java.util.Arrays.fill(baselineStatus, VariantStatus.NO_MATCH);
            java.util.Arrays.fill(callStatus, VariantStatus.NO_MATCH);
            return new ContigOutcome(contig, baseline, calls, baselineStatus, callStatus, callWeight);
        }
        final SideVariants baselineSide = new SideVariants(baseline, options.squashPloidy());
        final SideVariants callSide = new SideVariants(calls, options.squashPloidy());
        final int haplotypes = options.squashPloidy() ? 1 : baseline.ploidy();
        final PathFinder finder = new PathFinder(template, contig, baselineSide, callSide, haplotypes,
            options.maxPaths(), options.maxIterations(), tooComplex, !options.refOverlap() && fastPath);
        final Path best = finder.bestPath();
        if (best == null)
        {
            throw new IllegalStateException("no path found on " + contig + ": please report this input");
        }
        // Every decision of the best path is settled now; variants with none were dropped in a too-complex region.
        final SettledDecisions settled = finder.settled();
        final int[] baselineTp = statuses(settled.baseline, baselineSide, baselineStatus);
        final int[] callTp = statuses(settled.calls, callSide, callStatus);
        assignWeights(settled.syncPoints(), baselineSide, baselineTp, callSide, callTp, callWeight);
        return new ContigOutcome(contig, baseline, calls, baselineStatus, callStatus, callWeight);
    }

    /** Fills load-order statuses from sorted-order decisions; returns the included sorted indices in order. */
    private static int[] statuses(final byte[] decisions, final SideVariants side, final byte[] status)
    {
        int included = 0;
        for (final byte d : decisions)
        {
            included += d == SettledDecisions.INCLUDED ? 1 : 0;
        }
        final int[] tp = new int[included];
        int n = 0;
        for (int i = 0; i < decisions.length; i++)
        {
            final byte d = decisions[i];
            status[side.variant(i)] = d == SettledDecisions.INCLUDED ? VariantStatus.TP
                : d == SettledDecisions.EXCLUDED ? VariantStatus.NO_MATCH : VariantStatus.TOO_COMPLEX;
            if (d == SettledDecisions.INCLUDED)
            {
                tp[n++] = i;
            }
        }
        return tp;
    }

    /**
     * Each call TP belongs to the sync region that ends at the first sync point at or after its start; its weight
     * is (baseline TPs of the region inside the evaluation regions) / (call TPs of the region), or 0 when the
     * region has no baseline TP.
     */
    private static void assignWeights(final int[] syncPoints, final SideVariants baseline, final int[] baselineTp,
        final SideVariants calls, final int[] callTp, final double[] callWeight)
    {
        final int n = syncPoints.length;
        final int[] baselineCount = new int[n];
        final int[] baselineInside = new int[n];
        final int[] callCount = new int[n];
        int b = 0;
        int c = 0;
        for (int s = 0; s < n; s++)
        {
            final int loc = syncPoints[s];
            while (b < baselineTp.length && baseline.start(baselineTp[b]) <= loc)
            {
                baselineCount[s]++;
                if (!baseline.variants().isOutside(baseline.variant(baselineTp[b])))
                {
                    baselineInside[s]++;
                }
                b++;
            }
            while (c < callTp.length && calls.start(callTp[c]) <= loc)
            {
                callCount[s]++;
                c++;
            }
        }
        int s = 0;
        for (final int i : callTp)
        {
            while (syncPoints[s] < calls.start(i) && s + 1 < n)
            {
                s++;
            }
            callWeight[calls.variant(i)] = baselineCount[s] == 0 ? 0.0 : (double)baselineInside[s] / callCount[s];
        }
    }
}

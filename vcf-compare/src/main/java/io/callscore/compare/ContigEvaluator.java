package io.callscore.compare;

import io.callscore.vcf.ContigVariants;

import java.util.Arrays;
import java.util.List;

/** Runs the path search on one contig and turns the best path into per-variant statuses and call weights. */
final class ContigEvaluator
{
    /** {@code -Dcallscore.fastpath=false} turns the isolated-cluster fast path off (to compare against it). */
    static final boolean FAST_PATH = !"false".equals(System.getProperty("callscore.fastpath"));

    private ContigEvaluator()
    {
    }

    /**
     * Evaluates one contig with the search state of {@code workspace}, writing the statuses and weights into
     * {@code out}; the outcome shares {@code out}'s arrays. The fast path can be turned off (tests check it changes
     * nothing).
     */
    static ContigOutcome evaluate(final String contig, final byte[] template, final ContigVariants baseline,
        final ContigVariants calls, final CompareOptions options, final List<String> tooComplex, final boolean fastPath,
        final SearchWorkspace workspace, final OutcomeColumns out)
    {
        final int nb = baseline == null ? 0 : baseline.size();
        final int nc = calls == null ? 0 : calls.size();
        out.reset(nb, nc);
        final byte[] baselineStatus = out.baselineStatus;
        final byte[] callStatus = out.callStatus;
        final double[] callWeight = out.callWeight;
        if (nb == 0 || nc == 0)
        {
            // One side empty: nothing can match, no search needed.
            Arrays.fill(baselineStatus, 0, nb, VariantStatus.NO_MATCH);
            Arrays.fill(callStatus, 0, nc, VariantStatus.NO_MATCH);
            return new ContigOutcome(contig, baseline, calls, baselineStatus, callStatus, callWeight);
        }
        final SideVariants baselineSide = workspace.baseline;
        final SideVariants callSide = workspace.calls;
        baselineSide.reset(baseline, options.squashPloidy());
        callSide.reset(calls, options.squashPloidy());
        final int haplotypes = options.squashPloidy() ? 1 : baseline.ploidy();
        final PathFinder finder = new PathFinder(template, contig, baselineSide, callSide, haplotypes,
            options.maxPaths(), options.maxIterations(), tooComplex, !options.refOverlap() && fastPath, workspace);
        if (!finder.search())
        {
            throw new IllegalStateException("no path found on " + contig + ": please report this input");
        }
        // Every decision of the best path is settled now; variants with none were dropped in a too-complex region.
        final SettledDecisions settled = finder.settled();
        workspace.baselineTp = SearchWorkspace.atLeast(workspace.baselineTp, nb);
        workspace.callTp = SearchWorkspace.atLeast(workspace.callTp, nc);
        final int baselineTps = statuses(settled.baseline, baselineSide, baselineStatus, workspace.baselineTp);
        final int callTps = statuses(settled.calls, callSide, callStatus, workspace.callTp);
        assignWeights(settled, baselineSide, baselineTps, callSide, callTps, callWeight, workspace);
        return new ContigOutcome(contig, baseline, calls, baselineStatus, callStatus, callWeight);
    }

    /**
     * Fills load-order statuses from sorted-order decisions; writes the included sorted indices in order into
     * {@code tp} and returns how many there are.
     */
    private static int statuses(final byte[] decisions, final SideVariants side, final byte[] status, final int[] tp)
    {
        int n = 0;
        for (int i = 0; i < side.size(); i++)
        {
            final byte d = decisions[i];
            status[side.variant(i)] = d == SettledDecisions.INCLUDED ? VariantStatus.TP
                : d == SettledDecisions.EXCLUDED ? VariantStatus.NO_MATCH : VariantStatus.TOO_COMPLEX;
            if (d == SettledDecisions.INCLUDED)
            {
                tp[n++] = i;
            }
        }
        return n;
    }

    /**
     * Each call TP belongs to the sync region that ends at the first sync point at or after its start; its weight
     * is (baseline TPs of the region inside the evaluation regions) / (call TPs of the region), or 0 when the
     * region has no baseline TP.
     */
    private static void assignWeights(final SettledDecisions settled, final SideVariants baseline,
        final int baselineTps, final SideVariants calls, final int callTps, final double[] callWeight,
        final SearchWorkspace workspace)
    {
        final int n = settled.syncCount();
        workspace.baselineCount = SearchWorkspace.atLeast(workspace.baselineCount, n);
        workspace.baselineInside = SearchWorkspace.atLeast(workspace.baselineInside, n);
        workspace.callCount = SearchWorkspace.atLeast(workspace.callCount, n);
        final int[] baselineCount = workspace.baselineCount;
        final int[] baselineInside = workspace.baselineInside;
        final int[] callCount = workspace.callCount;
        Arrays.fill(baselineCount, 0, n, 0);
        Arrays.fill(baselineInside, 0, n, 0);
        Arrays.fill(callCount, 0, n, 0);
        final int[] baselineTp = workspace.baselineTp;
        final int[] callTp = workspace.callTp;
        int b = 0;
        int c = 0;
        for (int s = 0; s < n; s++)
        {
            final int loc = settled.syncPoint(s);
            while (b < baselineTps && baseline.start(baselineTp[b]) <= loc)
            {
                baselineCount[s]++;
                if (!baseline.variants().isOutside(baseline.variant(baselineTp[b])))
                {
                    baselineInside[s]++;
                }
                b++;
            }
            while (c < callTps && calls.start(callTp[c]) <= loc)
            {
                callCount[s]++;
                c++;
            }
        }
        int s = 0;
        for (int k = 0; k < callTps; k++)
        {
            final int i = callTp[k];
            while (settled.syncPoint(s) < calls.start(i) && s + 1 < n)
            {
                s++;
            }
            callWeight[calls.variant(i)] = baselineCount[s] == 0 ? 0.0 : (double)baselineInside[s] / callCount[s];
        }
    }
}

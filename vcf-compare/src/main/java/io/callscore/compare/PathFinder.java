package io.callscore.compare;

import java.util.List;

/**
 * Searches for the best path on one contig: the choice, for every variant of both sides, of excluded or
 * included in one orientation, such that the included baseline and call variants spell the same haplotype
 * sequences, preferring paths by {@link PathPreference}. Live paths are kept in a set ordered by how far they
 * have replayed; equal replay states merge. Past the caps the region is "too complex": its variants are dropped
 * from the counts and the search resumes after it (docs/semantics.md, "Path search").
 *
 * <p>Paths come from the workspace's {@link PathPool} and go back to it as soon as the search drops them (see
 * {@link #discard}); their lists live in the workspace's {@link ListNodes}, cleared whenever the single live path
 * has been absorbed. So the search allocates nothing per variant once the workspace has grown.
 */
final class PathFinder
{
    private static final io.callscore.vcf.simd.ByteKernels KERNELS = io.callscore.vcf.simd.VectorizationProvider.byteKernels();

    private final byte[] template;
    private final String contig;
    private final SideVariants calls;
    private final SideVariants baseline;
    private final int haplotypes;
    private final int maxPaths;
    private final int maxIterations;
    private final List<String> tooComplex;
    private final boolean fastPath;
    private final PathPool pool;
    private final ListNodes nodes;
    private final LivePaths live;
    private int currentMaxPos;
    private final Path[] children = new Path[16];
    /** The last path that was alone in the search; kept out of the pool while it may be resumed. */
    private Path lastSyncPath;

    PathFinder(final byte[] template, final String contig, final SideVariants baseline, final SideVariants calls,
        final int haplotypes, final int maxPaths, final int maxIterations, final List<String> tooComplex,
        final boolean fastPath, final SearchWorkspace workspace)
    {
        this.pool = workspace.pool;
        this.nodes = workspace.nodes;
        this.live = workspace.live;
        this.settled = workspace.settled;
        this.fastPath = fastPath;
        this.template = template;
        this.contig = contig;
        this.baseline = baseline;
        this.calls = calls;
        this.haplotypes = haplotypes;
        this.maxPaths = maxPaths;
        this.maxIterations = maxIterations;
        this.tooComplex = tooComplex;
    }

    private final SettledDecisions settled;

    /** The settled decisions of the search, complete once {@link #search()} returned (its best path absorbed). */
    SettledDecisions settled()
    {
        return settled;
    }

    /**
     * Runs the search. Returns false when no path reached the end (a bug); the decisions are then in
     * {@link #settled()}. Every path is back in the pool afterwards.
     */
    boolean search()
    {
        // A search that threw (the batch goes on to its next case) may have left paths behind: start clean.
        live.forgetAll();
        nodes.clear();
        settled.reset(baseline.size(), calls.size());
        // The start path is alone: carried to the first iteration as a lone path would be.
        Path carried = pool.acquire().start(baseline, calls, haplotypes, template, settled);
        Path best = null;
        int iterations = 0;
        lastSyncPath = null;
        int lastSyncPos = 0;
        currentMaxPos = 0;
        while (carried != null || !live.isEmpty())
        {
            iterations++;
            Path head = carried != null ? carried : live.pollFirst();
            carried = null;
            if (live.isEmpty())
            {
                iterations = 0;
                lastSyncPos = head.calls.position();
                if (lastSyncPath != null && lastSyncPath != head)
                {
                    // Never live once replaced: it was dropped, and kept only in case the search resumed from it.
                    pool.release(lastSyncPath);
                }
                lastSyncPath = head;
                if (best == null)
                {
                    // Everything the search will hold descends from this path: its decisions are final. Its lists
                    // are the only ones left, so once absorbed no path refers to a list node.
                    settled.absorb(head);
                    nodes.clear();
                }
                if (fastPath && best == null && settleIsolatedCluster(head))
                {
                    carried = head;
                    continue;
                }
            }
            else if (live.size() > maxPaths || iterations > maxIterations)
            {
                tooComplex.add(contig + ":" + (lastSyncPos + 1) + "-" + (currentMaxPos + 2));
                while (!live.isEmpty())
                {
                    discard(live.pollFirst());
                }
                discard(head);
                iterations = 0;
                head = lastSyncPath;
                skipVariantsTo(head.calls, calls, currentMaxPos + 1);
                skipVariantsTo(head.baseline, baseline, currentMaxPos + 1);
            }
            if (enqueueVariant(head, true) || enqueueVariant(head, false))
            {
                discard(head);
                continue;
            }
            head.step();
            if (head.inSync())
            {
                if (head.hasNoOp())
                {
                    discard(head);
                    continue;
                }
                skipToNextVariant(head);
            }
            if (head.matches())
            {
                if (head.finished())
                {
                    if (head.hasNoOp())
                    {
                        discard(head);
                        continue;
                    }
                    final Path finished = pool.acquire()
                        .copyFrom(head, nodes.push(head.syncPoints, head.calls.position()));
                    discard(head);
                    if (best == null)
                    {
                        best = finished;
                    }
                    else
                    {
                        final Path kept = PathPreference.better(best, finished);
                        discard(kept == best ? finished : best);
                        best = kept;
                    }
                }
                else if (live.isEmpty())
                {
                    carried = head;
                }
                else
                {
                    merge(head);
                }
            }
            else
            {
                discard(head);
            }
        }
        if (best != null)
        {
            settled.absorb(best);
            pool.release(best);
        }
        if (lastSyncPath != null)
        {
            pool.release(lastSyncPath);
            lastSyncPath = null;
        }
        return best != null;
    }

    /** A path the search dropped goes back to the pool, unless the search may still resume from it. */
    private void discard(final Path p)
    {
        if (p != lastSyncPath)
        {
            pool.release(p);
        }
    }

    /** Adds a path to the live set; the one the merge dropped goes back to the pool. */
    private void merge(final Path p)
    {
        final Path dropped = live.add(p);
        if (dropped != null)
        {
            discard(dropped);
        }
    }

    /**
     * The fast path. When the head is the only live path, in sync, and the next due variants form an isolated
     * cluster of plain substitutions over one span (one variant per side, or one on a single side), the outcome
     * of the full search is known without branching:
     * <ul>
     * <li>including a variant alone kills its path inside the span (an ALT differs from the reference there);</li>
     * <li>including both kills the path unless some orientation pair spells the same bases on every haplotype;
     * </li>
     * <li>the survivors meet in the same replay state past the span and merge, the one with more included variants
     * winning, and among matching orientation pairs the one whose truth orientation has the smallest first allele
     * index (the preference's last tie-break);</li>
     * <li>the next variants start past the span, so no alternative can reach them.</li>
     * </ul>
     * So the head itself becomes the single surviving child, with the sync point and counters the branching would
     * give (it is the only live path, and nothing refers to its pre-branch state past this iteration). Returns false,
     * leaving everything untouched, when the cluster is not of that kind.
     */
    private boolean settleIsolatedCluster(final Path head)
    {
        if (!head.inSync())
        {
            return false;
        }
        final int p = head.calls.position();
        if (head.calls.variantEndPosition() > p || head.baseline.variantEndPosition() > p)
        {
            return false;
        }
        final int c = head.calls.variantIndex() + 1;
        final int b = head.baseline.variantIndex() + 1;
        final boolean callDue = c < calls.size() && calls.start(c) == p + 1;
        final boolean baselineDue = b < baseline.size() && baseline.start(b) == p + 1;
        if (!callDue && !baselineDue)
        {
            return false;
        }
        final int end = Math.max(callDue ? calls.end(c) : 0, baselineDue ? baseline.end(b) : 0);
        if (callDue && baselineDue && calls.end(c) != baseline.end(b))
        {
            return false;
        }
        final boolean plain = (!callDue || calls.isPlainSubstitution(c, template))
            && (!baselineDue || baseline.isPlainSubstitution(b, template));
        // Where every alternative is dead: inside the span for substitutions; for indels, where the competing
        // haplotype sequences first differ (they can agree well past the span inside a repeat).
        final int clear = plain ? end : indelClearance(callDue ? c : -1, baselineDue ? b : -1, p + 1, end);
        if (clear < 0
            || startOf(calls, callDue ? c + 1 : c) <= clear
            || startOf(baseline, baselineDue ? b + 1 : b) <= clear)
        {
            return false;
        }
        int[] bestBaseline = null;
        int[] bestCall = null;
        if (callDue && baselineDue)
        {
            for (final int[] ob : baseline.orientations(b))
            {
                for (final int[] oc : calls.orientations(c))
                {
                    if ((bestBaseline == null || ob[0] < bestBaseline[0]) && sameHaplotypes(b, ob, c, oc))
                    {
                        bestBaseline = ob;
                        bestCall = oc;
                    }
                }
            }
        }
        // What branching in sync does: a sync point here, counters restarted. The head's lists were just absorbed,
        // so the decisions go straight to the settled arrays.
        if (settled.lastSync() != p)
        {
            settled.addSync(p);
        }
        head.callsSinceSync = 0;
        head.baselineSinceSync = 0;
        if (callDue)
        {
            currentMaxPos = Math.max(currentMaxPos, calls.start(c));
            head.calls.settle(c, bestCall);
            if (bestCall != null)
            {
                settled.calls[c] = SettledDecisions.INCLUDED;
                head.callsSinceSync++;
            }
            else
            {
                settled.calls[c] = SettledDecisions.EXCLUDED;
            }
        }
        if (baselineDue)
        {
            currentMaxPos = Math.max(currentMaxPos, baseline.start(b));
            head.baseline.settle(b, bestBaseline);
            if (bestBaseline != null)
            {
                settled.includeBaseline(b, bestBaseline[0]);
                head.baselineSinceSync++;
            }
            else
            {
                settled.baseline[b] = SettledDecisions.EXCLUDED;
            }
        }
        return true;
    }

    /** Longest stretch, in bases, over which two different contents of an indel cluster are compared. */
    private static final int INDEL_CLEARANCE_LIMIT = 200;
    private final int[] callContents = new int[8];
    private final int[] baselineContents = new int[8];

    /**
     * For a cluster with indels over [start, end): the last position at which a path holding a wrong choice (one
     * side's variant alone, or both in non-matching orientations) can still be alive, or -1 when that cannot be
     * bounded. Every such path has, on some haplotype, two different contents (reference, or an ALT of either
     * variant) replayed against each other; it dies at their first difference. A haplotype that has consumed a
     * deletion is ahead in reference coordinates by at most the span, hence {@code end + difference + 2}.
     */
    private int indelClearance(final int c, final int b, final int start, final int end)
    {
        if ((c >= 0 && !calls.isSimpleOverSpan(c, template)) || (b >= 0 && !baseline.isSimpleOverSpan(b, template)))
        {
            return -1;
        }
        int worst = 0;
        final int[] mine = callContents;
        final int[] theirs = baselineContents;
        final int nc = c < 0 ? 0 : contents(calls, c, mine);
        final int nb = b < 0 ? 0 : contents(baseline, b, theirs);
        // Call ALTs against the reference and against each other.
        for (int x = 0; x < nc; x++)
        {
            worst = Math.max(worst, difference(calls, mine[x], calls, -1, start, end));
            for (int y = x + 1; y < nc; y++)
            {
                worst = Math.max(worst, difference(calls, mine[x], calls, mine[y], start, end));
            }
            for (int y = 0; y < nb; y++)
            {
                worst = Math.max(worst, difference(calls, mine[x], baseline, theirs[y], start, end));
            }
        }
        for (int x = 0; x < nb; x++)
        {
            worst = Math.max(worst, difference(baseline, theirs[x], baseline, -1, start, end));
            for (int y = x + 1; y < nb; y++)
            {
                worst = Math.max(worst, difference(baseline, theirs[x], baseline, theirs[y], start, end));
            }
        }
        return worst == Integer.MAX_VALUE ? -1 : end + worst + 2;
    }

    /** Handles of the present ALT alleles named by the GT of variant i; at most 8 are considered. */
    private static int contents(final SideVariants side, final int i, final int[] out)
    {
        int n = 0;
        for (final int[] o : side.orientations(i))
        {
            for (final int k : o)
            {
                final int a = k <= 0 ? -1 : side.allele(i, k);
                boolean seen = a < 0;
                for (int j = 0; j < n && !seen; j++)
                {
                    seen = out[j] == a;
                }
                if (!seen && n < out.length)
                {
                    out[n++] = a;
                }
            }
        }
        return n;
    }

    /**
     * First difference between two contents, or MAX_VALUE when none is found; identical contents (the same ALT
     * written in both files) never meet on a live wrong path, so they give 0.
     */
    private int difference(final SideVariants left, final int a, final SideVariants right, final int bHandle,
        final int start, final int end)
    {
        if (a >= 0 && bHandle >= 0 && left.variants().alleleLength(a) == right.variants().alleleLength(bHandle)
            && KERNELS.mismatch(left.variants().bases(), left.variants().alleleOffset(a), right.variants().bases(),
                right.variants().alleleOffset(bHandle), left.variants().alleleLength(a)) < 0)
        {
            return 0;
        }
        final int d = left.firstDifference(a, right, bHandle, start, end, template, INDEL_CLEARANCE_LIMIT);
        return d < 0 ? Integer.MAX_VALUE : d;
    }

    private int startOf(final SideVariants side, final int i)
    {
        return i < side.size() ? side.start(i) : Integer.MAX_VALUE;
    }

    private boolean sameHaplotypes(final int b, final int[] ob, final int c, final int[] oc)
    {
        for (int h = 0; h < ob.length; h++)
        {
            if (!baseline.sameContent(b, ob[h], calls, c, oc[h]))
            {
                return false;
            }
        }
        return true;
    }

    private boolean enqueueVariant(final Path head, final boolean callSide)
    {
        final SideVariants side = callSide ? calls : baseline;
        final HalfPath half = callSide ? head.calls : head.baseline;
        final int i = nextVariant(half, side);
        if (i < 0)
        {
            return false;
        }
        currentMaxPos = Math.max(currentMaxPos, side.start(i));
        final int n = head.branch(callSide, i, side.orientations(i), children, pool);
        for (int c = 0; c < n; c++)
        {
            merge(children[c]);
            children[c] = null;
        }
        return true;
    }

    /** The next variant of a side if it is due at the half path's position, else -1. */
    private static int nextVariant(final HalfPath half, final SideVariants side)
    {
        final int i = half.variantIndex() + 1;
        if (i >= side.size())
        {
            return -1;
        }
        final int start = side.start(i);
        if (start <= half.position() + 1)
        {
            return i;
        }
        if (half.wantsFutureVariantBases() && start <= half.variantEndPosition())
        {
            return i;
        }
        return -1;
    }

    private void skipVariantsTo(final HalfPath half, final SideVariants side, final int maxPos)
    {
        int i = half.variantIndex();
        while (i < side.size() && (i == -1 || side.start(i) < maxPos))
        {
            ++i;
        }
        half.variantIndex(i - 1);
        half.moveForward(Math.min(maxPos, template.length - 1));
    }

    /** From a sync point, jump to just before the next variant of either side. */
    private void skipToNextVariant(final Path head)
    {
        final int nextCall = futureVariantPos(head.calls, calls);
        final int nextBaseline = futureVariantPos(head.baseline, baseline);
        final int nextPos = Math.min(Math.min(nextCall, nextBaseline), template.length - 1) - 1;
        if (nextPos > head.calls.position())
        {
            head.moveForward(nextPos);
        }
    }

    private int futureVariantPos(final HalfPath half, final SideVariants side)
    {
        final int i = half.variantIndex() + 1;
        return i >= side.size() ? template.length - 1 : side.start(i);
    }
}

package io.callscore.compare;

import java.util.List;
import java.util.TreeSet;

/**
 * Searches for the best path on one contig: the choice, for every variant of both sides, of excluded or
 * included in one orientation, such that the included baseline and call variants spell the same haplotype
 * sequences, preferring paths by {@link PathPreference}. Live paths are kept in a set ordered by how far they
 * have replayed; equal replay states merge. Past the caps the region is "too complex": its variants are dropped
 * from the counts and the search resumes after it (docs/semantics.md, "Path search").
 */
final class PathFinder
{
    private final byte[] template;
    private final String contig;
    private final SideVariants calls;
    private final SideVariants baseline;
    private final int haplotypes;
    private final int maxPaths;
    private final int maxIterations;
    private final List<String> tooComplex;
    private final boolean fastPath;
    private int currentMaxPos;
    private final Path[] children = new Path[16];

    PathFinder(final byte[] template, final String contig, final SideVariants baseline, final SideVariants calls,
        final int haplotypes, final int maxPaths, final int maxIterations, final List<String> tooComplex,
        final boolean fastPath)
    {
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

    Path bestPath()
    {
        final TreeSet<Path> live = new TreeSet<>();
        live.add(new Path(baseline, calls, haplotypes, template));
        Path best = null;
        int iterations = 0;
        Path lastSyncPath = null;
        int lastSyncPos = 0;
        currentMaxPos = 0;
        // A lone path is carried to the next iteration directly: a set of one needs no ordering.
        Path carried = null;
        while (carried != null || !live.isEmpty())
        {
            iterations++;
            Path head = carried != null ? carried : live.pollFirst();
            carried = null;
            if (live.isEmpty())
            {
                iterations = 0;
                lastSyncPos = head.calls.position();
                lastSyncPath = head;
                if (fastPath && settleIsolatedCluster(head))
                {
                    carried = head;
                    continue;
                }
            }
            else if (live.size() > maxPaths || iterations > maxIterations)
            {
                tooComplex.add(contig + ":" + (lastSyncPos + 1) + "-" + (currentMaxPos + 2));
                live.clear();
                iterations = 0;
                head = lastSyncPath;
                skipVariantsTo(head.calls, calls, currentMaxPos + 1);
                skipVariantsTo(head.baseline, baseline, currentMaxPos + 1);
            }
            if (enqueueVariant(live, head, true) || enqueueVariant(live, head, false))
            {
                continue;
            }
            head.step();
            if (head.inSync())
            {
                if (head.hasNoOp())
                {
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
                        continue;
                    }
                    final Path finished = new Path(head, new IntNode(head.calls.position(), head.syncPoints));
                    best = best == null ? finished : PathPreference.better(best, finished);
                }
                else if (live.isEmpty())
                {
                    carried = head;
                }
                else
                {
                    addIfBetter(head, live);
                }
            }
        }
        return best;
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
        if ((callDue && !calls.isPlainSubstitution(c, template))
            || (baselineDue && !baseline.isPlainSubstitution(b, template))
            || (callDue && baselineDue && calls.end(c) != baseline.end(b))
            || startOf(calls, callDue ? c + 1 : c) <= end
            || startOf(baseline, baselineDue ? b + 1 : b) <= end)
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
        // What branching in sync does: a sync point here, counters restarted.
        if (head.syncPoints == null || head.syncPoints.value() != p)
        {
            head.syncPoints = new IntNode(p, head.syncPoints);
        }
        head.callsSinceSync = 0;
        head.baselineSinceSync = 0;
        final Path survivor = head;
        if (callDue)
        {
            currentMaxPos = Math.max(currentMaxPos, calls.start(c));
            if (bestCall != null)
            {
                survivor.calls.include(c, bestCall);
                survivor.callsSinceSync++;
            }
            else
            {
                survivor.calls.exclude(c);
            }
        }
        if (baselineDue)
        {
            currentMaxPos = Math.max(currentMaxPos, baseline.start(b));
            if (bestBaseline != null)
            {
                survivor.baseline.include(b, bestBaseline);
                survivor.baselineSinceSync++;
            }
            else
            {
                survivor.baseline.exclude(b);
            }
        }
        return true;
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

    private boolean enqueueVariant(final TreeSet<Path> live, final Path head, final boolean callSide)
    {
        final SideVariants side = callSide ? calls : baseline;
        final HalfPath half = callSide ? head.calls : head.baseline;
        final int i = nextVariant(half, side);
        if (i < 0)
        {
            return false;
        }
        currentMaxPos = Math.max(currentMaxPos, side.start(i));
        final int n = head.branch(callSide, i, side.orientations(i), children);
        for (int c = 0; c < n; c++)
        {
            addIfBetter(children[c], live);
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

    private static void addIfBetter(final Path add, final TreeSet<Path> live)
    {
        final Path other = live.floor(add);
        if (other != null && other.compareTo(add) == 0)
        {
            if (PathPreference.better(add, other) == add)
            {
                live.remove(other);
                live.add(add);
            }
        }
        else
        {
            live.add(add);
        }
    }
}

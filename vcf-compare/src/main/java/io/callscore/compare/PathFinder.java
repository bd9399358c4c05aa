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
    private int currentMaxPos;
    private final Path[] children = new Path[16];

    PathFinder(final byte[] template, final String contig, final SideVariants baseline, final SideVariants calls,
        final int haplotypes, final int maxPaths, final int maxIterations, final List<String> tooComplex)
    {
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
        while (!live.isEmpty())
        {
            iterations++;
            Path head = live.pollFirst();
            if (live.isEmpty())
            {
                iterations = 0;
                lastSyncPos = head.calls.position();
                lastSyncPath = head;
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
                else
                {
                    addIfBetter(head, live);
                }
            }
        }
        return best;
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

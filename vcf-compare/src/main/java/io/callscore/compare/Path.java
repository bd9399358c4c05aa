package io.callscore.compare;

/**
 * A partial solution of the search: both sides' half paths, the sync points passed so far, and how many
 * variants each side included since the last sync point. Two paths whose replay states compare equal are the
 * same search node; only the preferred one of them lives on.
 *
 * <p>Paths are recycled: a {@link PathPool} hands them out ({@link #start} or {@link #copyFrom} then gives the
 * state) and takes them back when the search drops them. While live, a path is also a node of the
 * {@link LivePaths} tree ({@code left}, {@code right}, {@code priority} belong to that tree only).
 */
final class Path
{
    final HalfPath calls;
    final HalfPath baseline;
    private final ListNodes nodes;
    /** Sync points since the decisions were last settled, newest first: a list in {@link ListNodes}. */
    int syncPoints = ListNodes.NIL;
    SettledDecisions settled;
    int callsSinceSync;
    int baselineSinceSync;

    /** Tree links while in {@link LivePaths}. */
    Path left;
    Path right;
    int priority;
    /** True while the path sits in its pool (a second release is a bug). */
    boolean pooled;

    Path(final ListNodes nodes)
    {
        this.nodes = nodes;
        this.calls = new HalfPath(nodes);
        this.baseline = new HalfPath(nodes);
    }

    /** Becomes the start of a search: nothing decided, before the reference start. */
    Path start(final SideVariants baselineSide, final SideVariants callSide, final int haplotypes,
        final byte[] template, final SettledDecisions settledDecisions)
    {
        calls.start(callSide, haplotypes, template);
        baseline.start(baselineSide, haplotypes, template);
        syncPoints = ListNodes.NIL;
        settled = settledDecisions;
        callsSinceSync = 0;
        baselineSinceSync = 0;
        return this;
    }

    /** Becomes a copy of {@code parent} with the given sync points. */
    Path copyFrom(final Path parent, final int syncPointList)
    {
        calls.copyFrom(parent.calls);
        baseline.copyFrom(parent.baseline);
        syncPoints = syncPointList;
        if (settled != parent.settled)
        {
            settled = parent.settled;
        }
        callsSinceSync = parent.callsSinceSync;
        baselineSinceSync = parent.baselineSinceSync;
        return this;
    }

    /** The most recent sync point of this path, or {@link SettledDecisions#NO_SYNC}. */
    int lastSyncPoint()
    {
        return syncPoints != ListNodes.NIL ? nodes.value(syncPoints) : settled.lastSync();
    }

    boolean finished()
    {
        return calls.finished() && baseline.finished();
    }

    /**
     * In sync: every haplotype of both sides at the same reference position, outside any allele, and past the
     * end of every included variant.
     */
    boolean inSync()
    {
        if (calls.trailingHaplotype() != -1 || baseline.trailingHaplotype() != -1)
        {
            return false;
        }
        final int position = calls.position();
        return position == baseline.position()
            && position >= calls.includedVariantEndPosition()
            && position >= baseline.includedVariantEndPosition()
            && calls.isOnTemplate()
            && baseline.isOnTemplate();
    }

    /** Since the last sync point variants were included on one side only: such a path changes nothing. */
    boolean hasNoOp()
    {
        return (baselineSinceSync == 0 && callsSinceSync > 0) || (callsSinceSync == 0 && baselineSinceSync > 0);
    }

    /**
     * Branches on the next variant of one side: a child that excludes it and one per orientation that fits, taken
     * from {@code pool} into {@code children}. When in sync, the current position becomes a sync point first (and
     * the counters restart). This path is left as it was, but for the counters.
     */
    int branch(final boolean callSide, final int i, final int[][] orientations, final Path[] children,
        final PathPool pool)
    {
        final int sync;
        if (inSync())
        {
            final int position = calls.position();
            sync = lastSyncPoint() == position ? syncPoints : nodes.push(syncPoints, position);
            callsSinceSync = 0;
            baselineSinceSync = 0;
        }
        else
        {
            sync = syncPoints;
        }
        int n = 0;
        final Path exclude = pool.acquire().copyFrom(this, sync);
        (callSide ? exclude.calls : exclude.baseline).exclude(i);
        children[n++] = exclude;
        final HalfPath half = callSide ? calls : baseline;
        for (final int[] o : orientations)
        {
            if (half.canInclude(i, o))
            {
                final Path include = pool.acquire().copyFrom(this, sync);
                if (callSide)
                {
                    include.calls.include(i, o);
                    include.callsSinceSync++;
                }
                else
                {
                    include.baseline.include(i, o);
                    include.baselineSinceSync++;
                }
                children[n++] = include;
            }
        }
        return n;
    }

    void moveForward(final int position)
    {
        calls.moveForward(position);
        baseline.moveForward(position);
    }

    /** Advances one base: all haplotypes, or only the trailing one so that it catches up. */
    void step()
    {
        final int trailing = calls.trailingHaplotype();
        if (trailing == -1)
        {
            calls.step();
            baseline.step();
        }
        else
        {
            calls.step(trailing);
            baseline.step(trailing);
        }
    }

    boolean matches()
    {
        return calls.matches(baseline);
    }

    /** Orders replay states; 0 means the same search node (decisions aside). */
    int compareTo(final Path o)
    {
        final int c = calls.compareTo(o.calls);
        return c != 0 ? c : baseline.compareTo(o.baseline);
    }
}

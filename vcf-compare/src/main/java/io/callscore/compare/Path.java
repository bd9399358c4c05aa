package io.callscore.compare;

/**
 * A partial solution of the search: both sides' half paths, the sync points passed so far, and how many
 * variants each side included since the last sync point. Two paths whose replay states compare equal are the
 * same search node; only the preferred one of them lives on.
 */
final class Path implements Comparable<Path>
{
    final HalfPath calls;
    final HalfPath baseline;
    /** Sync points since the decisions were last settled, newest first. */
    IntNode syncPoints;
    final SettledDecisions settled;
    int callsSinceSync;
    int baselineSinceSync;

    Path(final SideVariants baselineSide, final SideVariants callSide, final int haplotypes, final byte[] template,
        final SettledDecisions settled)
    {
        this.calls = new HalfPath(callSide, haplotypes, template);
        this.baseline = new HalfPath(baselineSide, haplotypes, template);
        this.syncPoints = null;
        this.settled = settled;
    }

    Path(final Path parent, final IntNode syncPoints)
    {
        this.calls = new HalfPath(parent.calls);
        this.baseline = new HalfPath(parent.baseline);
        this.syncPoints = syncPoints;
        this.settled = parent.settled;
        this.callsSinceSync = parent.callsSinceSync;
        this.baselineSinceSync = parent.baselineSinceSync;
    }

    /** The most recent sync point of this path, or {@link SettledDecisions#NO_SYNC}. */
    int lastSyncPoint()
    {
        return syncPoints != null ? syncPoints.value() : settled.lastSync();
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
     * Branches on the next variant of one side: a child that excludes it and one per orientation that fits.
     * When in sync, the current position becomes a sync point first (and the counters restart).
     */
    int branch(final boolean callSide, final int i, final int[][] orientations, final Path[] children)
    {
        final IntNode sync;
        if (inSync())
        {
            final int position = calls.position();
            sync = lastSyncPoint() == position ? syncPoints : new IntNode(position, syncPoints);
            callsSinceSync = 0;
            baselineSinceSync = 0;
        }
        else
        {
            sync = syncPoints;
        }
        int n = 0;
        final Path exclude = new Path(this, sync);
        (callSide ? exclude.calls : exclude.baseline).exclude(i);
        children[n++] = exclude;
        final HalfPath half = callSide ? calls : baseline;
        for (final int[] o : orientations)
        {
            if (half.canInclude(i, o))
            {
                final Path include = new Path(this, sync);
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

    @Override
    public int compareTo(final Path o)
    {
        final int c = calls.compareTo(o.calls);
        return c != 0 ? c : baseline.compareTo(o.baseline);
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Path p && compareTo(p) == 0;
    }

    @Override
    public int hashCode()
    {
        return calls.hashCode() * 31 + baseline.hashCode();
    }
}

package io.callscore.compare;

import java.util.Arrays;

/**
 * Decisions that no later choice can change, kept flat instead of in every path's persistent lists. Whenever a
 * single path is live, every path the search will ever hold descends from it, so its decisions are final: they are
 * moved here (see {@link #absorb}) and the fast path writes its decisions here directly, allocating nothing.
 *
 * <p>All live paths share this prefix, so comparisons between them (the preference) see it identically; what they
 * still need from it is whether any truth variant was included, the first-haplotype allele index of the last one,
 * and the last sync point.
 */
final class SettledDecisions
{
    static final byte INCLUDED = 1;
    static final byte EXCLUDED = 2;
    /** No sync point yet. */
    static final int NO_SYNC = Integer.MIN_VALUE;

    final byte[] baseline;
    final byte[] calls;
    private int[] syncPoints = new int[64];
    private int syncCount;
    private boolean anyBaselineIncluded;
    private int lastBaselineAllele;

    SettledDecisions(final int baselineVariants, final int callVariants)
    {
        this.baseline = new byte[baselineVariants];
        this.calls = new byte[callVariants];
    }

    boolean anyBaselineIncluded()
    {
        return anyBaselineIncluded;
    }

    /** First-haplotype allele index of the last truth variant included (meaningful when any was). */
    int lastBaselineAllele()
    {
        return lastBaselineAllele;
    }

    int lastSync()
    {
        return syncCount == 0 ? NO_SYNC : syncPoints[syncCount - 1];
    }

    void addSync(final int position)
    {
        if (syncCount == syncPoints.length)
        {
            syncPoints = Arrays.copyOf(syncPoints, syncCount * 2);
        }
        syncPoints[syncCount++] = position;
    }

    int[] syncPoints()
    {
        return Arrays.copyOf(syncPoints, syncCount);
    }

    void includeBaseline(final int i, final int firstAllele)
    {
        baseline[i] = INCLUDED;
        anyBaselineIncluded = true;
        lastBaselineAllele = firstAllele;
    }

    /** Moves a path's list decisions and sync points here (oldest first) and empties its lists. */
    void absorb(final Path path)
    {
        absorbSide(path.calls, calls, false);
        absorbSide(path.baseline, baseline, true);
        if (path.syncPoints != null)
        {
            final int[] newer = IntNode.toArrayOldestFirst(path.syncPoints);
            for (final int p : newer)
            {
                addSync(p);
            }
            path.syncPoints = null;
        }
    }

    private void absorbSide(final HalfPath half, final byte[] into, final boolean isBaseline)
    {
        final IncludedNode head = half.included();
        for (IncludedNode x = head; x != null; x = x.tail())
        {
            into[x.variant()] = INCLUDED;
        }
        if (isBaseline && head != null)
        {
            anyBaselineIncluded = true;
            lastBaselineAllele = head.alleleIds()[0];
        }
        for (IntNode x = half.excluded(); x != null; x = x.tail())
        {
            into[x.value()] = EXCLUDED;
        }
        half.clearDecisions();
    }
}

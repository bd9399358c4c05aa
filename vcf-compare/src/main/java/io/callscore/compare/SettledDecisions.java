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
 *
 * <p>Reused contig after contig ({@link #reset}); the arrays keep their capacity, so only the first
 * {@code size()} entries of each side belong to the current contig.
 */
final class SettledDecisions
{
    static final byte INCLUDED = 1;
    static final byte EXCLUDED = 2;
    /** No sync point yet. */
    static final int NO_SYNC = Integer.MIN_VALUE;

    /** Decision per baseline variant (sorted index); 0 when none was settled (dropped as too complex). */
    byte[] baseline = new byte[0];
    /** Decision per call variant (sorted index). */
    byte[] calls = new byte[0];
    private final ListNodes nodes;
    private int[] syncPoints = new int[64];
    private int syncCount;
    private boolean anyBaselineIncluded;
    private int lastBaselineAllele;

    /** Empty decisions; the paths' lists they absorb live in {@code nodes}. */
    SettledDecisions(final ListNodes nodes)
    {
        this.nodes = nodes;
    }

    /** Nothing settled, for a contig with these numbers of variants. */
    void reset(final int baselineVariants, final int callVariants)
    {
        baseline = cleared(baseline, baselineVariants);
        calls = cleared(calls, callVariants);
        syncCount = 0;
        anyBaselineIncluded = false;
        lastBaselineAllele = 0;
    }

    private static byte[] cleared(final byte[] array, final int n)
    {
        if (array.length < n)
        {
            return new byte[n];
        }
        Arrays.fill(array, 0, n, (byte)0);
        return array;
    }

    /** Where the lists of the paths it absorbs live. */
    ListNodes nodes()
    {
        return nodes;
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

    int syncCount()
    {
        return syncCount;
    }

    /** The i-th sync point, oldest first. */
    int syncPoint(final int i)
    {
        return syncPoints[i];
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
        final int n = nodes.size(path.syncPoints);
        if (n > 0)
        {
            if (syncCount + n > syncPoints.length)
            {
                syncPoints = Arrays.copyOf(syncPoints, Math.max(syncPoints.length * 2, syncCount + n));
            }
            // The list is newest first: fill from the end.
            int k = syncCount + n;
            for (int x = path.syncPoints; x != ListNodes.NIL; x = nodes.tail(x))
            {
                syncPoints[--k] = nodes.value(x);
            }
            syncCount += n;
            path.syncPoints = ListNodes.NIL;
        }
    }

    private void absorbSide(final HalfPath half, final byte[] into, final boolean isBaseline)
    {
        final int head = half.included();
        for (int x = head; x != ListNodes.NIL; x = nodes.tail(x))
        {
            into[nodes.value(x)] = INCLUDED;
        }
        if (isBaseline && head != ListNodes.NIL)
        {
            anyBaselineIncluded = true;
            lastBaselineAllele = nodes.orientation(head)[0];
        }
        for (int x = half.excluded(); x != ListNodes.NIL; x = nodes.tail(x))
        {
            into[nodes.value(x)] = EXCLUDED;
        }
        half.clearDecisions();
    }
}

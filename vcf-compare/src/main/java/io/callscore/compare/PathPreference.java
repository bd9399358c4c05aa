package io.callscore.compare;

/**
 * Which of two paths to keep (vcfeval's default "max sum" preference):
 * <ol>
 * <li>more included variants, baseline plus calls, wins;</li>
 * <li>then, when both include some baseline variant, the smaller imbalance between baseline and call
 * variants included since the last sync point;</li>
 * <li>then the later most recent sync point;</li>
 * <li>then the smaller first-haplotype allele index of the most recently included baseline variant;</li>
 * <li>otherwise {@code second}.</li>
 * </ol>
 * Argument order matters for ties: merging equal states calls {@code better(newcomer, existing)}, finishing
 * calls {@code better(bestSoFar, finished)}.
 */
final class PathPreference
{
    private PathPreference()
    {
    }

    static Path better(final Path first, final Path second)
    {
        // Both paths descend from the same settled prefix, so only their own lists can differ.
        final SettledDecisions settled = first.settled;
        final ListNodes nodes = settled.nodes();
        final int firstBaseline = first.baseline.included();
        final int secondBaseline = second.baseline.included();
        final int firstSize = nodes.size(first.calls.included()) + nodes.size(firstBaseline);
        final int secondSize = nodes.size(second.calls.included()) + nodes.size(secondBaseline);
        if (firstSize != secondSize)
        {
            return firstSize > secondSize ? first : second;
        }
        if ((firstBaseline != ListNodes.NIL || settled.anyBaselineIncluded())
            && (secondBaseline != ListNodes.NIL || settled.anyBaselineIncluded()))
        {
            final int firstDelta = Math.abs(first.baselineSinceSync - first.callsSinceSync);
            final int secondDelta = Math.abs(second.baselineSinceSync - second.callsSinceSync);
            if (firstDelta != secondDelta)
            {
                return firstDelta < secondDelta ? first : second;
            }
            final int firstSync = syncOrZero(first.lastSyncPoint());
            final int secondSync = syncOrZero(second.lastSyncPoint());
            if (firstSync != secondSync)
            {
                return firstSync > secondSync ? first : second;
            }
            final int firstAllele = firstBaseline != ListNodes.NIL ? nodes.orientation(firstBaseline)[0]
                : settled.lastBaselineAllele();
            final int secondAllele = secondBaseline != ListNodes.NIL ? nodes.orientation(secondBaseline)[0]
                : settled.lastBaselineAllele();
            return firstAllele < secondAllele ? first : second;
        }
        return second;
    }

    private static int syncOrZero(final int sync)
    {
        return sync == SettledDecisions.NO_SYNC ? 0 : sync;
    }
}

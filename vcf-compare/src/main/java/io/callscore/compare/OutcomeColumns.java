package io.callscore.compare;

import java.util.Arrays;

/**
 * The per-variant columns of one contig's {@link ContigOutcome}: status of every baseline and call variant and
 * the weight of every call. Owned by a {@link ComparisonWorkspace}, which hands the same columns to the same contig
 * position of its next comparison; only the first {@code size()} entries of the contig's variants are meaningful.
 */
final class OutcomeColumns
{
    byte[] baselineStatus = new byte[0];
    byte[] callStatus = new byte[0];
    double[] callWeight = new double[0];

    /** Room for a contig's variants; the call weights start at 0. */
    void reset(final int baselineVariants, final int callVariants)
    {
        if (baselineStatus.length < baselineVariants)
        {
            baselineStatus = new byte[baselineVariants];
        }
        if (callStatus.length < callVariants)
        {
            callStatus = new byte[callVariants];
            callWeight = new double[callVariants];
        }
        else
        {
            Arrays.fill(callWeight, 0, callVariants, 0.0);
        }
    }
}

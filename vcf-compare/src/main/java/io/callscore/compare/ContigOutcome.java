package io.callscore.compare;

import io.callscore.vcf.ContigVariants;

/**
 * Per-variant decisions on one contig, indexed by load order: status of every baseline and call variant and the
 * weight of every matched call (baseline TPs of its sync region inside the evaluation regions, shared among the
 * region's call TPs).
 *
 * <p>The arrays may be longer than the contig's variants (only the first {@code size()} entries are this contig's),
 * and when the comparison used a {@link ComparisonWorkspace} they are the workspace's, valid until its next
 * comparison.
 */
public record ContigOutcome(String contig, ContigVariants baseline, ContigVariants calls, byte[] baselineStatus,
    byte[] callStatus, double[] callWeight)
{
    /** Adds this contig's counts. */
    void addTo(final Counts counts)
    {
        if (baseline != null)
        {
            for (int v = 0; v < baseline.size(); v++)
            {
                if (baseline.isOutside(v))
                {
                    continue;
                }
                final boolean indel = baseline.isIndelClass(v);
                if (baselineStatus[v] == VariantStatus.TP)
                {
                    counts.addTpBase(indel);
                }
                else if (baselineStatus[v] == VariantStatus.NO_MATCH)
                {
                    counts.addFn(indel);
                }
            }
        }
        if (calls != null)
        {
            for (int v = 0; v < calls.size(); v++)
            {
                final boolean indel = calls.isIndelClass(v);
                if (callStatus[v] == VariantStatus.TP)
                {
                    if (callWeight[v] > 0)
                    {
                        counts.addTpCall(indel);
                    }
                }
                else if (callStatus[v] == VariantStatus.NO_MATCH && !calls.isOutside(v))
                {
                    counts.addFp(indel);
                }
            }
        }
    }

    /** Whether a call variant is written as TP (matched with weight above zero). */
    public boolean callCountsAsTp(final int v)
    {
        return callStatus[v] == VariantStatus.TP && callWeight[v] > 0;
    }

    /** Whether a call variant is counted as FP. */
    public boolean callCountsAsFp(final int v)
    {
        return callStatus[v] == VariantStatus.NO_MATCH && !calls.isOutside(v);
    }

    public boolean baselineCountsAsTp(final int v)
    {
        return baselineStatus[v] == VariantStatus.TP && !baseline.isOutside(v);
    }

    public boolean baselineCountsAsFn(final int v)
    {
        return baselineStatus[v] == VariantStatus.NO_MATCH && !baseline.isOutside(v);
    }
}

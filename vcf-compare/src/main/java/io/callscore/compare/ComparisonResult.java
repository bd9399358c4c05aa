package io.callscore.compare;

import io.callscore.vcf.VariantSet;

import java.util.List;

/**
 * Outcome of comparing a call set with a truth set: per-class counts, the score, what was left out, and the
 * per-contig decisions (for writing output VCFs).
 */
public record ComparisonResult(Counts counts, int skippedBaseline, int skippedCalls, List<String> tooComplexRegions,
    List<ContigOutcome> contigs, VariantSet baseline, VariantSet calls)
{
    /** Weight of F1_snp in the default score; F1_indel gets the rest. */
    public static final double DEFAULT_SNP_WEIGHT = 0.7;

    /** {@code 0.7·F1_snp + 0.3·F1_indel}. */
    public double score()
    {
        return score(DEFAULT_SNP_WEIGHT);
    }

    /** {@code w·F1_snp + (1-w)·F1_indel}. */
    public double score(final double snpWeight)
    {
        return snpWeight * counts.snp().f1() + (1 - snpWeight) * counts.indel().f1();
    }

    /** Records skipped on both sides (too long, beyond the reference, wrong ploidy, bad bases). */
    public int skipped()
    {
        return skippedBaseline + skippedCalls;
    }
}

package io.callscore.engine.miner.pileup;

/**
 * Picks the diploid genotype with the highest posterior over up to three alleles (the reference and two
 * alternates) from log10 likelihoods, and phred-scales the evidence: QUAL from the posterior of hom-ref, GQ from
 * the posterior of every genotype but the best. Shared by the SNV and the indel caller, which differ only in how
 * they compute likelihoods. Genotypes are in VCF order: 0/0, 0/1, 1/1, 0/2, 1/2, 2/2. Reused per site: the
 * results stay in this object until the next {@link #call}.
 */
final class DiploidGenotyper
{
    static final int MAX_ALLELES = 3;
    static final int MAX_GENOTYPES = 6;
    static final int MAX_GQ = 99;

    /** First and second allele of each genotype index. */
    private static final int[] FIRST = {0, 0, 1, 0, 1, 2};
    private static final int[] SECOND = {0, 1, 1, 2, 2, 2};
    /** Two different alternate alleles: rarer than a het, but not negligible in tandem repeats. */
    private static final double ALT_ALT_HET_FACTOR = 0.1;

    private final double[] posterior = new double[MAX_GENOTYPES];
    private int best;
    private double qual;
    private int gq;

    static int genotypes(final int alleles)
    {
        return alleles * (alleles + 1) / 2;
    }

    static int first(final int genotype)
    {
        return FIRST[genotype];
    }

    static int second(final int genotype)
    {
        return SECOND[genotype];
    }

    /** Calls a site from {@code log10Likelihood[0 .. genotypes(alleles))}. */
    void call(final double[] log10Likelihood, final int alleles, final double heterozygosity)
    {
        final int n = genotypes(alleles);
        double nonRefPrior = 0;
        for (int g = 1; g < n; g++)
        {
            final double prior = prior(g, heterozygosity);
            nonRefPrior += prior;
            posterior[g] = log10Likelihood[g] + Math.log10(prior);
        }
        posterior[0] = log10Likelihood[0] + Math.log10(1 - nonRefPrior);
        final double total = log10SumExp(n, -1);
        best = 0;
        for (int g = 1; g < n; g++)
        {
            if (posterior[g] > posterior[best])
            {
                best = g;
            }
        }
        qual = Math.max(0.0, -10 * (posterior[0] - total));
        final double wrong = -10 * (log10SumExp(n, best) - total);
        gq = (int)Math.min(MAX_GQ, Math.max(0, Math.round(wrong)));
    }

    /** log10 of the summed posteriors of genotypes {@code [0, n)} except {@code skip}. */
    private double log10SumExp(final int n, final int skip)
    {
        double max = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < n; g++)
        {
            if (g != skip && posterior[g] > max)
            {
                max = posterior[g];
            }
        }
        if (max == Double.NEGATIVE_INFINITY)
        {
            return max;
        }
        double sum = 0;
        for (int g = 0; g < n; g++)
        {
            if (g != skip)
            {
                sum += Math.pow(10, posterior[g] - max);
            }
        }
        return max + Math.log10(sum);
    }

    private static double prior(final int genotype, final double heterozygosity)
    {
        final int a = FIRST[genotype];
        final int b = SECOND[genotype];
        if (a == 0)
        {
            return heterozygosity;
        }
        return a == b ? heterozygosity / 2 : heterozygosity * ALT_ALT_HET_FACTOR;
    }

    /** Genotype index with the highest posterior. */
    int best()
    {
        return best;
    }

    /** Phred-scaled posterior probability that the site is hom-ref. */
    double qual()
    {
        return qual;
    }

    /** Phred-scaled posterior probability that the best genotype is wrong, capped at 99. */
    int gq()
    {
        return gq;
    }
}

package io.callscore.engine.miner.pileup;

/**
 * One called variant, ready to be written as a VCF record with {@code GT:GQ:DP:AD}.
 *
 * @param pos      1-based position of the first REF base
 * @param ref      REF allele (from the reference)
 * @param alts     ALT alleles, as written (1 or 2)
 * @param genotype {@code 0/1}, {@code 1/1} or {@code 1/2}
 * @param qual     phred-scaled probability that the site is hom-ref
 * @param filter   {@code PASS} or the failed filters, {@code ;}-separated
 * @param gq       phred-scaled probability that the genotype is wrong (capped at 99)
 * @param dp       read depth at the site
 * @param ad       reads supporting REF, then each ALT
 */
record VariantCall(int pos, String ref, String[] alts, String genotype, double qual, String filter, int gq, int dp,
    int[] ad)
{
    static final String PASS = "PASS";
    static final String LOW_QUAL = "LowQual";
    static final String LOW_DEPTH = "LowDepth";
    static final String NEAR_INDEL = "NearIndel";

    /**
     * A call whose FILTER follows from its QUAL and depth, and from {@code nearIndel}: the caller's verdict that
     * the evidence looks like misaligned reads around an indel.
     */
    static VariantCall of(final int pos, final String ref, final String[] alts, final int genotype,
        final DiploidGenotyper genotyper, final int dp, final int[] ad, final PileupSettings settings,
        final boolean nearIndel)
    {
        final double qual = genotyper.qual();
        final StringBuilder filter = new StringBuilder();
        if (qual < settings.minQual())
        {
            filter.append(LOW_QUAL);
        }
        if (dp < settings.minDepth())
        {
            filter.append(filter.isEmpty() ? "" : ";").append(LOW_DEPTH);
        }
        if (nearIndel)
        {
            filter.append(filter.isEmpty() ? "" : ";").append(NEAR_INDEL);
        }
        return new VariantCall(pos, ref, alts, genotypeText(genotype), qual,
            filter.isEmpty() ? PASS : filter.toString(), genotyper.gq(), dp, ad);
    }

    boolean passes()
    {
        return PASS.equals(filter);
    }

    /**
     * Candidate allele indices written as ALT for a genotype: the distinct non-reference alleles in it, so that
     * a call never lists an allele its genotype does not use.
     */
    static int[] writtenAlleles(final int genotype)
    {
        final int a = DiploidGenotyper.first(genotype);
        final int b = DiploidGenotyper.second(genotype);
        return a == 0 ? new int[] {b} : a == b ? new int[] {a} : new int[] {a, b};
    }

    private static String genotypeText(final int genotype)
    {
        final int a = DiploidGenotyper.first(genotype);
        final int b = DiploidGenotyper.second(genotype);
        return a == 0 ? "0/1" : a == b ? "1/1" : "1/2";
    }
}

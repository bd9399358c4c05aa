package io.callscore.engine.pool;

/**
 * One small variant as the pool build handles it: a VCF record reduced to what matters for editing reads and
 * writing truth. Positions are 0-based on the source contig; {@code pos} is the first base of {@code ref} (the VCF
 * POS minus one), so an indel carries its padding base as VCF writes it.
 *
 * @param pos    0-based position of the first REF base
 * @param ref    REF allele, upper-case ACGTN
 * @param alts   ALT alleles, upper-case ACGTN
 * @param gt0    allele index on the first haplotype (0 REF, i the i-th ALT)
 * @param gt1    allele index on the second haplotype
 * @param phased whether the genotype was written phased ({@code |})
 */
public record SmallVariant(int pos, String ref, String[] alts, int gt0, int gt1, boolean phased)
{
    /** A biallelic variant with an unphased genotype {@code 0/1} (het) or {@code 1/1} (hom). */
    public static SmallVariant biallelic(final int pos, final String ref, final String alt, final boolean hom)
    {
        return new SmallVariant(pos, ref, new String[] {alt}, hom ? 1 : 0, 1, false);
    }

    /** End of the REF span (0-based, exclusive). */
    public int end()
    {
        return pos + ref.length();
    }

    public boolean isHom()
    {
        return gt0 == gt1;
    }

    /** Biallelic, genotype 0/1, 1/0 or 1/1: the shapes the read editor can revert. */
    public boolean isSimpleGenotype()
    {
        return alts.length == 1 && (gt0 == 1 || gt1 == 1) && gt0 >= 0 && gt1 >= 0 && gt0 <= 1 && gt1 <= 1;
    }

    /** A single-base substitution. */
    public boolean isSnv()
    {
        return alts.length == 1 && ref.length() == 1 && alts[0].length() == 1;
    }

    /** An insertion or deletion written with one padding base and nothing else changed. */
    public boolean isSimpleIndel()
    {
        if (alts.length != 1)
        {
            return false;
        }
        final String alt = alts[0];
        if (ref.length() == alt.length() || ref.charAt(0) != alt.charAt(0))
        {
            return false;
        }
        return ref.length() == 1 || alt.length() == 1;
    }

    /** The genotype as written in truth VCFs: unphased, lower index first. */
    public String genotypeText()
    {
        return Math.min(gt0, gt1) + "/" + Math.max(gt0, gt1);
    }

    /** The ALT field. */
    public String altText()
    {
        return String.join(",", alts);
    }
}

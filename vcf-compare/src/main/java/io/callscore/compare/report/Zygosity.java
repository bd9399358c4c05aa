package io.callscore.compare.report;

import java.nio.charset.StandardCharsets;

/**
 * Genotype shape of one sample at one record, named as hap.py names it in the GA4GH {@code BLT} field
 * (het, homalt, hetalt, ...). The het/hom ratios of summary.csv count {@link #HET} and {@link #HOMALT}.
 */
final class Zygosity
{
    /** Every allele missing (or no GT). */
    static final byte NOCALL = 0;
    /** Some alleles missing, some called. */
    static final byte HALFCALL = 1;
    /** Every allele REF. */
    static final byte HOMREF = 2;
    /** One REF and one ALT allele. */
    static final byte HET = 3;
    /** Two copies of one ALT allele. */
    static final byte HOMALT = 4;
    /** Two different ALT alleles. */
    static final byte HETALT = 5;
    /** One called ALT allele on a haploid GT. */
    static final byte HEMI = 6;
    /** More than two different alleles (polyploid GT). */
    static final byte AMBI = 7;

    private static final byte[][] NAMES = {
        ascii("nocall"), ascii("halfcall"), ascii("homref"), ascii("het"), ascii("homalt"), ascii("hetalt"),
        ascii("hemi"), ascii("ambi")};

    private Zygosity()
    {
    }

    /** Classifies a GT given as allele indices (-1 missing, 0 REF, i the i-th ALT). */
    static byte of(final int[] alleles, final int ploidy)
    {
        int missing = 0;
        int refs = 0;
        for (int h = 0; h < ploidy; h++)
        {
            if (alleles[h] < 0)
            {
                missing++;
            }
            else if (alleles[h] == 0)
            {
                refs++;
            }
        }
        if (missing == ploidy)
        {
            return NOCALL;
        }
        if (missing > 0)
        {
            return HALFCALL;
        }
        if (refs == ploidy)
        {
            return HOMREF;
        }
        if (ploidy == 1)
        {
            return HEMI;
        }
        final int distinct = distinct(alleles, ploidy);
        if (distinct > 2)
        {
            return AMBI;
        }
        if (distinct == 1)
        {
            return HOMALT;
        }
        return refs > 0 ? HET : HETALT;
    }

    /** The hap.py name of a zygosity code, as ASCII bytes. */
    static byte[] name(final byte zygosity)
    {
        return NAMES[zygosity];
    }

    private static int distinct(final int[] alleles, final int ploidy)
    {
        int n = 0;
        for (int h = 0; h < ploidy; h++)
        {
            boolean seen = false;
            for (int g = 0; g < h && !seen; g++)
            {
                seen = alleles[g] == alleles[h];
            }
            if (!seen)
            {
                n++;
            }
        }
        return n;
    }

    private static byte[] ascii(final String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

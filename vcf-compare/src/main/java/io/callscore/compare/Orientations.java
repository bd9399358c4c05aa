package io.callscore.compare;

import io.callscore.vcf.ContigVariants;

import java.util.Arrays;

/** The orientations tried for a variant: which allele index goes on which haplotype. */
final class Orientations
{
    private Orientations()
    {
    }

    /** Unphased diploid: a het {@code a/b} tries (a,b) then (b,a); a hom tries (a,a) once. */
    static int[][] diploid(final ContigVariants cv, final int v)
    {
        final int a = cv.gt(v, 0);
        final int b = cv.gt(v, 1);
        if (a != b)
        {
            return new int[][] {{a, b}, {b, a}};
        }
        return new int[][] {{a, a}};
    }

    /**
     * Allele matching ({@code --squash-ploidy}): one haplotype; one orientation per distinct ALT of the GT that
     * has bases to replay, in increasing allele index.
     */
    static int[][] squashed(final ContigVariants cv, final int v)
    {
        final int ploidy = cv.ploidy();
        final int[] ids = new int[ploidy];
        for (int h = 0; h < ploidy; h++)
        {
            ids[h] = cv.gt(v, h);
        }
        Arrays.sort(ids);
        final int[][] out = new int[ploidy][];
        int n = 0;
        int previous = 0;
        for (final int id : ids)
        {
            if (id > previous && cv.allele(v, id) >= 0)
            {
                out[n++] = new int[] {id};
                previous = id;
            }
        }
        return Arrays.copyOf(out, n);
    }
}

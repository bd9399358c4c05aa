package io.callscore.compare;

import io.callscore.vcf.ContigVariants;

import java.util.Arrays;

/** The orientations tried for a variant: which allele index goes on which haplotype. */
final class Orientations
{
    /** Allele indices -1..SMALL-2 get shared, never-modified orientation arrays (no allocation per variant). */
    private static final int SMALL = 6;
    private static final int[][][][] DIPLOID = new int[SMALL][SMALL][][];
    private static final int[][][] SQUASHED_ONE = new int[SMALL][][];

    static
    {
        for (int a = -1; a < SMALL - 1; a++)
        {
            SQUASHED_ONE[a + 1] = new int[][] {{a}};
            for (int b = -1; b < SMALL - 1; b++)
            {
                DIPLOID[a + 1][b + 1] = a != b ? new int[][] {{a, b}, {b, a}} : new int[][] {{a, a}};
            }
        }
    }

    private Orientations()
    {
    }

    /** Unphased diploid: a het {@code a/b} tries (a,b) then (b,a); a hom tries (a,a) once. */
    static int[][] diploid(final ContigVariants cv, final int v)
    {
        final int a = cv.gt(v, 0);
        final int b = cv.gt(v, 1);
        if (a < SMALL - 1 && b < SMALL - 1)
        {
            return DIPLOID[a + 1][b + 1];
        }
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
        if (ploidy == 2 && ids[1] < SMALL - 1)
        {
            // Common case without allocation: at most two distinct replayable ALTs, each a shared array.
            final boolean first = ids[0] > 0 && cv.allele(v, ids[0]) >= 0;
            final boolean second = ids[1] > 0 && ids[1] != ids[0] && cv.allele(v, ids[1]) >= 0;
            final boolean secondOnly = ids[1] > 0 && cv.allele(v, ids[1]) >= 0 && !first;
            if (first && second)
            {
                return new int[][] {SQUASHED_ONE[ids[0] + 1][0], SQUASHED_ONE[ids[1] + 1][0]};
            }
            if (first)
            {
                return SQUASHED_ONE[ids[0] + 1];
            }
            if (secondOnly)
            {
                return SQUASHED_ONE[ids[1] + 1];
            }
        }
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

package io.callscore.compare;

import io.callscore.vcf.ContigVariants;

/**
 * {@code --ref-overlap}: REF alleles stop occupying (and blocking) their span, and every ALT is trimmed of the
 * bases it shares with REF. Where a variant overlaps neighbours and could trim on either side, the side that
 * removes more overlaps wins, prefix-first only when it removes strictly more (vcfeval's heuristic).
 */
final class RefOverlapTrimmer
{
    private RefOverlapTrimmer()
    {
    }

    /** Trims all variants of a contig in load order (each decision sees the already-trimmed earlier spans). */
    static void trim(final ContigVariants cv)
    {
        final int n = cv.size();
        int firstOverlap = 0;
        int lastOverlap = 0;
        for (int v = 0; v < n; v++)
        {
            while (lastOverlap < n && (lastOverlap <= v || overlaps(cv, v, lastOverlap)))
            {
                lastOverlap++;
            }
            while (firstOverlap < v && !overlaps(cv, v, firstOverlap))
            {
                firstOverlap++;
            }
            if (firstOverlap == v && lastOverlap == v + 1)
            {
                trimVariant(cv, v, true);
                continue;
            }
            int stripLeading = 0;
            int stripTrailing = 0;
            final int ref = cv.alleleHandle(v, 0);
            for (int k = 1; k < cv.alleleCount(v); k++)
            {
                final int alt = cv.allele(v, k);
                if (alt >= 0)
                {
                    stripLeading = Math.max(stripLeading, longestPrefix(cv, ref, alt, 0));
                    stripTrailing = Math.max(stripTrailing, longestSuffix(cv, ref, alt, 0));
                }
            }
            if (stripLeading == 0 || stripTrailing == 0)
            {
                trimVariant(cv, v, true);
                continue;
            }
            int leftCount = 0;
            int rightCount = 0;
            for (int i = firstOverlap; i < lastOverlap; i++)
            {
                if (i == v)
                {
                    continue;
                }
                final int leftOverlap = cv.end(i) - cv.start(v);
                final int rightOverlap = cv.end(v) - cv.start(i);
                if (leftOverlap <= 0 && rightOverlap <= 0)
                {
                    continue;
                }
                if (leftOverlap > 0 && leftOverlap <= stripLeading)
                {
                    leftCount++;
                }
                if (rightOverlap > 0 && rightOverlap < stripTrailing)
                {
                    rightCount++;
                }
            }
            trimVariant(cv, v, leftCount > rightCount);
        }
    }

    private static boolean overlaps(final ContigVariants cv, final int a, final int b)
    {
        return cv.start(b) < cv.end(a) && cv.end(b) > cv.start(a);
    }

    private static void trimVariant(final ContigVariants cv, final int v, final boolean leftFirst)
    {
        final int ref = cv.alleleHandle(v, 0);
        for (int k = 1; k < cv.alleleCount(v); k++)
        {
            final int alt = cv.allele(v, k);
            if (alt < 0)
            {
                continue;
            }
            final int lead;
            final int trail;
            if (leftFirst)
            {
                lead = longestPrefix(cv, ref, alt, 0);
                trail = longestSuffix(cv, ref, alt, lead);
            }
            else
            {
                trail = longestSuffix(cv, ref, alt, 0);
                lead = longestPrefix(cv, ref, alt, trail);
            }
            if (lead > 0 || trail > 0)
            {
                cv.clipAllele(alt, lead, trail);
            }
        }
        cv.dropAllele(ref);
        cv.recomputeSpan(v);
    }

    /** Common prefix length of two alleles' bases, not reaching into the last {@code rightOffset} bases. */
    private static int longestPrefix(final ContigVariants cv, final int a, final int b, final int rightOffset)
    {
        final byte[] bases = cv.bases();
        final int la = cv.alleleLength(a) - rightOffset;
        final int lb = cv.alleleLength(b) - rightOffset;
        int i = 0;
        while (i < la && i < lb && bases[cv.alleleOffset(a) + i] == bases[cv.alleleOffset(b) + i])
        {
            i++;
        }
        return i;
    }

    /** Common suffix length of two alleles' bases, not reaching into the first {@code leftOffset} bases. */
    private static int longestSuffix(final ContigVariants cv, final int a, final int b, final int leftOffset)
    {
        final byte[] bases = cv.bases();
        final int la = cv.alleleLength(a);
        final int lb = cv.alleleLength(b);
        final int ea = cv.alleleOffset(a) + la - 1;
        final int eb = cv.alleleOffset(b) + lb - 1;
        int i = 0;
        while (i + leftOffset < la && i + leftOffset < lb && bases[ea - i] == bases[eb - i])
        {
            i++;
        }
        return i;
    }
}

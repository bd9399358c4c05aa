package io.callscore.compare;

import io.callscore.vcf.ContigVariants;

/**
 * One side's variants on a contig as the path search sees them: sorted by (start, end), stably, with their
 * orientations (the ways their alleles can be laid on the haplotypes) worked out once.
 */
final class SideVariants
{
    private final ContigVariants variants;
    private final int[] order;
    private final int[][][] orientations;

    SideVariants(final ContigVariants variants, final boolean squash)
    {
        this.variants = variants;
        final int n = variants.size();
        final Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++)
        {
            boxed[i] = i;
        }
        // Stable sort: ties keep load order, as vcfeval's does.
        java.util.Arrays.sort(boxed, (a, b) ->
        {
            final int c = Integer.compare(variants.start(a), variants.start(b));
            return c != 0 ? c : Integer.compare(variants.end(a), variants.end(b));
        });
        this.order = new int[n];
        this.orientations = new int[n][][];
        for (int i = 0; i < n; i++)
        {
            order[i] = boxed[i];
            orientations[i] = squash ? Orientations.squashed(variants, order[i]) : Orientations.diploid(variants, order[i]);
        }
    }

    ContigVariants variants()
    {
        return variants;
    }

    int size()
    {
        return order.length;
    }

    /** Load-order index of the variant at sorted index i. */
    int variant(final int i)
    {
        return order[i];
    }

    int start(final int i)
    {
        return variants.start(order[i]);
    }

    int end(final int i)
    {
        return variants.end(order[i]);
    }

    /** Allele handle of allele index k of the variant at sorted index i, or -1 for nothing to replay. */
    int allele(final int i, final int k)
    {
        return variants.allele(order[i], k);
    }

    int[][] orientations(final int i)
    {
        return orientations[i];
    }
}

package io.callscore.compare;

import io.callscore.vcf.ContigVariants;

/**
 * One side's variants on a contig as the path search sees them: sorted by (start, end), stably, with their
 * orientations (the ways their alleles can be laid on the haplotypes) worked out once.
 *
 * <p>Reused contig after contig ({@link #reset}): the arrays keep their capacity, so only the first
 * {@link #size()} entries belong to the current contig.
 */
final class SideVariants
{
    private static final io.callscore.vcf.simd.ByteKernels KERNELS = io.callscore.vcf.simd.VectorizationProvider.byteKernels();

    private ContigVariants variants;
    private int size;
    private int[] order = new int[0];
    private int[][][] orientations = new int[0][][];
    /** Cache of {@link #isPlainSubstitution}: 0 not yet known, 1 yes, 2 no. */
    private byte[] plainSubstitution = new byte[0];

    /** Empty; {@link #reset} gives it a contig's variants. */
    SideVariants()
    {
    }

    SideVariants(final ContigVariants variants, final boolean squash)
    {
        reset(variants, squash);
    }

    /** Becomes the sorted view of {@code variants}. */
    void reset(final ContigVariants contigVariants, final boolean squash)
    {
        this.variants = contigVariants;
        final int n = contigVariants.size();
        this.size = n;
        if (order.length < n)
        {
            order = new int[n];
            plainSubstitution = new byte[n];
            orientations = new int[n][][];
        }
        else
        {
            java.util.Arrays.fill(plainSubstitution, 0, n, (byte)0);
        }
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        // Stable insertion sort by (start, end): load order is POS order, so only records whose padding removal
        // moved them are out of place, and each moves a short way.
        for (int i = 1; i < n; i++)
        {
            final int v = order[i];
            final int start = contigVariants.start(v);
            final int end = contigVariants.end(v);
            int j = i - 1;
            while (j >= 0 && (contigVariants.start(order[j]) > start
                || (contigVariants.start(order[j]) == start && contigVariants.end(order[j]) > end)))
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = v;
        }
        for (int i = 0; i < n; i++)
        {
            orientations[i] = squash ? Orientations.squashed(contigVariants, order[i])
                : Orientations.diploid(contigVariants, order[i]);
        }
    }

    ContigVariants variants()
    {
        return variants;
    }

    int size()
    {
        return size;
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

    /**
     * Whether every present allele of the variant at sorted index i covers the variant's whole span with as many
     * bases as the span is long (SNV/MNP), and its REF allele, when present, equals the reference exactly. Then
     * replaying any orientation of it changes bases only inside its span, and a haplotype with an ALT there
     * differs from the reference there.
     */
    boolean isPlainSubstitution(final int i, final byte[] template)
    {
        if (plainSubstitution[i] == 0)
        {
            plainSubstitution[i] = (byte)(computePlainSubstitution(i, template) ? 1 : 2);
        }
        return plainSubstitution[i] == 1;
    }

    private boolean computePlainSubstitution(final int i, final byte[] template)
    {
        final int v = order[i];
        final int start = variants.start(v);
        final int end = variants.end(v);
        if (end <= start)
        {
            return false;
        }
        final byte[] pool = variants.bases();
        for (int k = 0; k < variants.alleleCount(v); k++)
        {
            final int a = variants.allele(v, k);
            if (a < 0)
            {
                continue;
            }
            if (variants.alleleStart(a) != start || variants.alleleEnd(a) != end
                || variants.alleleLength(a) != end - start)
            {
                return false;
            }
            if (k == 0 && KERNELS.mismatch(pool, variants.alleleOffset(a), template, start, end - start) >= 0)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every present allele of the variant at sorted index i covers exactly the variant's span, and its REF
     * allele, when present, equals the reference: then a haplotype replays either the reference or one ALT over
     * the span. Unlike {@link #isPlainSubstitution} the ALTs may be of any length (indels).
     */
    boolean isSimpleOverSpan(final int i, final byte[] template)
    {
        final int v = order[i];
        final int start = variants.start(v);
        final int end = variants.end(v);
        final byte[] pool = variants.bases();
        for (int k = 0; k < variants.alleleCount(v); k++)
        {
            final int a = variants.allele(v, k);
            if (a < 0)
            {
                continue;
            }
            if (variants.alleleStart(a) != start || variants.alleleEnd(a) != end)
            {
                return false;
            }
            if (k == 0 && (variants.alleleLength(a) != end - start
                || KERNELS.mismatch(pool, variants.alleleOffset(a), template, start, end - start) >= 0))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * How many bases two haplotypes replay identically from {@code start}, one with allele handle {@code a} of this
     * side over [start, end) and one with handle {@code b} of {@code other} (-1: the reference), each followed by
     * the reference from {@code end}: the index of the first difference, or -1 when there is none within
     * {@code limit} bases or before the reference ends.
     */
    int firstDifference(final int a, final SideVariants other, final int b, final int start, final int end,
        final byte[] template, final int limit)
    {
        final ContigVariants ov = other.variants;
        final int lenA = a < 0 ? end - start : variants.alleleLength(a);
        final int lenB = b < 0 ? end - start : ov.alleleLength(b);
        for (int i = 0; i < limit; i++)
        {
            final int ta = end + i - lenA;
            final int tb = end + i - lenB;
            if ((i >= lenA && ta >= template.length) || (i >= lenB && tb >= template.length))
            {
                return -1;
            }
            final byte x = i < lenA ? (a < 0 ? template[start + i] : variants.bases()[variants.alleleOffset(a) + i])
                : template[ta];
            final byte y = i < lenB ? (b < 0 ? template[start + i] : ov.bases()[ov.alleleOffset(b) + i]) : template[tb];
            if (x != y)
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether allele index k of variant i (this side) and allele index m of variant j (other side) spell the same
     * bases over their common span: both reference (absent or REF), or ALTs with equal bases. Only meaningful for
     * plain substitutions over the same span.
     */
    boolean sameContent(final int i, final int k, final SideVariants other, final int j, final int m)
    {
        final int a = k <= 0 ? -1 : allele(i, k);
        final int b = m <= 0 ? -1 : other.allele(j, m);
        if (a < 0 || b < 0)
        {
            return a < 0 && b < 0;
        }
        final int length = variants.alleleLength(a);
        final int ob = other.variants.alleleOffset(b);
        final int oa = variants.alleleOffset(a);
        return length == other.variants.alleleLength(b)
            && KERNELS.mismatch(variants.bases(), oa, other.variants.bases(), ob, length) < 0;
    }
}

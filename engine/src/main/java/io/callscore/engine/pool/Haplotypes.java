package io.callscore.engine.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The two haplotypes of a diploid genome over one reference slice: the reference with each variant's alleles put
 * on the haplotypes its genotype names. Unphased heterozygous variants go to a haplotype at random. A variant that
 * overlaps one already placed on the same haplotype is left off that haplotype.
 */
final class Haplotypes
{
    private final byte[][] sequence = new byte[2][];
    /** Per haplotype, for each slice position, the haplotype position of that base (or of what replaced it). */
    private final int[][] position = new int[2][];

    Haplotypes(final ReferenceSlice slice, final List<SmallVariant> variants, final SplittableRandom random)
    {
        final List<SmallVariant> sorted = new ArrayList<>(variants);
        sorted.sort(Comparator.comparingInt(SmallVariant::pos));
        final int[][] alleles = new int[sorted.size()][2];
        for (int i = 0; i < sorted.size(); i++)
        {
            final SmallVariant v = sorted.get(i);
            final boolean swap = !v.phased() && v.gt0() != v.gt1() && random.nextBoolean();
            alleles[i][0] = swap ? v.gt1() : v.gt0();
            alleles[i][1] = swap ? v.gt0() : v.gt1();
        }
        for (int h = 0; h < 2; h++)
        {
            build(h, slice, sorted, alleles);
        }
    }

    private void build(final int h, final ReferenceSlice slice, final List<SmallVariant> sorted,
        final int[][] alleles)
    {
        final byte[] ref = slice.ascii();
        final int[] map = new int[ref.length + 1];
        byte[] out = new byte[ref.length + 1024];
        int o = 0;
        int cursor = 0;
        for (int i = 0; i < sorted.size(); i++)
        {
            final SmallVariant v = sorted.get(i);
            final int a = alleles[i][h];
            final int p = v.pos() - slice.start();
            if (a <= 0 || p < cursor || v.end() > slice.end())
            {
                continue;
            }
            while (cursor < p)
            {
                map[cursor] = o;
                out = ensure(out, o + 1);
                out[o++] = ref[cursor++];
            }
            final String alt = v.alts()[a - 1];
            out = ensure(out, o + alt.length());
            for (int k = 0; k < v.ref().length(); k++)
            {
                map[cursor + k] = o + Math.min(k, Math.max(0, alt.length() - 1));
            }
            for (int k = 0; k < alt.length(); k++)
            {
                out[o + k] = (byte)alt.charAt(k);
            }
            o += alt.length();
            cursor += v.ref().length();
        }
        while (cursor < ref.length)
        {
            map[cursor] = o;
            out = ensure(out, o + 1);
            out[o++] = ref[cursor++];
        }
        map[ref.length] = o;
        sequence[h] = java.util.Arrays.copyOf(out, o);
        position[h] = map;
    }

    private static byte[] ensure(final byte[] b, final int size)
    {
        return size <= b.length ? b : java.util.Arrays.copyOf(b, Math.max(size, b.length * 2));
    }

    byte[] sequence(final int haplotype)
    {
        return sequence[haplotype];
    }

    /** Haplotype position of slice position {@code slicePos} (0-based, may equal the slice length). */
    int toHaplotype(final int haplotype, final int slicePos)
    {
        return position[haplotype][slicePos];
    }
}

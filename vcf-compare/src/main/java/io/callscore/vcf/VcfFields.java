package io.callscore.vcf;

/**
 * Field-level helpers over the bytes of a VCF data line, shared by the loader and the output writers. Bounds are
 * half-open byte ranges of the line; sub-field bounds come packed as {@code (from << 32) | to}.
 */
public final class VcfFields
{
    private VcfFields()
    {
    }

    /** First index of {@code c} in {@code b[from, to)}, or -1. */
    public static int indexOf(final byte[] b, final int from, final int to, final byte c)
    {
        for (int i = from; i < to; i++)
        {
            if (b[i] == c)
            {
                return i;
            }
        }
        return -1;
    }

    /** Index of a two-letter key (such as GT or FT) in the FORMAT column {@code b[from, to)}, or -1. */
    public static int formatKey(final byte[] b, final int from, final int to, final char c0, final char c1)
    {
        int index = 0;
        int s = from;
        while (s <= to)
        {
            final int colon = indexOf(b, s, to, (byte)':');
            final int e = colon < 0 ? to : colon;
            if (e - s == 2 && b[s] == c0 && b[s + 1] == c1)
            {
                return index;
            }
            if (colon < 0)
            {
                return -1;
            }
            index++;
            s = colon + 1;
        }
        return -1;
    }

    /** Bounds of the k-th ':'-separated sub-field of a sample column {@code b[from, to)}, or -1 when absent. */
    public static long subField(final byte[] b, final int from, final int to, final int k)
    {
        if (from >= to)
        {
            return -1;
        }
        int s = from;
        for (int i = 0; i < k; i++)
        {
            final int colon = indexOf(b, s, to, (byte)':');
            if (colon < 0)
            {
                return -1;
            }
            s = colon + 1;
        }
        final int colon = indexOf(b, s, to, (byte)':');
        return ((long)s << 32) | (colon < 0 ? to : colon);
    }

    /** Whether a FILTER or FT value {@code b[from, to)} passes: {@code PASS} or {@code .}. */
    public static boolean isPass(final byte[] b, final int from, final int to)
    {
        final int n = to - from;
        return (n == 1 && b[from] == '.') || (n == 4 && b[from] == 'P' && b[from + 1] == 'A' && b[from + 2] == 'S'
            && b[from + 3] == 'S');
    }
}

package io.callscore.vcf;

/**
 * Nucleotide codes used everywhere bases are stored or compared: {@code N=0, A=1, C=2, G=3, T=4}, one byte per
 * base. The order matters: allele comparison during path search orders alleles by these codes, as vcfeval does.
 */
public final class Bases
{
    public static final byte N = 0;
    public static final byte A = 1;
    public static final byte C = 2;
    public static final byte G = 3;
    public static final byte T = 4;
    /** Marks a character that is not a nucleotide. */
    public static final byte INVALID = -1;

    private static final byte[] CODES = new byte[256];
    private static final byte[] LETTERS = {'N', 'A', 'C', 'G', 'T'};

    static
    {
        java.util.Arrays.fill(CODES, INVALID);
        set('A', A);
        set('C', C);
        set('G', G);
        set('T', T);
        set('N', N);
    }

    private Bases()
    {
    }

    private static void set(final char upper, final byte code)
    {
        CODES[upper] = code;
        CODES[Character.toLowerCase(upper)] = code;
    }

    /** Code of an ASCII character, or {@link #INVALID} when it is not one of ACGTN (either case). */
    public static byte code(final byte ascii)
    {
        return CODES[ascii & 0xFF];
    }

    /** Upper-case letter of a code. */
    public static byte letter(final byte code)
    {
        return LETTERS[code];
    }

    /** Encodes {@code length} ASCII bases into {@code dst}; returns false (leaving dst partly written) on a non-base. */
    public static boolean encode(final byte[] src, final int from, final int length, final byte[] dst, final int at)
    {
        boolean ok = true;
        for (int i = 0; i < length; i++)
        {
            final byte c = CODES[src[from + i] & 0xFF];
            dst[at + i] = c;
            ok &= c != INVALID;
        }
        return ok;
    }

    /** Decodes codes to an upper-case string. */
    public static String toString(final byte[] codes, final int from, final int length)
    {
        final char[] chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = (char)LETTERS[codes[from + i]];
        }
        return new String(chars);
    }
}

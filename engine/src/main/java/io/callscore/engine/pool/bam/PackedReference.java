package io.callscore.engine.pool.bam;

/**
 * A reference sequence in BAM's 4-bit base codes, packed two bases per byte at both phases, so a read's packed
 * bases can be compared with it a byte (two bases) at a time with {@link java.util.Arrays#mismatch}, which the
 * JIT vectorises. Built once per window.
 *
 * <pre>
 * reference    A  C  G  T  N  A
 * codes        1  2  4  8 15  1
 * pairs[0]     0x12  0x48  0xF1          bases (0,1) (2,3) (4,5)
 * pairs[1]     0x24  0x8F  0x10          bases (1,2) (3,4) (5,pad)
 * </pre>
 */
public final class PackedReference
{
    private final byte[] ascii;
    private final byte[] codes;
    private final byte[][] pairs = new byte[2][];

    /** Packs reference bytes as spelled (upper or lower case, IUPAC codes). */
    public PackedReference(final byte[] ascii)
    {
        this.ascii = ascii;
        this.codes = new byte[ascii.length + 2];
        for (int i = 0; i < ascii.length; i++)
        {
            // The IUPAC set as a bit mask (A=1, C=2, G=4, T=8); any other byte, '=' included, matches nothing: 0.
            codes[i] = (byte)Math.max(0, BamRecord.code(ascii[i]));
        }
        for (int phase = 0; phase < 2; phase++)
        {
            final byte[] p = new byte[(ascii.length + 1) / 2 + 1];
            for (int i = 0; i < p.length && 2 * i + phase < ascii.length; i++)
            {
                p[i] = (byte)(codes[2 * i + phase] << 4 | codes[2 * i + phase + 1]);
            }
            pairs[phase] = p;
        }
    }

    /** The reference bytes as given. */
    public byte[] ascii()
    {
        return ascii;
    }

    /** 4-bit code of the base at {@code pos}. */
    public int code(final int pos)
    {
        return codes[pos];
    }

    /** Bases {@code (pos, pos + 1)} packed as a read's byte would hold them, for {@code pos + 1} within the pairs. */
    byte[] pairsFrom(final int pos)
    {
        return pairs[pos & 1];
    }

    /** Index in {@link #pairsFrom(int)} of the pair starting at {@code pos}. */
    static int pairIndex(final int pos)
    {
        return pos >> 1;
    }
}

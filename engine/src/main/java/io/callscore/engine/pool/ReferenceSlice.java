package io.callscore.engine.pool;

import io.callscore.vcf.Bases;
import io.callscore.vcf.ReferenceGenome;

/**
 * The reference bases of one window plus its margin, as upper-case ASCII, addressed in source contig coordinates
 * (0-based). This is also what the miner receives as {@code ref.fa}: position {@code start} of the contig becomes
 * position 1 of the delivered sequence.
 */
public final class ReferenceSlice
{
    private final String contig;
    private final int start;
    private final byte[] ascii;

    public ReferenceSlice(final String contig, final int start, final byte[] ascii)
    {
        this.contig = contig;
        this.start = start;
        this.ascii = ascii;
    }

    /** Cuts {@code [start, end)} of a contig out of a reference. */
    public static ReferenceSlice of(final ReferenceGenome reference, final String contig, final int start,
        final int end)
    {
        // Just the slice is read from an indexed FASTA, never the whole chromosome.
        final byte[] out = reference.bases(contig, start, end);
        for (int i = 0; i < out.length; i++)
        {
            out[i] = Bases.letter(out[i]);
        }
        return new ReferenceSlice(contig, start, out);
    }

    public String contig()
    {
        return contig;
    }

    /** First source position (0-based) of the slice. */
    public int start()
    {
        return start;
    }

    /** Source position just past the slice. */
    public int end()
    {
        return start + ascii.length;
    }

    public int length()
    {
        return ascii.length;
    }

    /** The ASCII base at a source position, {@code N} outside the slice. */
    public byte base(final int pos)
    {
        final int i = pos - start;
        return i < 0 || i >= ascii.length ? (byte)'N' : ascii[i];
    }

    /** The bases of {@code [from, to)} in source coordinates. */
    public String bases(final int from, final int to)
    {
        final StringBuilder sb = new StringBuilder(Math.max(0, to - from));
        for (int p = from; p < to; p++)
        {
            sb.append((char)base(p));
        }
        return sb.toString();
    }

    /** The slice's bases (shared array: do not modify), index 0 = {@link #start()}. */
    public byte[] ascii()
    {
        return ascii;
    }

    public boolean contains(final int pos)
    {
        return pos >= start && pos < start + ascii.length;
    }
}

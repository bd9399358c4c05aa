package io.callscore.engine.pool.bam;

import java.util.Arrays;

/**
 * Computes a record's MD string and NM count (SAM optional-fields specification) from its raw CIGAR and packed
 * bases against reference bytes, as samtools calmd and htsjdk's {@code SequenceUtil.calculateMdAndNmTags} do:
 * bases are compared as IUPAC codes ignoring case (N matches N), mismatches and deleted bases name the
 * reference base as the reference spells it, and NM counts mismatches, inserted and deleted bases. One instance
 * is reused for every record: the MD bytes live in its own growing buffer.
 */
public final class MismatchTags
{
    private byte[] md = new byte[64];
    private int mdLength;
    private int nm;

    /**
     * Computes the tags of {@code record}, whose {@code pos} indexes the reference directly (its first base is
     * the record's position 0). The record must be mapped and lie inside the reference.
     */
    public void compute(final BamRecord record, final PackedReference packed)
    {
        final byte[] reference = packed.ascii();
        final byte[] b = record.buffer();
        final int cigarAt = record.cigarOffset();
        final int ops = record.cigarOps();
        final int seqAt = record.seqOffset();
        int ref = record.pos();
        int read = 0;
        int matches = 0;
        mdLength = 0;
        nm = 0;
        for (int i = 0; i < ops; i++)
        {
            final int cigar = BamRecord.intAt(b, cigarAt + 4 * i);
            final int op = cigar & 0xF;
            final int len = cigar >>> 4;
            switch (op)
            {
                case 0, 7, 8 -> // M, =, X
                {
                    int k = 0;
                    while (k < len)
                    {
                        final int q = read + k;
                        final int p = ref + k;
                        if ((q & 1) == 0 && len - k >= 2)
                        {
                            // Whole read bytes against the reference packed at the same phase: two bases a step.
                            final int bytes = (len - k) >> 1;
                            final int from = seqAt + (q >> 1);
                            final int pair = PackedReference.pairIndex(p);
                            final int diff = Arrays.mismatch(b, from, from + bytes, packed.pairsFrom(p), pair,
                                pair + bytes);
                            final int same = diff < 0 ? bytes : diff;
                            matches += 2 * same;
                            k += 2 * same;
                            if (diff < 0)
                            {
                                continue;
                            }
                        }
                        final int qq = read + k;
                        final int packedBases = b[seqAt + (qq >> 1)];
                        final int base = (qq & 1) == 0 ? (packedBases >> 4) & 0xF : packedBases & 0xF;
                        // '=' (code 0) in a read means "the reference base".
                        if (base == 0 || base == packed.code(ref + k))
                        {
                            matches++;
                        }
                        else
                        {
                            appendNumber(matches);
                            append(reference[ref + k]);
                            matches = 0;
                            nm++;
                        }
                        k++;
                    }
                    ref += len;
                    read += len;
                }
                case 2 -> // D
                {
                    appendNumber(matches);
                    append((byte)'^');
                    for (int k = 0; k < len; k++)
                    {
                        append(reference[ref + k]);
                    }
                    matches = 0;
                    ref += len;
                    nm += len;
                }
                case 1 -> // I
                {
                    read += len;
                    nm += len;
                }
                case 4 -> read += len; // S
                case 3 -> ref += len; // N
                default ->
                {
                    // H and P consume neither the read nor the reference.
                }
            }
        }
        appendNumber(matches);
    }

    /** The MD string's bytes, valid until the next {@link #compute}: {@code mdLength()} of them. */
    public byte[] md()
    {
        return md;
    }

    public int mdLength()
    {
        return mdLength;
    }

    public int nm()
    {
        return nm;
    }

    private void appendNumber(final int n)
    {
        if (n >= 10)
        {
            appendNumber(n / 10);
        }
        append((byte)('0' + n % 10));
    }

    private void append(final byte c)
    {
        if (mdLength == md.length)
        {
            md = Arrays.copyOf(md, md.length * 2);
        }
        md[mdLength++] = c;
    }
}

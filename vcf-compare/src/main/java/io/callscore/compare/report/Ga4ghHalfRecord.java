package io.callscore.compare.report;

import java.util.Arrays;

/**
 * One spooled record of one side ({@link Ga4ghSpool} line), copied into its own reusable buffer so that the
 * records of one position can be held while they are paired across sides.
 */
final class Ga4ghHalfRecord
{
    static final int POS = 0;
    static final int ID = 1;
    static final int REF = 2;
    static final int ALT = 3;
    static final int QUAL = 4;
    static final int FILTER = 5;
    static final int GT = 6;
    /** {@code BD:BK:BVT:BLT}. */
    static final int DECISION = 7;
    private static final int FIELDS = 8;

    private byte[] b = new byte[128];
    private final int[] from = new int[FIELDS];
    private final int[] to = new int[FIELDS];
    private int pos;
    private boolean paired;

    /** Copies and splits a spool line. */
    void read(final byte[] line, final int length)
    {
        if (b.length < length)
        {
            b = Arrays.copyOf(line, Math.max(length, b.length * 2));
        }
        else
        {
            System.arraycopy(line, 0, b, 0, length);
        }
        int s = 0;
        for (int f = 0; f < FIELDS; f++)
        {
            final int tab = f == FIELDS - 1 ? -1 : io.callscore.vcf.VcfFields.indexOf(b, s, length, (byte)'\t');
            from[f] = s;
            to[f] = tab < 0 ? length : tab;
            s = tab < 0 ? length : tab + 1;
        }
        int p = 0;
        for (int i = from[POS]; i < to[POS]; i++)
        {
            p = p * 10 + (b[i] - '0');
        }
        pos = p;
        paired = false;
    }

    /** Whether the record has been written on a merged line. */
    boolean isPaired()
    {
        return paired;
    }

    void markPaired()
    {
        paired = true;
    }

    int pos()
    {
        return pos;
    }

    byte[] bytes()
    {
        return b;
    }

    int from(final int field)
    {
        return from[field];
    }

    int to(final int field)
    {
        return to[field];
    }

    /** Whether a field holds the same bytes as the same field of another record. */
    boolean sameField(final Ga4ghHalfRecord o, final int field)
    {
        return Arrays.equals(b, from[field], to[field], o.b, o.from[field], o.to[field]);
    }

    /** Whether a field is the missing value '.'. */
    boolean isMissing(final int field)
    {
        return to[field] - from[field] == 1 && b[from[field]] == '.';
    }
}

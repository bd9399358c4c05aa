package io.callscore.compare.report;

import io.callscore.vcf.VcfFields;

import java.util.Arrays;

/**
 * A reusable view of one VCF data line: column bounds, the compared sample's GT, and the few facts the output
 * files need (position, end for the index, PASS, zygosity, transition/transversion). The line's bytes are not
 * copied; the view is valid until the caller's buffer changes. The input was validated by the loader, so a line
 * reaching here is well formed; anything odd degrades to "absent" rather than failing.
 */
final class VcfDataLine
{
    static final int CHROM = 0;
    static final int POS = 1;
    static final int ID = 2;
    static final int REF = 3;
    static final int ALT = 4;
    static final int QUAL = 5;
    static final int FILTER = 6;
    static final int INFO = 7;
    static final int FORMAT = 8;
    /** Index of the compared sample's column in the bounds arrays. */
    private static final int SAMPLE = 9;

    /** {@link #tiTv()} bit: a changed base is a transition (A-G, C-T). */
    static final int TRANSITION = 1;
    /** {@link #tiTv()} bit: a changed base is a transversion. */
    static final int TRANSVERSION = 2;

    private byte[] b;
    private final int[] from = new int[SAMPLE + 1];
    private final int[] to = new int[SAMPLE + 1];
    private int[] gt = new int[4];
    private int ploidy;
    private int gtFrom;
    private int gtTo;

    /** Splits a line; {@code sampleColumn} is the 0-based column of the compared sample, or -1 for none. */
    void wrap(final byte[] bytes, final int length, final int sampleColumn)
    {
        b = bytes;
        Arrays.fill(from, length);
        Arrays.fill(to, length);
        int s = 0;
        int column = 0;
        while (true)
        {
            final int tab = VcfFields.indexOf(bytes, s, length, (byte)'\t');
            final int e = tab < 0 ? length : tab;
            if (column <= FORMAT)
            {
                from[column] = s;
                to[column] = e;
            }
            else if (column == sampleColumn)
            {
                from[SAMPLE] = s;
                to[SAMPLE] = e;
            }
            column++;
            if (tab < 0 || (column > FORMAT && column > sampleColumn))
            {
                break;
            }
            s = tab + 1;
        }
        parseGt();
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

    /** Whether CHROM equals the given contig name (no allocation). */
    boolean isContig(final String contig)
    {
        final int n = to[CHROM] - from[CHROM];
        if (contig == null || contig.length() != n)
        {
            return false;
        }
        for (int i = 0; i < n; i++)
        {
            if (contig.charAt(i) != (char)(b[from[CHROM] + i] & 0xFF))
            {
                return false;
            }
        }
        return true;
    }

    /** 1-based POS. */
    int pos()
    {
        return parseInt(from[POS], to[POS], 0);
    }

    /** 1-based inclusive end as htsjdk and tabix see it: INFO END when present, else POS + len(REF) - 1. */
    int end()
    {
        final int pos = pos();
        final int infoEnd = infoEnd();
        return infoEnd >= pos ? infoEnd : pos + Math.max(1, to[REF] - from[REF]) - 1;
    }

    /** FILTER is PASS or '.', and the sample's FT (if any) too: the records hap.py's PASS rows keep. */
    boolean isPass()
    {
        if (!isPassValue(from[FILTER], to[FILTER]))
        {
            return false;
        }
        final int ft = formatKey('F', 'T');
        if (ft < 0)
        {
            return true;
        }
        final long bounds = subField(ft);
        return bounds < 0 || isPassValue((int)(bounds >>> 32), (int)bounds);
    }

    /** Start of the sample's GT value (equal to {@link #gtTo()} when there is none). */
    int gtFrom()
    {
        return gtFrom;
    }

    int gtTo()
    {
        return gtTo;
    }

    /** The sample's genotype shape. */
    byte zygosity()
    {
        return Zygosity.of(gt, ploidy);
    }

    /**
     * {@link #TRANSITION} and/or {@link #TRANSVERSION} when a GT allele of the same length as REF changes bases
     * of each kind; 0 otherwise. A record counts once per kind (hap.py tags records ti/tv the same way).
     */
    int tiTv()
    {
        final int refFrom = from[REF];
        final int refLength = to[REF] - refFrom;
        int flags = 0;
        for (int h = 0; h < ploidy; h++)
        {
            final int k = gt[h];
            if (k <= 0 || isRepeat(h))
            {
                continue;
            }
            final long alt = altBounds(k);
            if (alt < 0)
            {
                continue;
            }
            final int altFrom = (int)(alt >>> 32);
            if ((int)alt - altFrom != refLength)
            {
                continue;
            }
            for (int i = 0; i < refLength; i++)
            {
                flags |= change(upper(b[refFrom + i]), upper(b[altFrom + i]));
            }
        }
        return flags;
    }

    private boolean isRepeat(final int h)
    {
        for (int g = 0; g < h; g++)
        {
            if (gt[g] == gt[h])
            {
                return true;
            }
        }
        return false;
    }

    private static int change(final byte r, final byte a)
    {
        if (r == a || !isAcgt(r) || !isAcgt(a))
        {
            return 0;
        }
        final boolean purines = (r == 'A' || r == 'G') && (a == 'A' || a == 'G');
        final boolean pyrimidines = (r == 'C' || r == 'T') && (a == 'C' || a == 'T');
        return purines || pyrimidines ? TRANSITION : TRANSVERSION;
    }

    private static boolean isAcgt(final byte c)
    {
        return c == 'A' || c == 'C' || c == 'G' || c == 'T';
    }

    private static byte upper(final byte c)
    {
        return c >= 'a' && c <= 'z' ? (byte)(c - 32) : c;
    }

    /** Bounds of the k-th ALT allele (1-based) packed as (from << 32 | to), or -1. */
    private long altBounds(final int k)
    {
        int s = from[ALT];
        final int end = to[ALT];
        for (int i = 1; i < k; i++)
        {
            final int comma = VcfFields.indexOf(b, s, end, (byte)',');
            if (comma < 0)
            {
                return -1;
            }
            s = comma + 1;
        }
        final int comma = VcfFields.indexOf(b, s, end, (byte)',');
        return ((long)s << 32) | (comma < 0 ? end : comma);
    }

    private void parseGt()
    {
        ploidy = 0;
        gtFrom = to[SAMPLE];
        gtTo = to[SAMPLE];
        final int key = formatKey('G', 'T');
        if (key < 0)
        {
            return;
        }
        final long bounds = subField(key);
        if (bounds < 0)
        {
            return;
        }
        gtFrom = (int)(bounds >>> 32);
        gtTo = (int)bounds;
        int i = gtFrom;
        while (i < gtTo)
        {
            int value = -1;
            if (b[i] == '.')
            {
                i++;
            }
            else
            {
                final int start = i;
                while (i < gtTo && b[i] >= '0' && b[i] <= '9')
                {
                    i++;
                }
                value = parseInt(start, i, -1);
            }
            if (ploidy == gt.length)
            {
                gt = Arrays.copyOf(gt, ploidy * 2);
            }
            gt[ploidy++] = value;
            if (i < gtTo && (b[i] == '/' || b[i] == '|'))
            {
                i++;
            }
            else if (i < gtTo)
            {
                return; // malformed: the loader rejects it, keep what was read
            }
        }
    }

    /** Index of a two-letter key in FORMAT, or -1. */
    private int formatKey(final char c0, final char c1)
    {
        return VcfFields.formatKey(b, from[FORMAT], to[FORMAT], c0, c1);
    }

    /** Bounds of the k-th sub-field of the sample column packed as (from << 32 | to), or -1. */
    private long subField(final int k)
    {
        return VcfFields.subField(b, from[SAMPLE], to[SAMPLE], k);
    }

    /** Value of INFO END=, or -1. */
    private int infoEnd()
    {
        int s = from[INFO];
        final int end = to[INFO];
        while (s < end)
        {
            final int semi = VcfFields.indexOf(b, s, end, (byte)';');
            final int e = semi < 0 ? end : semi;
            if (e - s > 4 && b[s] == 'E' && b[s + 1] == 'N' && b[s + 2] == 'D' && b[s + 3] == '=')
            {
                return parseInt(s + 4, e, -1);
            }
            if (semi < 0)
            {
                return -1;
            }
            s = semi + 1;
        }
        return -1;
    }

    private boolean isPassValue(final int f, final int t)
    {
        final int n = t - f;
        return (n == 1 && b[f] == '.') || (n == 4 && b[f] == 'P' && b[f + 1] == 'A' && b[f + 2] == 'S'
            && b[f + 3] == 'S');
    }

    private int parseInt(final int f, final int t, final int otherwise)
    {
        if (f >= t || t - f > 10)
        {
            return otherwise;
        }
        long value = 0;
        for (int i = f; i < t; i++)
        {
            final int d = b[i] - '0';
            if (d < 0 || d > 9)
            {
                return otherwise;
            }
            value = value * 10 + d;
        }
        return value > Integer.MAX_VALUE ? otherwise : (int)value;
    }

}

package io.callscore.vcf;

import java.util.Arrays;

/**
 * The variants of one side (truth or calls) on one contig, stored column-wise in primitive arrays so that the
 * comparator and later SIMD work touch no per-variant objects.
 *
 * <pre>
 * variant v (load order)          allele table (per contig)            base pool
 * +-------------------------+     +------------------------------+     +---------------------+
 * | start[v], end[v]  span  |     | alleleStart[a], alleleEnd[a] |     | bases[]: one code   |
 * | flags[v] PHASED|OUTSIDE |     | alleleOffset[a] -> pool  ----+---> | per base (Bases),   |
 * |          |INDEL_CLASS   |     | alleleLength[a] (-1 absent)  |     | alleles back to back|
 * | firstAllele[v] ---------+---> | a = firstAllele[v] + k,      |     +---------------------+
 * | alleleCount[v] (REF+ALT)|     |   k = 0 REF, k = i ALT i     |
 * | gt[v*ploidy + h]        |     +------------------------------+
 * | recordOrdinal[v]        |  data-line index in the file, to pair results with records
 * +-------------------------+
 * </pre>
 *
 * Spans and allele intervals are 0-based half-open reference coordinates after removal of the shared padding
 * base. GT entries are allele indices: -1 missing, 0 REF, i the i-th ALT. An allele is "absent" (length -1) when
 * it is not used by the GT or is symbolic; absent alleles replay as reference and block nothing.
 */
public final class ContigVariants
{
    public static final byte PHASED = 1;
    public static final byte OUTSIDE = 2;
    public static final byte INDEL_CLASS = 4;

    private final String contig;
    private final int ploidy;

    private int size;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private byte[] flags = new byte[16];
    private int[] firstAllele = new int[16];
    private int[] alleleCount = new int[16];
    private int[] recordOrdinal = new int[16];
    private int[] gt;

    private int alleles;
    private int[] alleleStart = new int[32];
    private int[] alleleEnd = new int[32];
    private int[] alleleOffset = new int[32];
    private int[] alleleLength = new int[32];

    private int basesUsed;
    private byte[] bases = new byte[256];

    public ContigVariants(final String contig, final int ploidy)
    {
        this.contig = contig;
        this.ploidy = ploidy;
        this.gt = new int[16 * ploidy];
    }

    /**
     * A contig sized up front for a known number of variants, alleles and bases (decoding a stored truth record),
     * so that building it copies no arrays.
     */
    public ContigVariants(final String contig, final int ploidy, final int variants, final int alleles,
        final int bases)
    {
        this.contig = contig;
        this.ploidy = ploidy;
        final int v = Math.max(variants, 1);
        final int a = Math.max(alleles, 1);
        this.start = new int[v];
        this.end = new int[v];
        this.flags = new byte[v];
        this.firstAllele = new int[v];
        this.alleleCount = new int[v];
        this.recordOrdinal = new int[v];
        this.gt = new int[v * ploidy];
        this.alleleStart = new int[a];
        this.alleleEnd = new int[a];
        this.alleleOffset = new int[a];
        this.alleleLength = new int[a];
        this.bases = new byte[Math.max(bases, 1)];
    }

    /**
     * A contig's variants from whole columns (a decoded store record), adopting the arrays without copying: the
     * caller must not touch them afterwards. Arrays may be longer than the counts.
     */
    public static ContigVariants ofColumns(final String contig, final int ploidy, final int variants, final int[] start,
        final int[] end, final byte[] flags, final int[] firstAllele, final int[] alleleCount, final int[] recordOrdinal,
        final int[] gt, final int alleles, final int[] alleleStart, final int[] alleleEnd, final int[] alleleOffset,
        final int[] alleleLength, final byte[] bases, final int basesUsed)
    {
        final ContigVariants cv = new ContigVariants(contig, ploidy);
        cv.size = variants;
        cv.start = start;
        cv.end = end;
        cv.flags = flags;
        cv.firstAllele = firstAllele;
        cv.alleleCount = alleleCount;
        cv.recordOrdinal = recordOrdinal;
        cv.gt = gt;
        cv.alleles = alleles;
        cv.alleleStart = alleleStart;
        cv.alleleEnd = alleleEnd;
        cv.alleleOffset = alleleOffset;
        cv.alleleLength = alleleLength;
        cv.bases = bases;
        cv.basesUsed = basesUsed;
        return cv;
    }

    public String contig()
    {
        return contig;
    }

    public int ploidy()
    {
        return ploidy;
    }

    public int size()
    {
        return size;
    }

    public int start(final int v)
    {
        return start[v];
    }

    public int end(final int v)
    {
        return end[v];
    }

    public byte flags(final int v)
    {
        return flags[v];
    }

    public boolean isPhased(final int v)
    {
        return (flags[v] & PHASED) != 0;
    }

    public boolean isOutside(final int v)
    {
        return (flags[v] & OUTSIDE) != 0;
    }

    public boolean isIndelClass(final int v)
    {
        return (flags[v] & INDEL_CLASS) != 0;
    }

    public int recordOrdinal(final int v)
    {
        return recordOrdinal[v];
    }

    public int alleleCount(final int v)
    {
        return alleleCount[v];
    }

    /** Genotype allele index of haplotype h. */
    public int gt(final int v, final int h)
    {
        return gt[v * ploidy + h];
    }

    /**
     * Allele-table handle of allele index k of variant v (0 = REF), or -1 when k is -1 (missing) or the allele is
     * absent (not materialised, symbolic).
     */
    public int allele(final int v, final int k)
    {
        if (k < 0)
        {
            return -1;
        }
        final int a = firstAllele[v] + k;
        return alleleLength[a] < 0 ? -1 : a;
    }

    public int alleleStart(final int a)
    {
        return alleleStart[a];
    }

    public int alleleEnd(final int a)
    {
        return alleleEnd[a];
    }

    public int alleleOffset(final int a)
    {
        return alleleOffset[a];
    }

    public int alleleLength(final int a)
    {
        return alleleLength[a];
    }

    /** The shared base pool (codes of {@link Bases}); read with {@link #alleleOffset} and {@link #alleleLength}. */
    public byte[] bases()
    {
        return bases;
    }

    /** Allele order used by the path search (vcfeval's): start, end, length, then bases with higher codes first. */
    public int compareAlleles(final int a, final int b)
    {
        if (a == b)
        {
            return 0;
        }
        int c = Integer.compare(alleleStart[a], alleleStart[b]);
        if (c != 0)
        {
            return c;
        }
        c = Integer.compare(alleleEnd[a], alleleEnd[b]);
        if (c != 0)
        {
            return c;
        }
        final int la = alleleLength[a];
        c = Integer.compare(la, alleleLength[b]);
        if (c != 0)
        {
            return c;
        }
        final int oa = alleleOffset[a];
        final int ob = alleleOffset[b];
        for (int i = 0; i < la; i++)
        {
            c = Integer.compare(bases[ob + i], bases[oa + i]);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    // ---- building -------------------------------------------------------------------------------------------

    /** Starts a variant; add its alleles next with {@link #addAllele}/{@link #addAbsentAllele}. Returns its index. */
    public int beginVariant(final int recordOrdinal, final byte flags)
    {
        if (size == start.length)
        {
            final int n = size * 2;
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            this.flags = Arrays.copyOf(this.flags, n);
            firstAllele = Arrays.copyOf(firstAllele, n);
            alleleCount = Arrays.copyOf(alleleCount, n);
            this.recordOrdinal = Arrays.copyOf(this.recordOrdinal, n);
            gt = Arrays.copyOf(gt, n * ploidy);
        }
        final int v = size++;
        this.flags[v] = flags;
        this.recordOrdinal[v] = recordOrdinal;
        firstAllele[v] = alleles;
        alleleCount[v] = 0;
        start[v] = Integer.MAX_VALUE;
        end[v] = Integer.MIN_VALUE;
        return v;
    }

    /** Adds the next allele of the current variant from ASCII bases already validated as ACGTN. */
    public void addAllele(final int from, final int to, final byte[] ascii, final int offset, final int length)
    {
        ensureBases(length);
        Bases.encode(ascii, offset, length, bases, basesUsed);
        appendAllele(from, to, length);
    }

    /**
     * Adds the next allele of the current variant from base codes ({@link Bases}) already encoded, as a stored
     * truth record holds them; the codes are copied.
     */
    public void addAlleleCodes(final int from, final int to, final byte[] codes, final int offset, final int length)
    {
        ensureBases(length);
        System.arraycopy(codes, offset, bases, basesUsed, length);
        appendAllele(from, to, length);
    }

    /** Records the allele whose {@code length} bases were just written at the end of the pool. */
    private void appendAllele(final int from, final int to, final int length)
    {
        final int a = newAllele(from, to);
        alleleOffset[a] = basesUsed;
        alleleLength[a] = length;
        basesUsed += length;
        final int v = size - 1;
        start[v] = Math.min(start[v], from);
        end[v] = Math.max(end[v], to);
    }

    /** Adds an absent allele (not used by the GT, or symbolic) to the current variant. */
    public void addAbsentAllele(final int from, final int to)
    {
        final int a = newAllele(from, to);
        alleleOffset[a] = 0;
        alleleLength[a] = -1;
    }

    public void setGt(final int v, final int h, final int alleleIndex)
    {
        gt[v * ploidy + h] = alleleIndex;
    }

    public void setFlag(final int v, final byte flag)
    {
        flags[v] |= flag;
    }

    private int newAllele(final int from, final int to)
    {
        if (alleles == alleleStart.length)
        {
            final int n = alleles * 2;
            alleleStart = Arrays.copyOf(alleleStart, n);
            alleleEnd = Arrays.copyOf(alleleEnd, n);
            alleleOffset = Arrays.copyOf(alleleOffset, n);
            alleleLength = Arrays.copyOf(alleleLength, n);
        }
        final int a = alleles++;
        alleleStart[a] = from;
        alleleEnd[a] = to;
        alleleCount[size - 1]++;
        return a;
    }

    private void ensureBases(final int more)
    {
        if (basesUsed + more > bases.length)
        {
            bases = Arrays.copyOf(bases, Math.max(basesUsed + more, bases.length * 2));
        }
    }

    // ---- --ref-overlap support --------------------------------------------------------------------------------

    /** Makes an allele absent (used to drop REF alleles under --ref-overlap). */
    public void dropAllele(final int a)
    {
        alleleLength[a] = -1;
    }

    /** Narrows an allele by {@code lead} bases at the start and {@code trail} at the end (both sides). */
    public void clipAllele(final int a, final int lead, final int trail)
    {
        alleleStart[a] += lead;
        alleleEnd[a] -= trail;
        alleleOffset[a] += lead;
        alleleLength[a] -= lead + trail;
    }

    /** Recomputes a variant's span as the union of its present alleles. */
    public void recomputeSpan(final int v)
    {
        int s = Integer.MAX_VALUE;
        int e = Integer.MIN_VALUE;
        for (int k = 0; k < alleleCount[v]; k++)
        {
            final int a = firstAllele[v] + k;
            if (alleleLength[a] >= 0)
            {
                s = Math.min(s, alleleStart[a]);
                e = Math.max(e, alleleEnd[a]);
            }
        }
        start[v] = s;
        end[v] = e;
    }

    /** Handle of allele k regardless of presence (for trimming). */
    public int alleleHandle(final int v, final int k)
    {
        return firstAllele[v] + k;
    }
}

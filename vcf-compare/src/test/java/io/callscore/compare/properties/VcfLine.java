package io.callscore.compare.properties;

import java.util.List;

/**
 * One data line of a generated single-sample VCF: REF taken from the reference, ALTs, and a GT as the only
 * FORMAT field. Knows the two things the properties reason about: its class (SNP or INDEL, as the comparator
 * counts it) and its span as vcfeval sees it (after removal of a shared padding base).
 *
 * @param contig contig name
 * @param pos    1-based POS
 * @param ref    REF bases, equal to the reference at POS
 * @param alts   ALT alleles
 * @param gt     GT value as written, e.g. {@code 0/1}, {@code 1|0}, {@code 1/2}
 */
record VcfLine(String contig, int pos, String ref, List<String> alts, String gt)
{
    /** INDEL class when any ALT differs in length from REF; SNP class (SNV or MNP) otherwise. */
    boolean isIndelClass()
    {
        for (final String alt : alts)
        {
            if (alt.length() != ref.length())
            {
                return true;
            }
        }
        return false;
    }

    /** vcfeval's padding rule: every ALT starts with REF's first base. */
    boolean hasPaddingBase()
    {
        for (final String alt : alts)
        {
            if (alt.charAt(0) != ref.charAt(0))
            {
                return false;
            }
        }
        return true;
    }

    /** 0-based start of the span after padding removal. */
    int spanStart()
    {
        return pos - 1 + (hasPaddingBase() ? 1 : 0);
    }

    /** 0-based exclusive end of the span. */
    int spanEnd()
    {
        return pos - 1 + ref.length();
    }

    /**
     * Whether the two records' REF alleles would block each other on a haplotype (vcfeval §3): their spans
     * overlap. A zero-length span (pure insertion) overlaps only a span strictly around its point.
     */
    boolean overlaps(final VcfLine other)
    {
        return contig.equals(other.contig) && spanStart() < other.spanEnd() && other.spanStart() < spanEnd();
    }

    /** Distance in bases from the reference bases this line touches (POS..POS+len(REF)) to a 0-based point. */
    int distanceTo(final int point)
    {
        final int from = pos - 1;
        final int to = pos - 1 + ref.length();
        return point < from ? from - point : point >= to ? point - to + 1 : 0;
    }

    /** The same record on another contig, {@code shift} bases to the left. */
    VcfLine movedTo(final String newContig, final int shift)
    {
        return new VcfLine(newContig, pos - shift, ref, alts, gt);
    }

    String text()
    {
        return contig + "\t" + pos + "\t.\t" + ref + "\t" + String.join(",", alts) + "\t.\tPASS\t.\tGT\t" + gt;
    }
}

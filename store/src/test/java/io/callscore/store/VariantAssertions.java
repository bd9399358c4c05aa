package io.callscore.store;

import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.VariantSet;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Field-by-field equality of the comparator's model, with a message naming the first difference. */
final class VariantAssertions
{
    private VariantAssertions()
    {
    }

    static void assertSameVariants(final VariantSet expected, final VariantSet actual)
    {
        assertEquals(new ArrayList<>(expected.contigs().keySet()), new ArrayList<>(actual.contigs().keySet()),
            "contigs");
        assertEquals(expected.sample(), actual.sample(), "sample");
        assertEquals(expected.records(), actual.records(), "records");
        assertEquals(expected.skipped(), actual.skipped(), "skipped");
        assertEquals(expected.ignored(), actual.ignored(), "ignored");
        for (final String name : expected.contigs().keySet())
        {
            assertEquals(describe(expected.contig(name)), describe(actual.contig(name)), "contig " + name);
        }
    }

    /** Every observable field of every variant and allele, one line per variant. */
    static List<String> describe(final ContigVariants cv)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(cv.contig() + " ploidy=" + cv.ploidy() + " size=" + cv.size());
        for (int v = 0; v < cv.size(); v++)
        {
            final StringBuilder b = new StringBuilder();
            b.append(v).append(' ').append(cv.start(v)).append('-').append(cv.end(v)).append(" flags=")
                .append(cv.flags(v)).append(" ord=").append(cv.recordOrdinal(v)).append(" gt=");
            for (int h = 0; h < cv.ploidy(); h++)
            {
                b.append(cv.gt(v, h)).append(h + 1 < cv.ploidy() ? "/" : "");
            }
            for (int k = 0; k < cv.alleleCount(v); k++)
            {
                final int a = cv.alleleHandle(v, k);
                b.append(" [").append(cv.alleleStart(a)).append(',').append(cv.alleleEnd(a)).append(' ');
                final int len = cv.alleleLength(a);
                if (len < 0)
                {
                    b.append("absent");
                }
                else
                {
                    for (int i = 0; i < len; i++)
                    {
                        b.append(cv.bases()[cv.alleleOffset(a) + i]);
                    }
                }
                b.append(" handle=").append(cv.allele(v, k)).append(']');
            }
            lines.add(b.toString());
        }
        return lines;
    }
}

package io.callscore.compare.report;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.Counts;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ReferenceGenome;
import org.junit.jupiter.api.Test;

import static io.callscore.compare.report.ReportFiles.read;
import static io.callscore.compare.report.ReportFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

class VcfevalSummaryTxtTest
{
    private static final String HEADER =
        "Threshold  True-pos-baseline  True-pos-call  False-pos  False-neg  Precision  Sensitivity  F-measure\n"
        + "----------------------------------------------------------------------------------------------------\n";

    @Test
    void shouldEqualVcfevalSummaryWhenNoRocCase()
    {
        final ReferenceGenome reference = ReferenceGenome.open(resource("avoid_overlap_in_template.fa"));
        final ComparisonResult result = VcfComparator.compare(resource("avoid_overlap_in_baseline.vcf"),
            resource("avoid_overlap_in_calls.vcf"), reference, null,
            CompareOptions.defaults().withRefOverlap(true).withSamples("BASE", "QUERY"));
        assertEquals(read(resource("avoid_overlap_out_summary.txt")), VcfevalSummaryTxt.format(result.counts()));
    }

    @Test
    void shouldPrintNanPrecisionAndFMeasureWhenNoCalls()
    {
        assertEquals(HEADER
            + "     None                  0              0          0          5        NaN       0.0000        NaN\n",
            VcfevalSummaryTxt.format(new Counts.ClassCounts(0, 0, 0, 5)));
    }

    @Test
    void shouldPrintZeroFMeasureWhenPrecisionAndSensitivityAreZero()
    {
        assertEquals(HEADER
            + "     None                  0              0          1          1     0.0000       0.0000     0.0000\n",
            VcfevalSummaryTxt.format(new Counts.ClassCounts(0, 0, 1, 1)));
    }

    @Test
    void shouldWidenColumnAndDashesWhenCountIsWiderThanItsHeader()
    {
        final String summary = VcfevalSummaryTxt.format(new Counts.ClassCounts(3, 2, 12_345_678_901L, 1));
        final String[] lines = summary.split("\n");
        assertEquals("Threshold  True-pos-baseline  True-pos-call    False-pos  False-neg  Precision  Sensitivity"
            + "  F-measure", lines[0]);
        assertEquals(lines[0].length(), lines[1].length());
        assertEquals("     None                  3              2  12345678901          1     0.0000       0.7500"
            + "     0.0000", lines[2]);
    }

    @Test
    void shouldRoundHalfUpToFourDecimalsWhenMetrics()
    {
        // precision 1/32 = 0.03125 exactly: half-up gives 0.0313, as vcfeval's String.format does.
        final String none = VcfevalSummaryTxt.format(new Counts.ClassCounts(1, 1, 31, 1)).split("\n")[2];
        assertEquals("     None                  1              1         31          1     0.0313       0.5000"
            + "     0.0588", none);
    }

    @Test
    void shouldPrintVcfevalsSingleLineWhenNoBaselineVariants()
    {
        assertEquals("0 total baseline variants, no summary statistics available\n",
            VcfevalSummaryTxt.format(new Counts.ClassCounts(0, 0, 7, 0)));
    }
}

package io.callscore.compare.report;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.Counts;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ReferenceGenome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static io.callscore.compare.report.ReportFiles.assertIndexedBgzip;
import static io.callscore.compare.report.ReportFiles.dataLines;
import static io.callscore.compare.report.ReportFiles.gunzip;
import static io.callscore.compare.report.ReportFiles.query;
import static io.callscore.compare.report.ReportFiles.read;
import static io.callscore.compare.report.ReportFiles.records;
import static io.callscore.compare.report.ReportFiles.resource;
import static io.callscore.compare.report.ReportFiles.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RTG's nano "split" case (resources/report/SOURCE.md): our split VCFs and summary.txt must be vcfeval's, with our
 * command-line header line in place of vcfeval's {@code ##CL} line.
 */
class NanoSplitCaseTest
{
    private static final String COMMAND = "callscore compare --ref-overlap --sample sample1,sample1";
    private static final String PREFIX = "vcfeval_split_";

    @TempDir
    static Path out;
    private static ComparisonResult result;

    @BeforeAll
    static void run() throws IOException
    {
        final ReferenceGenome reference = ReferenceGenome.open(resource(PREFIX + "in_template.fa"));
        final Path truth = resource(PREFIX + "in_baseline.vcf");
        final Path calls = resource(PREFIX + "in_calls.vcf");
        result = VcfComparator.compare(truth, calls, reference, null,
            CompareOptions.defaults().withRefOverlap(true).withSamples("sample1", "sample1"));
        ComparisonReport.writeAll(result, truth, calls, out, COMMAND);
    }

    @Test
    void shouldWriteSplitVcfsAsVcfevalDoesWhenNanoSplitCase() throws IOException
    {
        for (final String name : List.of("tp", "tp-baseline", "fp", "fn"))
        {
            final String expected = read(resource(PREFIX + "out_" + name + ".vcf"))
                .replace("##CL=[...]", ComparisonReport.COMMAND_HEADER_KEY + COMMAND);
            assertEquals(expected, gunzip(out.resolve(name + ".vcf.gz")), name);
        }
    }

    @Test
    void shouldWriteSummaryTxtAsVcfevalWithoutThresholdRowWhenNoScoreField()
    {
        final String expected = read(resource(PREFIX + "out_summary.txt")).lines()
            .filter(line -> !line.trim().startsWith("1.000"))
            .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(expected, read(out.resolve(ComparisonReport.SUMMARY_TXT)));
    }

    @Test
    void shouldWriteIndexedBgzipWithRecordCountsOfTheComparisonWhenEveryVcf() throws IOException
    {
        final Counts.ClassCounts total = result.counts().total();
        final long[] expected = {total.tpCall(), total.tpBase(), total.fp(), total.fn()};
        final String[] files = {ComparisonReport.TP_VCF, ComparisonReport.TP_BASELINE_VCF, ComparisonReport.FP_VCF,
            ComparisonReport.FN_VCF};
        for (int i = 0; i < files.length; i++)
        {
            final Path file = out.resolve(files[i]);
            assertIndexedBgzip(file);
            assertEquals(expected[i], records(file).size(), files[i]);
            assertEquals(expected[i], dataLines(gunzip(file)).size(), files[i]);
        }
        assertEquals(2, query(out.resolve(ComparisonReport.TP_VCF), "chr3", 1, 10_000).size());
        assertEquals(1, query(out.resolve(ComparisonReport.TP_VCF), "chr2", 150, 250).size());
    }

    @Test
    void shouldWriteHappySummaryCsvWithEighteenColumnsWhenNanoSplitCase()
    {
        final List<String> lines = read(out.resolve(ComparisonReport.SUMMARY_CSV)).lines().toList();
        assertEquals(List.of(HappySummaryCsv.HEADER,
            "INDEL,ALL,0,0,0,0,0,0,,,0.0,0.0,0.0,,,,,",
            "INDEL,PASS,0,0,0,0,0,0,,,0.0,0.0,0.0,,,,,",
            "SNP,ALL,4,4,0,4,0,0,,,1.0,1.0,0.0,1.0,0.0,0.0,0.0,0.0",
            "SNP,PASS,4,4,0,4,0,0,,,1.0,1.0,0.0,1.0,0.0,0.0,0.0,0.0"), lines);
        for (final String line : lines)
        {
            assertEquals(18, line.split(",", -1).length, line);
        }
    }

    @Test
    void shouldMergeIdenticalTruthAndQueryRecordsWhenGa4ghOutput() throws IOException
    {
        final Path file = out.resolve(ComparisonReport.GA4GH_VCF);
        assertIndexedBgzip(file);
        assertEquals(List.of(
            "chr2\t100\t.\tA\tC,G\t1\tPASS\t.\tGT:BD:BK:BVT:BLT\t1/1:TP:gm:SNP:homalt\t1/1:TP:gm:SNP:homalt",
            "chr2\t200\t.\tA\tC\t2\tPASS\t.\tGT:BD:BK:BVT:BLT\t1/1:TP:gm:SNP:homalt\t1/1:TP:gm:SNP:homalt",
            "chr3\t300\t.\tA\tC\t5\tPASS\t.\tGT:BD:BK:BVT:BLT\t1/1:TP:gm:SNP:homalt\t1/1:TP:gm:SNP:homalt",
            "chr3\t500\t.\tA\tC,G\t6\tPASS\t.\tGT:BD:BK:BVT:BLT\t1/1:TP:gm:SNP:homalt\t1/1:TP:gm:SNP:homalt"),
            dataLines(gunzip(file)));
        assertEquals(List.of("TRUTH", "QUERY"), samples(file));
        assertEquals(2, query(file, "chr3", 1, 10_000).size());
    }
}

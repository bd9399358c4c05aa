package io.callscore.compare.report;

import htsjdk.variant.variantcontext.VariantContext;
import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.Counts;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.callscore.compare.report.ReportFiles.assertIndexedBgzip;
import static io.callscore.compare.report.ReportFiles.dataLines;
import static io.callscore.compare.report.ReportFiles.gunzip;
import static io.callscore.compare.report.ReportFiles.query;
import static io.callscore.compare.report.ReportFiles.read;
import static io.callscore.compare.report.ReportFiles.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small comparison built by the test: TP, FN, FP, a genotype mismatch, SNPs and indels, filtered records,
 * variants outside the evaluation regions, and calls listing their contigs in another order than the truth.
 */
class ComparisonReportTest
{
    private static final String CHR1 = "ACGTTGCAAC".repeat(6);
    private static final String CHR2 = "TTGACCGATA".repeat(6);
    private static final String HEADER = """
        ##fileformat=VCFv4.2
        ##source=test
        ##contig=<ID=chr1,length=60>
        ##contig=<ID=chr2,length=60>
        ##FILTER=<ID=LowQual,Description="low">
        ##FILTER=<ID=q10,Description="q10">
        ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
        """;
    /** Evaluation regions: chr1 [0, 35) and all of chr2; chr1:45 and chr1:47 are outside. */
    private static final RegionSet REGIONS = RegionSet.fromIntervals(Map.of(
        "chr1", List.of(new int[] {0, 35}), "chr2", List.of(new int[] {0, 60})));
    private static final String TRUTH = HEADER + """
        #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ttruth
        chr1\t3\tt1\tG\tA\t.\tPASS\t.\tGT\t0/1
        chr1\t14\tt2\tT\tG\t.\tPASS\t.\tGT\t1/1
        chr1\t25\tt3\tTG\tT\t.\tPASS\t.\tGT\t0/1
        chr1\t45\tt4\tT\tC\t.\tPASS\t.\tGT\t0/1
        chr2\t5\tt5\tC\tT\t.\tPASS\t.\tGT\t0/1
        chr2\t13\tt6\tG\tA,C\t.\tPASS\t.\tGT\t1/2
        chr2\t20\tt7\tA\tG\t.\tLowQual\t.\tGT\t0/1
        """;
    private static final String CALLS = HEADER + """
        #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tcalls
        chr2\t5\tc1\tC\tT\t50\tPASS\t.\tGT\t1/1
        chr2\t13\t.\tG\tC,A\t40\tPASS\t.\tGT\t1/2
        chr2\t20\tc3\tA\tG\t9\tq10\t.\tGT\t0/1
        chr2\t30\tc4\tA\tATT\t30\tPASS\t.\tGT\t0/1
        chr1\t3\tc5\tG\tA\t20\t.\t.\tGT\t0/1
        chr1\t25\tc6\tTG\tT\t20\tPASS\t.\tGT\t0/1
        chr1\t47\tc7\tC\tA\t20\tPASS\t.\tGT\t0/1
        chr1\t50\tc8\tC\tT\t20\tPASS\t.\tGT\t./.
        """;

    @TempDir
    Path dir;

    private ComparisonResult compareAndWrite(final boolean allRecords) throws IOException
    {
        final Map<String, String> contigs = new LinkedHashMap<>();
        contigs.put("chr1", CHR1);
        contigs.put("chr2", CHR2);
        final Path truth = Files.writeString(dir.resolve("truth.vcf"), TRUTH);
        final Path calls = Files.writeString(dir.resolve("calls.vcf"), CALLS);
        final ComparisonResult result = VcfComparator.compare(truth, calls, ReferenceGenome.of(contigs), REGIONS,
            CompareOptions.defaults().withAllRecords(allRecords));
        ComparisonReport.writeAll(result, truth, calls, dir.resolve("out"), "callscore compare -o out");
        return result;
    }

    @Test
    void shouldWriteEachCountedRecordToItsSplitFileWhenDefaultOptions() throws IOException
    {
        final ComparisonResult result = compareAndWrite(false);
        final Counts.ClassCounts snp = result.counts().snp();
        final Counts.ClassCounts indel = result.counts().indel();
        assertEquals(new Counts.ClassCounts(2, 2, 1, 2), snp);
        assertEquals(new Counts.ClassCounts(1, 1, 1, 0), indel);
        assertEquals(List.of("t1", "t3", "t6"), ids(ComparisonReport.TP_BASELINE_VCF));
        assertEquals(List.of("t2", "t5"), ids(ComparisonReport.FN_VCF));
        assertEquals(List.of("c5", "c6", "."), idsInFileOrderOf(ComparisonReport.TP_VCF, List.of("chr1", "chr2")));
        assertEquals(List.of("c1", "c4"), ids(ComparisonReport.FP_VCF));
    }

    @Test
    void shouldKeepInputContigOrderAndIndexWhenCallsListContigsOutOfReferenceOrder() throws IOException
    {
        compareAndWrite(false);
        final Path tp = dir.resolve("out").resolve(ComparisonReport.TP_VCF);
        assertIndexedBgzip(tp);
        final List<String> lines = dataLines(gunzip(tp));
        assertEquals(List.of("chr2\t13\t.\tG\tC,A\t40\tPASS\t.\tGT\t1/2", "chr1\t3\tc5\tG\tA\t20\t.\t.\tGT\t0/1",
            "chr1\t25\tc6\tTG\tT\t20\tPASS\t.\tGT\t0/1"), lines);
        assertEquals(1, query(tp, "chr1", 20, 30).size());
        assertEquals(0, query(tp, "chr1", 27, 60).size());
    }

    @Test
    void shouldWriteCommandLineBeforeTheFirstStructuredHeaderLineWhenSplitFiles() throws IOException
    {
        compareAndWrite(false);
        final List<String> header = gunzip(dir.resolve("out").resolve(ComparisonReport.FN_VCF)).lines()
            .filter(l -> l.startsWith("#")).toList();
        assertEquals(List.of("##fileformat=VCFv4.2", "##source=test", "##callscore_command=callscore compare -o out",
            "##contig=<ID=chr1,length=60>"), header.subList(0, 4));
        assertEquals("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ttruth", header.getLast());
    }

    @Test
    void shouldCountClassesFiltersUnknownsAndRatiosWhenSummaryCsv() throws IOException
    {
        compareAndWrite(false);
        assertEquals(HappySummaryCsv.HEADER + "\n"
            + "INDEL,ALL,1,1,0,2,1,0,,,1.0,0.5,0.0,0.666667,,,,\n"
            + "INDEL,PASS,1,1,0,2,1,0,,,1.0,0.5,0.0,0.666667,,,,\n"
            + "SNP,ALL,4,2,2,4,1,1,,,0.5,0.666667,0.25,0.571429,1.5,1.5,2.0,2.0\n"
            + "SNP,PASS,4,2,2,4,1,1,,,0.5,0.666667,0.25,0.571429,1.5,1.5,2.0,2.0\n",
            read(dir.resolve("out").resolve(ComparisonReport.SUMMARY_CSV)));
    }

    @Test
    void shouldCountFilteredRecordsOnlyInAllRowsWhenAllRecords() throws IOException
    {
        final ComparisonResult result = compareAndWrite(true);
        assertEquals(new Counts.ClassCounts(3, 3, 1, 2), result.counts().snp());
        final List<String> rows = read(dir.resolve("out").resolve(ComparisonReport.SUMMARY_CSV)).lines().toList();
        assertEquals("SNP,ALL,5,3,2,5,1,1,,,0.6,0.75,0.2,0.666667,2.0,2.0,3.0,3.0", rows.get(3));
        assertEquals("SNP,PASS,4,2,2,4,1,1,,,0.5,0.666667,0.25,0.571429,1.5,1.5,2.0,2.0", rows.get(4));
        assertTrue(ids(ComparisonReport.TP_VCF).contains("c3"));
    }

    @Test
    void shouldWriteVcfevalSummaryOfTheCountsWhenSummaryTxt() throws IOException
    {
        final ComparisonResult result = compareAndWrite(false);
        assertEquals(VcfevalSummaryTxt.format(result.counts()), read(dir.resolve("out")
            .resolve(ComparisonReport.SUMMARY_TXT)));
        assertTrue(read(dir.resolve("out").resolve(ComparisonReport.SUMMARY_TXT)).contains(
            "     None                  3              3          2          2     0.6000       0.6000     0.6000"));
    }

    @Test
    void shouldMergeBothSidesInReferenceOrderWhenGa4ghOutput() throws IOException
    {
        compareAndWrite(false);
        final Path file = dir.resolve("out").resolve(ComparisonReport.GA4GH_VCF);
        assertIndexedBgzip(file);
        final String f = "\t.\tGT:BD:BK:BVT:BLT\t";
        assertEquals(List.of(
            "chr1\t3\tc5\tG\tA\t20\t." + f + "0/1:TP:gm:SNP:het\t0/1:TP:gm:SNP:het",
            "chr1\t14\tt2\tT\tG\t.\t." + f + "1/1:FN:.:SNP:homalt\t./.:.:.:NOCALL:nocall",
            "chr1\t25\tc6\tTG\tT\t20\tPASS" + f + "0/1:TP:gm:INDEL:het\t0/1:TP:gm:INDEL:het",
            "chr1\t45\tt4\tT\tC\t.\t." + f + "0/1:UNK:.:SNP:het\t./.:.:.:NOCALL:nocall",
            "chr1\t47\tc7\tC\tA\t20\tPASS" + f + "./.:.:.:NOCALL:nocall\t0/1:UNK:.:SNP:het",
            "chr2\t5\tc1\tC\tT\t50\tPASS" + f + "0/1:FN:.:SNP:het\t1/1:FP:.:SNP:homalt",
            "chr2\t13\tt6\tG\tC,A\t40\tPASS" + f + "2/1:TP:gm:SNP:hetalt\t1/2:TP:gm:SNP:hetalt",
            "chr2\t30\tc4\tA\tATT\t30\tPASS" + f + "./.:.:.:NOCALL:nocall\t0/1:FP:.:INDEL:het"),
            dataLines(gunzip(file)));
        final List<VariantContext> chr2 = query(file, "chr2", 1, 60);
        assertEquals(3, chr2.size());
        assertEquals("FN", chr2.getFirst().getGenotype("TRUTH").getExtendedAttribute("BD"));
        assertEquals("FP", chr2.getFirst().getGenotype("QUERY").getExtendedAttribute("BD"));
        assertFalse(Files.list(dir.resolve("out")).anyMatch(p -> p.getFileName().toString().startsWith(".")),
            "temporary files left behind");
    }

    @Test
    void shouldWriteSeparateLinesWhenSamePositionHasDifferentRef() throws IOException
    {
        final Path truth = Files.writeString(dir.resolve("t.vcf"), HEADER
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ts\n"
            + "chr1\t4\tt\tT\tA\t.\t.\t.\tGT\t1/1\n");
        final Path calls = Files.writeString(dir.resolve("c.vcf"), HEADER
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ts\n"
            + "chr1\t4\tc\tTT\tAT\t.\t.\t.\tGT\t1/1\n");
        final ComparisonResult result = VcfComparator.compare(truth, calls, ReferenceGenome.of(Map.of("chr1", CHR1)),
            null, CompareOptions.defaults());
        assertEquals(new Counts.ClassCounts(1, 1, 0, 0), result.counts().total());
        ComparisonReport.writeAll(result, truth, calls, dir.resolve("same-pos"), "x");
        final String f = "\t.\tGT:BD:BK:BVT:BLT\t";
        assertEquals(List.of(
            "chr1\t4\tc\tTT\tAT\t.\t." + f + "./.:.:.:NOCALL:nocall\t1/1:TP:gm:SNP:homalt",
            "chr1\t4\tt\tT\tA\t.\t." + f + "1/1:TP:gm:SNP:homalt\t./.:.:.:NOCALL:nocall"),
            dataLines(gunzip(dir.resolve("same-pos").resolve(ComparisonReport.GA4GH_VCF))));
    }

    @Test
    void shouldWriteValidEmptyFilesWhenNothingIsCounted() throws IOException
    {
        final Map<String, String> contigs = Map.of("chr1", CHR1);
        final Path truth = Files.writeString(dir.resolve("t.vcf"), "");
        final Path calls = Files.writeString(dir.resolve("c.vcf"), "##fileformat=VCFv4.2\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ts\n");
        final ComparisonResult result = VcfComparator.compare(truth, calls, ReferenceGenome.of(contigs), null,
            CompareOptions.defaults());
        final Path out = dir.resolve("empty");
        ComparisonReport.writeAll(result, truth, calls, out, "x");
        for (final String name : List.of(ComparisonReport.TP_VCF, ComparisonReport.TP_BASELINE_VCF,
            ComparisonReport.FP_VCF, ComparisonReport.FN_VCF, ComparisonReport.GA4GH_VCF))
        {
            assertIndexedBgzip(out.resolve(name));
            assertEquals(0, records(out.resolve(name)).size(), name);
        }
        assertEquals(VcfevalSummaryTxt.NO_BASELINE, read(out.resolve(ComparisonReport.SUMMARY_TXT)));
    }

    private List<String> ids(final String file)
    {
        return records(dir.resolve("out").resolve(file)).stream().map(VariantContext::getID).toList();
    }

    private List<String> idsInFileOrderOf(final String file, final List<String> contigOrder)
    {
        final Path path = dir.resolve("out").resolve(file);
        return contigOrder.stream().flatMap(c -> query(path, c, 1, 60).stream()).map(VariantContext::getID).toList();
    }
}

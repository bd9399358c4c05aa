package io.callscore.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine cl = CallscoreCommand.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static String file(final String name) throws URISyntaxException
    {
        return Path.of(CompareCommandTest.class.getResource("/cli/" + name).toURI()).toString();
    }

    @Test
    void shouldPrintTableWithClassesAndScoreWhenComparingTwoVcfs() throws Exception
    {
        final int rc = run("compare", "-b", file("truth.vcf"), "-c", file("calls.vcf"), "-r", file("ref.fa"));
        assertEquals(0, rc, err.toString());
        final String[] lines = out.toString().split("\n");
        // truth: 4 records; calls: GT error at chr1:20 (FN+FP), extra call chr1:40 (FP), phase does not matter.
        assertTrue(lines[1].matches("ALL\\s+3\\s+3\\s+2\\s+1\\s+0\\.6000\\s+0\\.7500\\s+0\\.6667"), lines[1]);
        assertTrue(lines[2].matches("SNP\\s+2\\s+2\\s+1\\s+0\\s+0\\.6667\\s+1\\.0000\\s+0\\.8000"), lines[2]);
        assertTrue(lines[3].matches("INDEL\\s+1\\s+1\\s+1\\s+1\\s+0\\.5000\\s+0\\.5000\\s+0\\.5000"), lines[3]);
        assertTrue(lines[4].startsWith("score 0.7100"), lines[4]);
    }

    @Test
    void shouldPrintExactlyOneJsonObjectWhenAskedForJson() throws Exception
    {
        final int rc = run("compare", "-b", file("truth.vcf"), "-c", file("calls.vcf"), "-r", file("ref.fa"), "--json");
        assertEquals(0, rc, err.toString());
        final String json = out.toString().strip();
        assertFalse(json.contains("\n"));
        assertTrue(json.startsWith("{\"total\":{\"tp_base\":3,\"tp_call\":3,\"fp\":2,\"fn\":1,\"precision\":0.6,"), json);
        assertTrue(json.contains("\"snp\":{\"tp_base\":2,\"tp_call\":2,\"fp\":1,\"fn\":0,"), json);
        assertTrue(json.contains("\"indel\":{\"tp_base\":1,\"tp_call\":1,\"fp\":1,\"fn\":1,"), json);
        assertTrue(json.endsWith("\"score\":0.71,\"skipped\":0,\"too_complex_regions\":0}"), json);
    }

    @Test
    void shouldExitWithCode2AndOneLineNamingFileAndLineWhenGtIsOutOfRange() throws Exception
    {
        final int rc = run("compare", "-b", file("truth.vcf"), "-c", file("bad-gt.vcf"), "-r", file("ref.fa"));
        assertEquals(2, rc);
        final String message = err.toString().strip();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith("callscore: error: " + file("bad-gt.vcf") + ":4: GT allele index 3"), message);
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void shouldLeaveRecordsOutsideTheRegionOutOfTheComparison() throws Exception
    {
        // Only chr1:1-30 exists: the SNV at 5 (TP) and the insertion at 20 (truth hom, call het: FN + FP).
        final int rc = run("compare", "-b", file("truth.vcf"), "-c", file("calls.vcf"), "-r", file("ref.fa"),
            "--region", "chr1:1-30", "--json");
        assertEquals(0, rc, err.toString());
        assertTrue(out.toString().startsWith("{\"total\":{\"tp_base\":1,\"tp_call\":1,\"fp\":1,\"fn\":1,"),
            out.toString());
    }

    @Test
    void shouldExitWithCode2ForARegionOnAContigTheReferenceLacks() throws Exception
    {
        assertEquals(2, run("compare", "-b", file("truth.vcf"), "-c", file("calls.vcf"), "-r", file("ref.fa"),
            "--region", "chrZ:1-5"));
        assertTrue(err.toString().contains("region 'chrZ:1-5': contig chrZ is not in the reference"), err.toString());
    }

    @Test
    void shouldExitWithCode2WhenRequiredInputsAreMissing()
    {
        assertEquals(2, run("compare", "-b", "x.vcf"));
        assertTrue(err.toString().contains("compare needs -b TRUTH, -c CALLS and -r REF.fa"), err.toString());
    }

    @Test
    void shouldPrintOneLinePerCaseInInputOrderAndGoOnAfterAFailingCase() throws Exception
    {
        final int rc = run("compare", "--batch", file("cases.tsv"), "--threads", "2");
        assertEquals(0, rc, err.toString());
        final String[] lines = out.toString().strip().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("{\"id\":\"ok\",\"total\":{\"tp_base\":3,"), lines[0]);
        assertTrue(lines[1].startsWith("{\"id\":\"broken\",\"error\":\""), lines[1]);
        assertTrue(lines[1].contains("bad-gt.vcf:4: GT allele index 3 is out of range"), lines[1]);
        assertTrue(lines[2].startsWith("{\"id\":\"self\",\"total\":{\"tp_base\":4,\"tp_call\":4,\"fp\":0,\"fn\":0,"),
            lines[2]);
        assertTrue(lines[2].contains("\"score\":1.0,"), lines[2]);
    }

    @Test
    void shouldWriteTheOutputFilesWhenGivenAnOutputFolder(@org.junit.jupiter.api.io.TempDir final Path out)
        throws Exception
    {
        final int rc = run("compare", "-b", file("truth.vcf"), "-c", file("calls.vcf"), "-r", file("ref.fa"), "-o",
            out.toString());
        assertEquals(0, rc, err.toString());
        for (final String f : new String[] {"tp.vcf.gz", "tp.vcf.gz.tbi", "tp-baseline.vcf.gz", "fp.vcf.gz",
            "fn.vcf.gz", "summary.txt", "summary.csv", "output.vcf.gz"})
        {
            assertTrue(java.nio.file.Files.isRegularFile(out.resolve(f)), f);
        }
        final String summary = java.nio.file.Files.readString(out.resolve("summary.txt"));
        assertTrue(summary.contains("None"), summary);
        // tp_base 3, tp_call 3, fp 2, fn 1 as in the table.
        assertTrue(summary.matches("(?s).*None\\s+3\\s+3\\s+2\\s+1\\s.*"), summary);
    }

    @Test
    void shouldGiveSameBatchOutputOnOneThreadAndMany() throws Exception
    {
        run("compare", "--batch", file("cases.tsv"), "--threads", "1");
        final String single = out.toString();
        out.getBuffer().setLength(0);
        run("compare", "--batch", file("cases.tsv"), "--threads", "4");
        assertEquals(single, out.toString());
    }
}

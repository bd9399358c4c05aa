package io.callscore.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pool build} from the command line (standalone here; the owner registers it under {@code callscore pool}). */
class PoolBuildCommandTest
{
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine cl = new CommandLine(new PoolBuildCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private void inputs() throws IOException
    {
        final SplittableRandom r = new SplittableRandom(5);
        final StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 12_000; i++)
        {
            seq.append("ACGT".charAt(r.nextInt(4)));
        }
        final StringBuilder fa = new StringBuilder(">chrA\n");
        for (int i = 0; i < seq.length(); i += 60)
        {
            fa.append(seq, i, i + 60).append('\n');
        }
        Files.writeString(tmp.resolve("ref.fa"), fa.toString());
        final StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n");
        for (int pos = 1500; pos < 11_000; pos += 700)
        {
            final char ref = seq.charAt(pos - 1);
            final char alt = ref == 'A' ? 'C' : 'A';
            vcf.append("chrA\t").append(pos).append("\t.\t").append(ref).append('\t').append(alt)
                .append("\t50\tPASS\t.\tGT\t0|1\n");
        }
        Files.writeString(tmp.resolve("truth.vcf"), vcf.toString());
        Files.writeString(tmp.resolve("conf.bed"), "chrA\t1000\t11000\n");
    }

    @Test
    void shouldBuildSimulatedTasksAndReportThem() throws IOException
    {
        inputs();
        final Path pool = tmp.resolve("POOL");
        final int rc = run("--simulate", "--reference", tmp.resolve("ref.fa").toString(), "--truth",
            tmp.resolve("truth.vcf").toString(), "--confident", tmp.resolve("conf.bed").toString(), "--genome",
            "G1", "--out", pool.toString(), "--windows", "1", "--window-size", "8000", "--coverages", "12,4",
            "--snvs", "3", "--indels", "1", "--quiet");
        assertEquals(0, rc, err.toString());
        assertTrue(out.toString().startsWith("G1: 1 window planned, 1 built, 0 already built, 2 tasks added"),
            out.toString());
        final List<String> manifest = Files.readAllLines(pool.resolve("manifest.jsonl"));
        assertEquals(2, manifest.size());
        assertTrue(manifest.getFirst().contains("\"inputType\":\"FASTQ\""), manifest.getFirst());
        assertTrue(out.toString().contains("(2 new in its store)"), out.toString());
        try (io.callscore.store.Pool p = io.callscore.store.Pool.open(pool))
        {
            assertEquals(2, p.claims().counts(System.currentTimeMillis()).available());
            assertEquals(2, p.truth().size());
        }
        // A second run finds the window built and the store complete: nothing is added twice.
        out.getBuffer().setLength(0);
        assertEquals(0, run("--simulate", "--reference", tmp.resolve("ref.fa").toString(), "--truth",
            tmp.resolve("truth.vcf").toString(), "--confident", tmp.resolve("conf.bed").toString(), "--genome",
            "G1", "--out", pool.toString(), "--windows", "1", "--window-size", "8000", "--coverages", "12,4",
            "--snvs", "3", "--indels", "1", "--quiet"), err.toString());
        assertTrue(out.toString().contains("1 already built, 0 tasks added") && out.toString().contains("(0 new"),
            out.toString());
    }

    @Test
    void shouldExitWith2WhenNeitherBamNorSimulateIsGiven() throws IOException
    {
        inputs();
        final int rc = run("--reference", tmp.resolve("ref.fa").toString(), "--truth",
            tmp.resolve("truth.vcf").toString(), "--confident", tmp.resolve("conf.bed").toString(), "--genome",
            "G1", "--out", tmp.resolve("POOL").toString());
        assertEquals(2, rc);
        assertTrue(err.toString().contains("--bam is required unless --simulate is given"), err.toString());
    }

    @Test
    void shouldExitWith2WhenWindowSizeAndStrataAreBothGiven() throws IOException
    {
        inputs();
        final int rc = run("--simulate", "--reference", tmp.resolve("ref.fa").toString(), "--truth",
            tmp.resolve("truth.vcf").toString(), "--confident", tmp.resolve("conf.bed").toString(), "--genome",
            "G1", "--out", tmp.resolve("POOL").toString(), "--window-size", "5000", "--strata",
            tmp.resolve("conf.bed").toString());
        assertEquals(2, rc);
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
    }
}

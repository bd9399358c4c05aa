package io.callscore.cli;

import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import io.callscore.vcf.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinerPileupCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The command as CallscoreCommand runs it: an input error is one line and exit code 2. */
    private int run(final String... args)
    {
        final CommandLine cl = new CommandLine(new MinerPileupCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((e, line, parsed) ->
        {
            if (e instanceof InputException)
            {
                line.getErr().println("callscore: error: " + e.getMessage());
                return CallscoreCommand.EXIT_BAD_INPUT;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Test
    void shouldWriteBgzippedVcfWithHotkeyHeaderWhenTaskIsValid() throws IOException
    {
        // 60 bp reference; 10 reads carry C>T at position 30, 10 match the reference.
        final String ref = "ACGTTGCATGCAAGTCCGATAGGCTTACACGGATCCTAGAGTCAATGCCATGGATCGTAC";
        Files.writeString(dir.resolve("ref.fa"), ">chr1\n" + ref + "\n");
        final Path sam = dir.resolve("reads.sam");
        final StringBuilder text = new StringBuilder("@HD\tVN:1.6\tSO:coordinate\n@SQ\tSN:chr1\tLN:60\n");
        final String alt = ref.substring(0, 29) + "T" + ref.substring(30);
        for (int i = 0; i < 20; i++)
        {
            text.append("r").append(i).append("\t0\tchr1\t1\t60\t60M\t*\t0\t0\t").append(i < 10 ? alt : ref)
                .append('\t').append("I".repeat(60)).append('\n');
        }
        Files.writeString(sam, text);
        toIndexedBam(sam, dir.resolve("reads.bam"));
        final Path task = dir.resolve("task.json");
        Files.writeString(task, """
            {"task_id": "t1", "mode": "benchmark", "ref_build": "test", "input_type": "BAM",
             "data_locator": {"bam": "reads.bam", "reference": "ref.fa"}, "regions": ["chr1:1-60"],
             "output_format": "VCF", "constraints": {"include_genotypes": true, "include_filters": true}}
            """);
        final Path vcf = dir.resolve("calls.vcf.gz");

        assertEquals(0, run("--task", task.toString(), "--out", vcf.toString(), "--hotkey", "5Hotkey"),
            err.toString());
        assertEquals("wrote " + vcf + " (1 records, 1 PASS)", out.toString().strip());
        final String vcfText;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(vcf)))
        {
            vcfText = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        assertTrue(vcfText.contains("\n##miner_hotkey=5Hotkey\n"), vcfText);
        assertTrue(vcfText.contains("\nchr1\t30\t.\tC\tT\t"), vcfText);
    }

    @Test
    void shouldExitWithCode2AndOneLineWhenTaskJsonIsBad() throws IOException
    {
        final Path task = dir.resolve("task.json");
        Files.writeString(task, "{\"task_id\": \"t1\", \"mode\": \"benchmark\"");

        final int rc = run("--task", task.toString(), "--out", dir.resolve("x.vcf.gz").toString(), "--hotkey", "hk");

        assertEquals(CallscoreCommand.EXIT_BAD_INPUT, rc);
        final String message = err.toString();
        assertTrue(message.startsWith("callscore: error: " + task + ":1: not valid JSON: "), message);
        assertEquals(1, message.strip().lines().count(), message);
        assertEquals("", out.toString());
    }

    private static void toIndexedBam(final Path sam, final Path bam) throws IOException
    {
        try (SamReader in = SamReaderFactory.makeDefault().open(sam);
             SAMFileWriter w = new SAMFileWriterFactory().setCreateIndex(true).makeBAMWriter(in.getFileHeader(),
                 true, bam.toFile()))
        {
            in.forEach(w::addAlignment);
        }
    }
}

package io.callscore.cli;

import io.callscore.store.MinerStateFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreCommandsTest
{
    private static final UUID TASK_A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID TASK_B = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final Object command, final String... args)
    {
        final CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** A 2 kb reference, a truth VCF of SNPs on it and a BED, and a manifest naming two tasks. */
    @BeforeEach
    void writeInputs() throws Exception
    {
        final Random random = new Random(5);
        final StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            seq.append("ACGT".charAt(random.nextInt(4)));
        }
        Files.writeString(dir.resolve("ref.fa"), ">chr1\n" + seq + "\n");
        final StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chr1,length=2000>\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n");
        for (int pos = 100; pos < 1900; pos += 150)
        {
            final char ref = seq.charAt(pos - 1);
            final char alt = ref == 'A' ? 'C' : 'A';
            vcf.append("chr1\t").append(pos).append("\t.\t").append(ref).append('\t').append(alt)
                .append("\t50\tPASS\t.\tGT\t0/1\n");
        }
        Files.writeString(dir.resolve("truth.vcf"), vcf.toString());
        Files.writeString(dir.resolve("regions.bed"), "chr1\t0\t1000\n");
        Files.write(dir.resolve("tasks.jsonl"), List.of(task(TASK_A, true), task(TASK_B, false)));
    }

    private static String task(final UUID id, final boolean bed)
    {
        return "{\"task_id\":\"" + id + "\",\"truth_vcf\":\"truth.vcf\"," + (bed ? "\"truth_bed\":\"regions.bed\"," : "")
            + "\"genome\":\"demo\",\"coverage\":30,\"region\":\"chr1:1-2000\",\"difficulty\":\"easy\","
            + "\"input_type\":\"bam\",\"data_locator\":\"/inputs/" + id + ".bam\"}";
    }

    private int importTasks()
    {
        return run(new PoolCommand(), "import-truth", "--pool", dir.resolve("pool").toString(), "--manifest",
            dir.resolve("tasks.jsonl").toString(), "--reference", dir.resolve("ref.fa").toString());
    }

    @Test
    void shouldImportThenReportTasksPerStateWhenAskedForStatus()
    {
        assertEquals(0, importTasks(), err.toString());
        assertTrue(out.toString().startsWith("imported 2 tasks into "), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run(new PoolCommand(), "status", "--pool", dir.resolve("pool").toString()), err.toString());
        final String text = out.toString();
        assertTrue(text.contains("tasks        2 of 2"), text);
        assertTrue(text.contains("  available  2"), text);
        assertTrue(text.contains("  claimed    0 (0 past deadline"), text);
        assertTrue(text.contains("truth        2 records, 24 variants"), text);
        assertEquals("", err.toString());
    }

    @Test
    void shouldExportOneJsonLinePerTaskWhenAsked() throws Exception
    {
        assertEquals(0, importTasks(), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run(new PoolCommand(), "export", "--pool", dir.resolve("pool").toString()));
        final List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"task_id\":\"" + TASK_A + "\",\"state\":\"available\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"data_locator\":\"/inputs/" + TASK_B + ".bam\""), lines.get(1));
        final Path file = dir.resolve("export.jsonl");
        assertEquals(0, run(new PoolCommand(), "export", "--pool", dir.resolve("pool").toString(), "-o",
            file.toString()));
        assertEquals(lines, Files.readAllLines(file));
    }

    @Test
    void shouldRecoverTheClaimMapAndRefuseWhileAValidatorHoldsThePool() throws Exception
    {
        assertEquals(0, importTasks(), err.toString());
        out.getBuffer().setLength(0);
        final Path pool = dir.resolve("pool");
        assertEquals(0, run(new PoolCommand(), "recover", "--pool", pool.toString()), err.toString());
        assertEquals(pool + ": claim-map locks released; 2 tasks available\n", out.toString());
        // A validator holds the pool: recovering its locks under it would be unsafe.
        try (io.callscore.engine.round.TaskSource held = io.callscore.engine.round.TaskSource.openForValidator(pool))
        {
            err.getBuffer().setLength(0);
            assertEquals(2, run(new PoolCommand(), "recover", "--pool", pool.toString()));
            assertTrue(err.toString().startsWith("callscore: error: "), err.toString());
            assertTrue(err.toString().contains("validator"), err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
        }
        err.getBuffer().setLength(0);
        assertEquals(2, run(new PoolCommand(), "recover", "--pool", dir.resolve("nowhere").toString()));
        assertTrue(err.toString().contains("not a callscore pool"), err.toString());
    }

    @Test
    void shouldExitWithTwoAndOneLineWhenThePoolIsMissingOrTheManifestBad() throws Exception
    {
        assertEquals(2, run(new PoolCommand(), "status", "--pool", dir.resolve("nowhere").toString()));
        assertEquals("callscore: error: " + dir.resolve("nowhere") + ": not a callscore pool (no pool.json)\n",
            err.toString());
        err.getBuffer().setLength(0);
        Files.writeString(dir.resolve("tasks.jsonl"), "{\"task_id\":\"x\"}\n");
        assertEquals(2, importTasks());
        assertEquals("callscore: error: " + dir.resolve("tasks.jsonl") + ":1: task_id is not a UUID: x\n",
            err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void shouldShowOneRowPerRegisteredMinerWhenAskedForState()
    {
        try (MinerStateFile state = MinerStateFile.create(dir, 16, 4))
        {
            state.register(3, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
            state.ema(3, 0.8125);
            state.recordScore(3, 0.5, 7);
            state.recordScore(3, 1.0, 7);
            state.register(9, "hk9");
            state.commit(7);
            state.register(11, "uncommitted");
        }
        assertEquals(0, run(new StateCommand(), "show", "--state", dir.toString()), err.toString());
        final List<String> lines = out.toString().lines().toList();
        assertEquals("round 7, 16 uids, 4 recent scores kept per uid", lines.get(0));
        assertTrue(lines.get(1).contains("hotkey") && lines.get(1).contains("recent_avg"), lines.get(1));
        assertEquals(4, lines.size(), out.toString());
        assertTrue(lines.get(2).matches(" +3  5Grwva\\S+ +0\\.812500 +0\\.000000 +0 +2 +7 +2 +0\\.750000"), lines.get(2));
        assertTrue(lines.get(3).startsWith("    9  hk9 "), lines.get(3));
    }

    @Test
    void shouldExitWithTwoWhenTheStateFileIsDamaged() throws Exception
    {
        Files.writeString(dir.resolve(MinerStateFile.FILE_NAME), "not a state file");
        assertEquals(2, run(new StateCommand(), "show", "--state", dir.toString()));
        assertTrue(err.toString().startsWith("callscore: error: ") && err.toString().contains("truncated"),
            err.toString());
        assertEquals(1, err.toString().lines().count());
    }
}

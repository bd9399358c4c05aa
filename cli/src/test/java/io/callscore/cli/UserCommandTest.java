package io.callscore.cli;

import io.callscore.engine.cert.CertificateStore;
import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.hotkey.Ss58;
import io.callscore.engine.transport.CommandTransport;
import io.callscore.engine.user.UserJob;
import io.callscore.engine.user.UserJobs;
import io.callscore.engine.user.UserRound;
import io.callscore.engine.user.UserSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserCommandTest
{
    private static final String HEADER = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private Path pool;
    private Path bam;
    private Path reference;
    private String seq;

    @BeforeEach
    void files() throws Exception
    {
        pool = Files.createDirectories(tmp.resolve("pool"));
        final SplittableRandom random = new SplittableRandom(3);
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3000; i++)
        {
            s.append("ACGT".charAt(random.nextInt(4)));
        }
        seq = s.toString();
        reference = Files.writeString(tmp.resolve("ref.fa"), ">chr5\n" + seq + "\n");
        bam = Files.writeString(tmp.resolve("sample.bam"), "reads");
        Files.writeString(tmp.resolve("sample.bam.bai"), "index");
    }

    private int run(final String... args)
    {
        out = new StringWriter();
        err = new StringWriter();
        final CommandLine cl = CallscoreCommand.newCommandLine();
        if (!cl.getSubcommands().containsKey("user"))
        {
            cl.addSubcommand(new UserCommand());
        }
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** Runs a command that must fail with exit code 2 and exactly one line on stderr; returns that line. */
    private String fails(final String... args)
    {
        assertEquals(2, run(args), out + "|" + err);
        final String[] lines = err.toString().strip().split("\n");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("callscore: error: "), lines[0]);
        return lines[0];
    }

    private String submit() throws Exception
    {
        assertEquals(0, run("user", "submit", "--input", bam.toString(), "--reference", reference.toString(),
            "--regions", "chr5:1-3000", "--pool", pool.toString(), "--miners-per-job", "3"), err.toString());
        return out.toString().strip();
    }

    @Test
    void shouldQueueABamJobAndShowItPending() throws Exception
    {
        final String id = submit();
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        final Path jobDir = pool.resolve("user").resolve(id);
        assertEquals("reads", Files.readString(jobDir.resolve("input/reads.bam")));
        assertEquals("index", Files.readString(jobDir.resolve("input/reads.bam.bai")));
        assertTrue(Files.isRegularFile(jobDir.resolve("input/ref.fa")));
        final UserJob job = UserJobs.in(pool).read(id);
        assertEquals(UserJob.Status.PENDING, job.status());
        assertEquals(3, job.minersPerJob());
        assertEquals("chr5:1-3000", job.regions().get(0).toString());

        assertEquals(0, run("user", "status", "--pool", pool.toString()), err.toString());
        final String[] lines = out.toString().strip().split("\n");
        assertEquals(2, lines.length, out.toString());
        assertTrue(lines[1].startsWith(id + "  pending"), lines[1]);
        assertEquals(0, run("user", "status", "--pool", pool.toString(), "--job", id), err.toString());
        assertTrue(out.toString().startsWith("job " + id + ": pending;"), out.toString());
    }

    @Test
    void shouldQueueAFastqPairByReferenceWithNoCopy() throws Exception
    {
        final Path r1 = Files.writeString(tmp.resolve("s_1.fq.gz"), "r1");
        final Path r2 = Files.writeString(tmp.resolve("s_2.fq.gz"), "r2");
        assertEquals(0, run("user", "submit", "--input", r1.toString(), "--input2", r2.toString(), "--reference",
            reference.toString(), "--regions", "chr5:1-1,000", "--regions", "chr5:2001-2500", "--pool",
            pool.toString(), "--no-copy"), err.toString());
        final UserJob job = UserJobs.in(pool).read(out.toString().strip());
        assertEquals("FASTQ", job.inputType().name());
        assertEquals(r2.toAbsolutePath().toString(), job.files().get("r2"));
        assertEquals(2, job.regions().size());
        assertEquals(5, job.minersPerJob());
    }

    @Test
    void shouldRefuseBadSubmissionsWithOneLine()
    {
        final String p = pool.toString();
        final String r = reference.toString();
        assertTrue(fails("user", "submit", "--input", tmp.resolve("none.bam").toString(), "--reference", r,
            "--regions", "chr5:1-10", "--pool", p).endsWith("none.bam: file not found"));
        assertTrue(fails("user", "submit", "--input", reference.toString(), "--reference", r, "--regions",
            "chr5:1-10", "--pool", p).contains("give the second reads with --input2"));
        assertTrue(fails("user", "submit", "--input", bam.toString(), "--reference", r, "--regions", "chr5:10",
            "--pool", p).contains("region \"chr5:10\" is not contig:start-end"));
        assertTrue(fails("user", "submit", "--input", bam.toString(), "--reference", r, "--regions", "chr9:1-10",
            "--pool", p).contains("contig chr9 is not in the reference"));
        assertTrue(fails("user", "submit", "--input", bam.toString(), "--reference", r, "--regions", "chr5:1-3001",
            "--pool", p).contains("ends past chr5 (3000 bp)"));
        assertTrue(fails("user", "submit", "--input", bam.toString(), "--reference", r, "--regions", "chr5:1-10",
            "--pool", p, "--miners-per-job", "2").contains("--miners-per-job must be 3 to 64"));
        assertTrue(fails("user", "submit", "--input", bam.toString(), "--reference", r, "--regions", "chr5:1-10",
            "--pool", tmp.resolve("nopool").toString()).endsWith("nopool: no such pool directory"));
        assertTrue(fails("user", "status", "--pool", p, "--job", "not-a-job").contains("is not a job id"));
        assertTrue(fails("user", "status", "--pool", p, "--job", "0b5c3e7a-6f1d-4c2b-9a8e-1d2f3a4b5c6d")
            .endsWith("no job 0b5c3e7a-6f1d-4c2b-9a8e-1d2f3a4b5c6d"));
        assertTrue(Files.notExists(pool.resolve("user")) || pool.resolve("user").toFile().list().length == 0,
            "nothing half-submitted is left behind");
    }

    @Test
    void shouldRescoreAScoredJobAgainstItsTruthAndShowTheDifferences() throws Exception
    {
        final String id = submit();
        final Path truth = Files.writeString(tmp.resolve("truth.vcf"), "##fileformat=VCFv4.2\n" + HEADER
            + records(0, 8, -1));
        assertTrue(fails("user", "truth", "--pool", pool.toString(), "--job", id, "--truth", truth.toString())
            .endsWith("job " + id + " is pending: it has no scored answers to re-score yet"));

        // Three miners answer, each missing one (other) record of the truth's eight; run one round of user jobs.
        final List<MinerEntry> miners = new ArrayList<>();
        for (int uid = 0; uid < 3; uid++)
        {
            final String hotkey = hotkey(uid);
            final Path answer = Files.writeString(tmp.resolve("answer" + uid + ".vcf"), "##fileformat=VCFv4.2\n"
                + "##miner_hotkey=" + hotkey + "\n" + HEADER + records(0, 8, uid));
            miners.add(new MinerEntry(uid, hotkey, new CommandTransport(List.of("bash", "-c", "cat '" + answer
                + "' > \"$2\"", "m"), Duration.ofSeconds(20), 1 << 20), uid + 1));
        }
        final UserRound round = new UserRound(UserJobs.in(pool), UserSettings.defaults(),
            new PrintStream(new ByteArrayOutputStream()));
        final ExecutorService threads = Executors.newFixedThreadPool(2);
        try
        {
            round.run(1, miners, new SplittableRandom(1), tmp.resolve("work"), threads, threads);
            round.committed(1, null, CertificateStore.inState(tmp.resolve("state")));
        }
        finally
        {
            threads.shutdownNow();
        }
        assertEquals(UserJob.Status.SCORED, UserJobs.in(pool).read(id).status());

        assertEquals(0, run("user", "truth", "--pool", pool.toString(), "--job", id, "--truth", truth.toString()),
            err.toString());
        final String[] lines = out.toString().strip().split("\n");
        assertEquals(5, lines.length, out.toString());
        assertTrue(lines[0].matches("\\s*uid\\s+hotkey\\s+truth\\s+consensus\\s+difference\\s+note"), lines[0]);
        for (int uid = 0; uid < 3; uid++)
        {
            // Seven of eight records (no indels: F1_indel = 1): against the truth F1_snp = 14/15, score 0.9533;
            // against the consensus of the other two (the six records both have; three miners are few) it has 5
            // TP, 2 FP, 1 FN: F1_snp = 10/13, score 0.8385.
            assertTrue(lines[1 + uid].matches("\\s*" + uid + "\\s+" + hotkey(uid) + "\\s+0\\.9533\\s+0\\.8385\\s+"
                + "\\+0\\.1149\\s*"), lines[1 + uid]);
        }
        assertTrue(lines[4].startsWith("consensus vs truth: 1.0000; mean |difference| over voters: 0.1149; written "
            + "to "), lines[4]);
        assertTrue(Files.isRegularFile(pool.resolve("user").resolve(id).resolve("truth-scores.json")));

        assertEquals(0, run("user", "status", "--pool", pool.toString(), "--job", id), err.toString());
        final String status = out.toString();
        assertTrue(status.contains("round 1: scored; consensus of 3 miner(s), 8 variants"), status);
        assertTrue(status.contains("  0.8385     0.9533     +0.1149"), status);
    }

    /** {@code n} SNV records every 300 bases from position 100, leaving out record {@code skip}. */
    private String records(final int from, final int n, final int skip)
    {
        final StringBuilder b = new StringBuilder();
        for (int i = from; i < n; i++)
        {
            if (i == skip)
            {
                continue;
            }
            final int pos = 100 + 300 * i;
            final char ref = seq.charAt(pos - 1);
            b.append("chr5\t").append(pos).append("\t.\t").append(ref).append('\t').append(ref == 'A' ? 'C' : 'A')
                .append("\t50\tPASS\t.\tGT\t0/1\n");
        }
        return b.toString();
    }

    private static String hotkey(final int n)
    {
        final byte[] key = new byte[32];
        key[0] = (byte)(n + 40);
        return Ss58.encode(key);
    }
}

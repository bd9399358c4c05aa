package io.callscore.engine.demo;

import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.util.SequenceUtil;
import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.VcfComparator;
import io.callscore.engine.anticheat.HotkeyHeader;
import io.callscore.engine.pool.TruthVcfReader;
import io.callscore.engine.synthetic.SyntheticCallSets;
import io.callscore.engine.task.MinerTask;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real miner scripts under {@code miners/}: tool checks, and a FASTQ task through bwa, samtools and bcftools. */
class MinerScriptsTest
{
    private static final String HK = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    /** What the scripts need besides the callers (jq is left out: the scripts then parse the task with sed). */
    private static final List<String> BASICS = List.of("bash", "dirname", "basename", "tr", "grep", "sed", "head",
        "tail", "mktemp", "nproc", "rm", "cat", "awk", "mv", "cp");

    @TempDir
    Path dir;

    private final Path miners = DemoOptions.locateProject(MinerScriptsTest.class).resolve("miners");

    private record Run(int code, String stderr)
    {
    }

    private Run run(final String script, final Path task, final Path out, final String path) throws Exception
    {
        final ProcessBuilder pb = new ProcessBuilder(which("bash"), miners.resolve(script).toString(), HK,
            task.toString(), out.toString()).redirectErrorStream(false);
        pb.environment().put("PATH", path);
        pb.environment().put("TMPDIR", dir.toString());
        final Path err = dir.resolve(script + ".stderr");
        pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        final Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), script + " finished");
        return new Run(p.exitValue(), Files.readString(err));
    }

    @Test
    void shouldExitThreeNamingTheDebianPackageWhenTheCallerIsMissing() throws Exception
    {
        final Path bin = Files.createDirectories(dir.resolve("bin"));
        for (final String tool : BASICS)
        {
            Files.createSymbolicLink(bin.resolve(tool), Path.of(which(tool)));
        }
        Files.writeString(dir.resolve("ref.fa"), ">window\nACGT\n");
        Files.writeString(dir.resolve("reads.bam"), "");
        final Path task = dir.resolve("task.json");
        Files.writeString(task, task(MinerTask.InputType.BAM, Map.of("bam", "reads.bam", "reference", "ref.fa")));
        for (final String caller : List.of("bcftools", "freebayes"))
        {
            final Path out = dir.resolve(caller + ".vcf");
            final Run r = run(caller + ".sh", task, out, bin.toString());
            assertEquals(3, r.code(), r.stderr());
            assertTrue(r.stderr().contains(caller + " is not installed; install the Debian package " + caller),
                r.stderr());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void shouldExitTwoWhenTheTaskNamesNoReadableReads() throws Exception
    {
        Files.writeString(dir.resolve("ref.fa"), ">window\nACGT\n");
        final Path task = dir.resolve("task.json");
        Files.writeString(task, task(MinerTask.InputType.BAM, Map.of("bam", "missing.bam", "reference", "ref.fa")));
        final Run r = run("bcftools.sh", task, dir.resolve("out.vcf"), System.getenv("PATH"));
        assertEquals(2, r.code(), r.stderr());
        assertTrue(r.stderr().contains("cannot read the BAM"), r.stderr());
    }

    @Test
    void shouldAlignAndCallAFastqTaskWhenBwaSamtoolsAndBcftoolsAreInstalled() throws Exception
    {
        for (final String tool : List.of("bwa", "samtools", "bcftools"))
        {
            assumeTrue(Demo.onPath(tool), tool + " is not installed (Debian package " + tool + ")");
        }
        final SplittableRandom random = new SplittableRandom(31);
        final StringBuilder bases = new StringBuilder();
        for (int i = 0; i < 30_000; i++)
        {
            bases.append("ACGT".charAt(random.nextInt(4)));
        }
        final Path ref = dir.resolve("ref.fa");
        Files.writeString(ref, ">window\n" + bases.toString().replaceAll("(.{60})", "$1\n") + "\n");
        final ReferenceGenome genome = ReferenceGenome.open(ref);
        final Path truth = new SyntheticCallSets(genome, List.of(), SyntheticCallSets.Profile.perfect(90), 3)
            .write(dir.resolve("truth")).truth();
        final Path bam = dir.resolve("sim.bam");
        SimulatedAlignedReads.write(genome, "window", 0, 30_000, TruthVcfReader.read(truth,
            Map.of("window", new int[] {0, 30_000})).get("window"),
            new SimulatedAlignedReads.Settings(30, 150, 400, 50, 0.002, 9), bam);
        toFastq(bam, dir.resolve("reads_1.fq.gz"), dir.resolve("reads_2.fq.gz"));
        final Path task = dir.resolve("task.json");
        Files.writeString(task, task(MinerTask.InputType.FASTQ, Map.of("r1", "reads_1.fq.gz", "r2",
            "reads_2.fq.gz", "reference", "ref.fa")));

        final Path out = dir.resolve("calls.vcf");
        final Run r = run("bcftools.sh", task, out, System.getenv("PATH"));
        assertEquals(0, r.code(), r.stderr());
        assertEquals(HK, HotkeyHeader.read(out));
        final Path inner = dir.resolve("inner.bed");
        Files.writeString(inner, "window\t1000\t29000\n");
        final ComparisonResult c = VcfComparator.compare(truth, out, genome, RegionSet.readBed(inner),
            CompareOptions.defaults());
        assertTrue(c.counts().snp().f1() > 0.95 && c.counts().indel().f1() > 0.8, c.counts().toString());
    }

    /** A task as the validator writes it (pretty-printed JSON, absolute or relative file names). */
    private static String task(final MinerTask.InputType type, final Map<String, String> files)
    {
        return new MinerTask("t-1", MinerTask.Mode.BENCHMARK, "sim", type, new MinerTask.DataLocator(null,
            new java.util.TreeMap<>(files)), List.of(new MinerTask.Region("window", 1, 30_000)), "VCF",
            new MinerTask.Constraints(true, true)).toJson();
    }

    /** The pairs of a BAM as two gzip FASTQ files, reads in sequencing orientation. */
    private static void toFastq(final Path bam, final Path r1, final Path r2) throws Exception
    {
        final Map<String, SAMRecord[]> pairs = new HashMap<>();
        final List<String> order = new ArrayList<>();
        try (SamReader reader = SamReaderFactory.makeDefault().open(bam))
        {
            for (final SAMRecord r : reader)
            {
                pairs.computeIfAbsent(r.getReadName(), k ->
                {
                    order.add(k);
                    return new SAMRecord[2];
                })[r.getFirstOfPairFlag() ? 0 : 1] = r;
            }
        }
        try (Writer w1 = gzip(r1); Writer w2 = gzip(r2))
        {
            for (final String name : order)
            {
                final SAMRecord[] pair = pairs.get(name);
                fastq(w1, pair[0]);
                fastq(w2, pair[1]);
            }
        }
    }

    private static void fastq(final Writer w, final SAMRecord r) throws Exception
    {
        final byte[] bases = r.getReadBases().clone();
        final byte[] quals = r.getBaseQualities().clone();
        if (r.getReadNegativeStrandFlag())
        {
            SequenceUtil.reverseComplement(bases);
            SequenceUtil.reverseQualities(quals);
        }
        final StringBuilder q = new StringBuilder();
        for (final byte b : quals)
        {
            q.append((char)(b + 33));
        }
        w.write("@" + r.getReadName() + "\n" + new String(bases, StandardCharsets.US_ASCII) + "\n+\n" + q + "\n");
    }

    private static Writer gzip(final Path file) throws Exception
    {
        final OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        return new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII);
    }

    private static String which(final String tool)
    {
        for (final String d : System.getenv("PATH").split(File.pathSeparator))
        {
            final Path p = Path.of(d, tool);
            if (!d.isEmpty() && Files.isExecutable(p))
            {
                return p.toString();
            }
        }
        assertNotNull(null, tool + " is needed by the miner scripts");
        return tool;
    }
}

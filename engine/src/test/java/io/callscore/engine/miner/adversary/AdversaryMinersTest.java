package io.callscore.engine.miner.adversary;

import io.callscore.compare.CompareOptions;
import io.callscore.engine.anticheat.HotkeyHeader;
import io.callscore.engine.round.TaskScore;
import io.callscore.engine.round.TaskScorer;
import io.callscore.engine.transport.InProcessMiner;
import io.callscore.engine.transport.InProcessTransport;
import io.callscore.engine.transport.MinerResponse;
import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each adversary against the real scorer on a small task: a 4 kb slice ({@code window}) of a 6 kb source contig,
 * cut 500 bases before a window of source positions 1000-4000, with three truth SNVs.
 */
class AdversaryMinersTest
{
    static final String HK = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    static final String OTHER = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    private static final int SLICE_START = 500;
    private static final int[] SOURCE_SNVS = {1100, 2000, 3000};

    @TempDir
    Path dir;

    private String source;
    private Path task;
    private TaskScorer.Truth truth;
    private String honestVcf;

    @BeforeEach
    void task() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(9);
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6000; i++)
        {
            sb.append("ACGT".charAt(random.nextInt(4)));
        }
        source = sb.toString();
        final String slice = source.substring(SLICE_START, 4500);
        final Path data = Files.createDirectories(dir.resolve("tasks").resolve("t1"));
        Files.writeString(data.resolve("ref.fa"), ">window\n" + slice + "\n");
        task = Files.createDirectories(dir.resolve("work").resolve("round-1").resolve("uid-3")).resolve("task.json");
        Files.writeString(task, """
            {"task_id": "t1", "mode": "benchmark", "ref_build": "sim", "input_type": "BAM",
             "data_locator": {"bam": "%s", "reference": "%s"},
             "regions": ["window:1-4000"], "output_format": "VCF"}
            """.formatted(data.resolve("reads.bam"), data.resolve("ref.fa")));
        final StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##miner_hotkey=" + HK + "\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSAMPLE\n");
        for (final int p : SOURCE_SNVS)
        {
            vcf.append("window\t").append(p - SLICE_START + 1).append("\t.\t").append(source.charAt(p)).append('\t')
                .append(other(source.charAt(p))).append("\t50\tPASS\t.\tGT\t0/1\n");
        }
        honestVcf = vcf.toString();
        final Path truthVcf = dir.resolve("truth.vcf");
        Files.writeString(truthVcf, honestVcf);
        final ReferenceGenome reference = ReferenceGenome.of(Map.of("window", slice));
        final RegionSet all = RegionSet.fromIntervals(Map.of("window", List.of(new int[] {0, slice.length()})));
        truth = new TaskScorer.Truth(VariantLoader.load(truthVcf, reference, all, LoadOptions.defaults()), all, all,
            reference);
    }

    private MinerResponse answer(final InProcessMiner miner) throws Exception
    {
        return new InProcessTransport("test", miner, Duration.ofSeconds(60), 16L << 20).fetch(task, "",
            task.resolveSibling("calls.vcf"));
    }

    private TaskScore score(final MinerResponse r, final String hotkey)
    {
        return new TaskScorer(CompareOptions.defaults(), 0.7, 16L << 20).score(truth, hotkey, r);
    }

    private InProcessMiner honest(final String hotkey)
    {
        return (t, work, out) -> out.write(honestVcf.replace(HK, hotkey).getBytes());
    }

    @Test
    void shouldScoreOneForTheHonestAnswerTheOthersStartFrom() throws Exception
    {
        assertEquals(1.0, score(answer(honest(HK)), HK).score(), 1e-12);
    }

    @Test
    void shouldBeStoppedByTheScorersDecompressedCapWhenAGzipBombPassesTheTransport() throws Exception
    {
        final MinerResponse r = answer(new HugeMiner(HK, HugeMiner.Mode.GZIP_BOMB, 48L << 20));
        assertEquals(MinerResponse.Status.OK, r.status(), "a few kB of gzip pass the transport's 16 MB cap");
        assertTrue(r.bytes() < 1 << 20, "compressed size " + r.bytes());
        final TaskScore s = score(r, HK);
        assertEquals(0.0, s.score());
        assertTrue(s.reason().contains("bytes of text (after decompression)"), s.reason());
    }

    @Test
    void shouldRelayTheVictimsCallsUnderItsOwnHotkeyWhenCopying() throws Exception
    {
        final Path victim = Files.createDirectories(task.getParent().resolveSibling("uid-0")).resolve("calls.vcf");
        Files.writeString(victim, honestVcf);
        final MinerResponse r = answer(new CopycatMiner(OTHER, 0, Duration.ZERO));
        assertEquals(OTHER, HotkeyHeader.read(r.vcf()), "the header check passes");
        final TaskScore copied = score(r, OTHER);
        final TaskScore original = score(MinerResponse.ok(victim, 1, 1), HK);
        assertEquals(original.fingerprint(), copied.fingerprint(), "the fingerprint is what catches it");
    }

    @Test
    void shouldFailTheHeaderCheckWhenSigningWithAnotherMinersHotkey() throws Exception
    {
        final MinerResponse r = answer(new WrongHotkeyMiner(honest(OTHER), HK));
        final TaskScore s = score(r, OTHER);
        assertEquals(0.0, s.score());
        assertEquals("##miner_hotkey " + HK + " is not the responding miner's hotkey", s.reason());
    }

    @Test
    void shouldLosePrecisionNotRecallWhenPaddingAnHonestAnswerWithRandomCalls() throws Exception
    {
        final MinerResponse r = answer(new NoisyMiner(OTHER, honest(HK), 1.0, 5));
        final TaskScore s = score(r, OTHER);
        assertEquals("", s.reason(), "REF bases agree with the reference and records are sorted");
        assertEquals(1.0, s.result().counts().snp().recall(), 1e-12);
        assertEquals(3, s.result().counts().snp().fp(), "one random call per honest record");
        assertTrue(s.score() < 1.0);
    }

    @Test
    void shouldReturnThePublicTruthShiftedIntoTheSliceWhenLookingUp() throws Exception
    {
        final Path manifest = dir.resolve("manifest.jsonl");
        Files.writeString(manifest, "{\"taskId\":\"other\",\"region\":\"chrS:1-10\"}\n"
            + "{\"taskId\":\"t1\",\"region\":\"chrS:1001-4000\"}\n");
        final StringBuilder publicTruth = new StringBuilder("##fileformat=VCFv4.2\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tHG\n");
        publicTruth.append("chrS\t501\t.\t").append(source.charAt(500)).append("\tA\t50\tPASS\t.\tGT\t0/1\n");
        for (final int p : SOURCE_SNVS)
        {
            publicTruth.append("chrS\t").append(p + 1).append("\t.\t").append(source.charAt(p)).append('\t')
                .append(other(source.charAt(p))).append("\t50\tPASS\t.\tGT\t0|1\n");
        }
        final Path truthFile = dir.resolve("public.vcf");
        Files.writeString(truthFile, publicTruth.toString());
        final MinerResponse r = answer(new LookUpMiner(OTHER, manifest, truthFile, SLICE_START));
        final TaskScore s = score(r, OTHER);
        assertEquals(1.0, s.score(), 1e-12, "with no spikes, the public truth is the truth: " + s.reason());
        assertEquals(3, s.result().counts().snp().tpCall(), "only records inside the window are returned");
    }

    @Test
    void shouldScoreNothingForAnEmptyAnswerAndRefuseJunk() throws Exception
    {
        final TaskScore empty = score(answer(new EmptyMiner(HK)), HK);
        assertTrue(empty.emptyCallSet());
        assertEquals("no calls in the task's regions", empty.reason());
        assertEquals(0.0, empty.score());
        assertEquals(0.0, empty.result().counts().snp().f1(), "no calls: SNP recall and F1 are 0");
        final TaskScore junk = score(answer(new MalformedMiner(HK, 1)), HK);
        assertEquals(0.0, junk.score());
        assertTrue(junk.reason().startsWith("bad VCF: "), junk.reason());
    }

    private static char other(final char base)
    {
        return base == 'A' ? 'C' : 'A';
    }
}

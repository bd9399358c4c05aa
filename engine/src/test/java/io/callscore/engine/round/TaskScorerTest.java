package io.callscore.engine.round;

import io.callscore.compare.CompareOptions;
import io.callscore.engine.transport.MinerResponse;
import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskScorerTest
{
    private static final String HOTKEY = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    private static final String OTHER = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    //                                          1         2         3         4
    //                                 1234567890123456789012345678901234567890
    private static final String SEQ = "ACGTACGTTAGCCATGCATGCAAATTTGGGCCCATATATC";
    private static final String HEADER = "##fileformat=VCFv4.2\n%s#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";

    @TempDir
    Path dir;

    private final ReferenceGenome ref = ReferenceGenome.of(Map.of("w", SEQ));
    private final TaskScorer scorer = new TaskScorer(CompareOptions.defaults(), 0.7, 1 << 20);
    private TaskScorer.Truth truth;

    @BeforeEach
    void truth() throws Exception
    {
        final Path t = dir.resolve("truth.vcf");
        Files.writeString(t, HEADER.formatted("") + "w\t5\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\nw\t20\t.\tG\tGTT\t50\tPASS\t.\tGT\t1/1\n");
        final RegionSet confident = RegionSet.fromIntervals(Map.of("w", List.of(new int[] {0, 30})));
        final RegionSet window = RegionSet.fromIntervals(Map.of("w", List.of(new int[] {0, 35})));
        truth = new TaskScorer.Truth(VariantLoader.load(t, ref, confident, LoadOptions.defaults()), confident, window,
            ref);
    }

    private MinerResponse respond(final String hotkeyHeader, final String records) throws Exception
    {
        final Path vcf = Files.createTempFile(dir, "calls", ".vcf");
        Files.writeString(vcf, HEADER.formatted(hotkeyHeader) + records);
        return MinerResponse.ok(vcf, 1, Files.size(vcf));
    }

    @Test
    void shouldScoreAPerfectAnswerOne() throws Exception
    {
        final TaskScore s = scorer.score(truth, HOTKEY, respond("##miner_hotkey=" + HOTKEY + "\n",
            "w\t5\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\nw\t20\t.\tG\tGTT\t50\tPASS\t.\tGT\t1/1\n"));
        assertEquals("", s.reason());
        assertEquals(1.0, s.score(), 1e-12);
        assertTrue(s.fingerprint() != null && !s.emptyCallSet());
    }

    @Test
    void shouldIgnoreAndCountCallsOutsideTheWindowAndNotCountFpOutsideConfidentRegions() throws Exception
    {
        final TaskScore s = scorer.score(truth, HOTKEY, respond("##miner_hotkey=" + HOTKEY + "\n",
            "w\t5\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\nw\t20\t.\tG\tGTT\t50\tPASS\t.\tGT\t1/1\n"
                + "w\t33\t.\tC\tT\t50\tPASS\t.\tGT\t0/1\n" // in the window, outside confident regions: not FP
                + "w\t38\t.\tA\tC\t50\tPASS\t.\tGT\t0/1\n")); // outside the window: ignored
        assertEquals(1.0, s.score(), 1e-12);
        assertEquals(1, s.outsideWindow());
        assertEquals(0, s.result().counts().total().fp());
    }

    @Test
    void shouldScoreAnEmptyAnswerZeroEvenWhereTheEmptyIndelClassWouldGiveF1One() throws Exception
    {
        // Only an SNV in this task's truth: by the formula an empty call set has F1_snp 0 and F1_indel 1 (no truth
        // and no calls), which would be 0.3 for answering nothing.
        final Path t = dir.resolve("snv-only.vcf");
        Files.writeString(t, HEADER.formatted("") + "w\t5\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\n");
        final TaskScorer.Truth snvOnly = new TaskScorer.Truth(VariantLoader.load(t, ref, truth.confident(),
            LoadOptions.defaults()), truth.confident(), truth.window(), ref);
        final TaskScore s = scorer.score(snvOnly, HOTKEY, respond("##miner_hotkey=" + HOTKEY + "\n", ""));
        assertEquals(0.0, s.score());
        assertEquals("no calls in the task's regions", s.reason());
        assertEquals(0.3, s.result().score(), 1e-12, "the formula alone would give 0.3");
    }

    @Test
    void shouldScoreZeroWithTheReasonForHotkeyProblems() throws Exception
    {
        final String records = "w\t5\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\n";
        assertEquals("missing ##miner_hotkey header", scorer.score(truth, HOTKEY, respond("", records)).reason());
        assertTrue(scorer.score(truth, HOTKEY, respond("##miner_hotkey=abc\n", records)).reason()
            .startsWith("##miner_hotkey: hotkey decodes to"));
        final TaskScore foreign = scorer.score(truth, HOTKEY, respond("##miner_hotkey=" + OTHER + "\n", records));
        assertEquals("##miner_hotkey " + OTHER + " is not the responding miner's hotkey", foreign.reason());
        assertEquals(0.0, foreign.score());
    }

    @Test
    void shouldScoreZeroForAnotherReferenceOrWrongContig() throws Exception
    {
        final String header = "##miner_hotkey=" + HOTKEY + "\n";
        final TaskScore wrongRef = scorer.score(truth, HOTKEY, respond(header, "w\t5\t.\tC\tG\t50\tPASS\t.\tGT\t0/1\n"));
        assertTrue(wrongRef.reason().contains("does not match the reference"), wrongRef.reason());
        final TaskScore wrongContig = scorer.score(truth, HOTKEY, respond(header, "chr7\t5\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\n"));
        assertTrue(wrongContig.reason().contains("contig chr7 is not in the reference"), wrongContig.reason());
    }

    @Test
    void shouldScoreZeroForJunkAGzipBombAndAFailedResponse() throws Exception
    {
        final Path junk = dir.resolve("junk.vcf");
        Files.write(junk, new byte[] {0x1f, (byte)0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertTrue(scorer.score(truth, HOTKEY, MinerResponse.ok(junk, 1, 11)).reason().startsWith("bad VCF: "));

        final Path bomb = dir.resolve("bomb.vcf.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(bomb)))
        {
            os.write(("##miner_hotkey=" + HOTKEY + "\n").getBytes(StandardCharsets.US_ASCII));
            final byte[] line = ("##" + "z".repeat(4000) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 1000; i++)
            {
                os.write(line);
            }
        }
        final TaskScore s = scorer.score(truth, HOTKEY, MinerResponse.ok(bomb, 1, Files.size(bomb)));
        assertTrue(s.reason().contains("bytes of text (after decompression)"), s.reason());

        final TaskScore timeout = scorer.score(truth, HOTKEY,
            MinerResponse.failed(MinerResponse.Status.TIMEOUT, "no answer within 5 s (killed)", 5000));
        assertEquals("timeout: no answer within 5 s (killed)", timeout.reason());
    }
}

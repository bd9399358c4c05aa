package io.callscore.engine.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.transport.CommandTransport;
import io.callscore.store.ClaimCounts;
import io.callscore.store.MinerStateFile;
import io.callscore.store.Pool;
import io.callscore.store.StoreSizing;
import io.callscore.store.TaskMetadata;
import io.callscore.store.TruthRecordEncoder;
import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorTest
{
    static final String HONEST = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    static final String WRONG = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    static final String COPYCAT = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
    static final String SLOW = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
    static final String JUNK = "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldScoreHonestMinersAndDefeatEveryAdversaryAcrossRoundsAndARestart() throws Exception
    {
        final Path pool = buildPool(dir.resolve("pool"), 30, 7);
        final Path state = dir.resolve("state");
        final List<MinerEntry> miners = miners(state);
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final RoundSettings settings = RoundSettings.defaults().withSeed(3);

        final List<Validator.RoundOutcome> outcomes = new ArrayList<>();
        try (TaskSource tasks = TaskSource.open(pool);
             MinerStateFile minerState = MinerStateFile.create(state, 16, 64);
             Validator v = new Validator(tasks, minerState, state, miners, settings, new PrintStream(log), Clock.systemUTC()))
        {
            for (int r = 0; r < 3; r++)
            {
                outcomes.add(v.runRound());
            }
        }
        for (final Validator.RoundOutcome o : outcomes)
        {
            assertEquals(5, o.results().size());
            for (final Validator.Result r : o.results())
            {
                switch (r.miner().hotkey())
                {
                    case HONEST -> assertEquals(1.0, r.score().score(), 1e-12, r.score().reason());
                    case WRONG -> assertEquals("##miner_hotkey " + HONEST + " is not the responding miner's hotkey",
                        r.score().reason());
                    case COPYCAT -> assertTrue(r.score().reason().startsWith("duplicate of the calls of uid 0"),
                        r.score().reason());
                    case SLOW -> assertTrue(r.score().reason().startsWith("timeout: "), r.score().reason());
                    case JUNK -> assertTrue(r.score().reason().startsWith("bad VCF: "), r.score().reason());
                    default -> throw new AssertionError(r.miner());
                }
                if (!r.miner().hotkey().equals(HONEST))
                {
                    assertEquals(0.0, r.score().score());
                }
            }
            assertArrayEquals(new int[] {0}, o.weights().uids(), "only the honest miner earns weight");
            assertArrayEquals(new int[] {65535}, o.weights().weights());
        }

        // Restart: the loop continues at the next round, from the same journal and state.
        try (TaskSource tasks = TaskSource.open(pool);
             MinerStateFile minerState = MinerStateFile.open(state);
             Validator v = new Validator(tasks, minerState, state, miners, settings, new PrintStream(log), Clock.systemUTC()))
        {
            assertEquals(3, v.committedRound());
            assertEquals(4, v.runRound().round());
            assertEquals(1.0 - Math.pow(0.9, 4), minerState.ema(0), 1e-9, "EMA of four perfect rounds");
        }

        final List<String> lines = Files.readAllLines(state.resolve(RoundJournal.FILE_NAME));
        assertEquals(4, lines.size());
        final Set<String> taskIds = new HashSet<>();
        for (final String line : lines)
        {
            for (final JsonNode r : json.readTree(line).path("results"))
            {
                assertTrue(taskIds.add(r.path("task_id").asText()), "a task was handed out twice");
            }
        }
        assertEquals(20, taskIds.size());
        try (Pool p = Pool.open(pool))
        {
            final ClaimCounts counts = p.claims().counts(System.currentTimeMillis());
            assertEquals(20, counts.scored() + counts.expired());
            assertEquals(10, counts.available());
        }
        final JsonNode weights = json.readTree(Files.readString(state.resolve("weights.json")));
        assertEquals(4, weights.path("round").asInt());
        assertEquals("[0]", weights.path("uids").toString());
        final String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("round 4 leaderboard"), printed);
    }

    /** Five command miners: honest, one answering with another's hotkey, a relay copycat, a sleeper, junk. */
    static List<MinerEntry> miners(final Path state) throws Exception
    {
        final String answer = "id=$(sed -n 's/.*\"task_id\" *: *\"\\([^\"]*\\)\".*/\\1/p' \"$1\"); "
            + "ref=$(sed -n 's/.*\"reference\" *: *\"\\([^\"]*\\)\".*/\\1/p' \"$1\"); "
            + "ans=$(dirname \"$(dirname \"$(dirname \"$ref\")\")\")/answers/$id.vcf; ";
        final Duration t = Duration.ofSeconds(20);
        return List.of(
            new MinerEntry(0, HONEST, new CommandTransport(List.of("bash", "-c", answer
                + "{ echo '##fileformat=VCFv4.2'; echo '##miner_hotkey=" + HONEST + "'; cat \"$ans\"; } > \"$2\"",
                "honest"), t, 1 << 20), 1),
            new MinerEntry(1, WRONG, new CommandTransport(List.of("bash", "-c", answer
                + "{ echo '##miner_hotkey=" + HONEST + "'; cat \"$ans\"; } > \"$2\"", "wrong"), t, 1 << 20), 2),
            // Relays the honest miner's returned VCF (same round, found beside its own work folder).
            new MinerEntry(2, COPYCAT, new CommandTransport(List.of("bash", "-c",
                "src=$(dirname \"$(dirname \"$2\")\")/uid-0/calls.vcf; for i in $(seq 200); do [ -s \"$src\" ] && break; "
                    + "sleep 0.05; done; sleep 0.3; sed 's/^##miner_hotkey=.*/##miner_hotkey=" + COPYCAT + "/' \"$src\" > \"$2\"",
                "copycat"), t, 1 << 20), 3),
            new MinerEntry(3, SLOW, new CommandTransport(List.of("bash", "-c", "sleep 30", "slow"),
                Duration.ofMillis(500), 1 << 20), 4),
            new MinerEntry(4, JUNK, new CommandTransport(List.of("bash", "-c",
                "{ echo '##miner_hotkey=" + JUNK + "'; echo '#CHROM\tPOS'; head -c 300 /dev/urandom; } > \"$2\"",
                "junk"), t, 1 << 20), 5));
    }

    /**
     * A pool of {@code n} tasks over one 4 kb random reference slice (contig "window"), as the coverages and
     * spike sets of one source window share coordinates, each with its own ~15 truth variants;
     * answers/&lt;task&gt;.vcf holds each task's truth records (the honest miner's answer).
     */
    static Path buildPool(final Path pool, final int n, final long seed) throws Exception
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final Path answers = Files.createDirectories(pool.resolve("answers"));
        final List<UUID> ids = new ArrayList<>();
        final List<byte[]> records = new ArrayList<>();
        final StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 4000; i++)
        {
            seq.append("ACGT".charAt(random.nextInt(4)));
        }
        int largest = 0;
        long total = 0;
        for (int t = 0; t < n; t++)
        {
            final UUID id = new UUID(random.nextLong(), random.nextLong());
            final Path data = Files.createDirectories(pool.resolve("tasks").resolve(id.toString()));
            Files.writeString(data.resolve("ref.fa"), ">window\n" + seq + "\n");
            Files.writeString(data.resolve("reads.bam"), "");
            final StringBuilder body = new StringBuilder("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n");
            for (int pos = 50 + random.nextInt(100); pos < 3900; pos += 150 + random.nextInt(200))
            {
                final char ref = seq.charAt(pos - 1);
                final String gt = random.nextBoolean() ? "0/1" : "1/1";
                if (random.nextInt(4) == 0)
                {
                    body.append("window\t").append(pos).append("\t.\t").append(seq, pos - 1, pos + 2).append('\t')
                        .append(ref).append("\t50\tPASS\t.\tGT\t").append(gt).append('\n');
                }
                else
                {
                    final char alt = "ACGT".replace(String.valueOf(ref), "").charAt(random.nextInt(3));
                    body.append("window\t").append(pos).append("\t.\t").append(ref).append('\t').append(alt)
                        .append("\t50\tPASS\t.\tGT\t").append(gt).append('\n');
                }
            }
            final Path answer = answers.resolve(id + ".vcf");
            Files.writeString(answer, body.toString());
            final ReferenceGenome reference = ReferenceGenome.of(Map.of("window", seq.toString()));
            final RegionSet confident = RegionSet.fromIntervals(Map.of("window", List.of(new int[] {0, 4000})));
            final VariantSet truth = VariantLoader.load(answer, reference, confident, LoadOptions.defaults());
            final byte[] record = TruthRecordEncoder.encode(truth, confident, new TaskMetadata("HG00" + (t % 3),
                t % 2 == 0 ? 30 : 15, "chr20:" + (t * 10_000 + 1) + "-" + (t * 10_000 + 4000), "easy", "BAM",
                "tasks/" + id));
            ids.add(id);
            records.add(record);
            largest = Math.max(largest, record.length);
            total += record.length;
        }
        try (Pool p = Pool.create(pool, StoreSizing.forMeasured(n, total, n, largest, 0.25)))
        {
            for (int i = 0; i < n; i++)
            {
                p.addTask(ids.get(i), records.get(i));
            }
        }
        return pool;
    }
}

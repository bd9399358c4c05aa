package io.callscore.engine.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callscore.engine.config.MinerEntry;
import io.callscore.store.ClaimCounts;
import io.callscore.store.ClaimState;
import io.callscore.store.MinerStateFile;
import io.callscore.store.Pool;
import io.callscore.store.TaskClaim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static io.callscore.engine.round.RoundFixture.COPYCAT;
import static io.callscore.engine.round.RoundFixture.HONEST;
import static io.callscore.engine.round.RoundFixture.JUNK;
import static io.callscore.engine.round.RoundFixture.SLOW;
import static io.callscore.engine.round.RoundFixture.WRONG;
import static io.callscore.engine.round.RoundFixture.buildPool;
import static io.callscore.engine.round.RoundFixture.miners;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorTest
{
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldIssueOnRestartTheCertificatesACrashAfterTheCommitKeptFromBeingWritten() throws Exception
    {
        final Path pool = buildPool(dir.resolve("pool"), 6, 13);
        final Path state = dir.resolve("state");
        final Path key = dir.resolve("validator.key");
        io.callscore.engine.cert.ValidatorKey.init(key);
        final List<MinerEntry> miners = List.of(RoundFixture.honest(0, RoundFixture.hotkey(0)),
            RoundFixture.honest(1, RoundFixture.hotkey(1)));
        final RoundSettings settings = RoundSettings.defaults().withSeed(3).withKeyFile(key);
        final io.callscore.engine.cert.CertificateStore store = io.callscore.engine.cert.CertificateStore.inState(state);
        final List<Validator.Result> results;
        try (TaskSource tasks = TaskSource.open(pool);
             MinerStateFile minerState = MinerStateFile.create(state, 16, 64);
             Validator v = new Validator(tasks, minerState, state, miners, settings,
                 new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC()))
        {
            results = v.runRound().results();
        }
        assertEquals(2, results.size());
        final List<io.callscore.engine.cert.ScoreCertificate> written = new ArrayList<>();
        for (final Validator.Result r : results)
        {
            final var c = store.find(r.taskId().toString(), r.miner().hotkey()).orElseThrow();
            written.add(c);
            // As if the process had died between the commit and the certificates.
            Files.delete(store.pathOf(r.taskId().toString(), r.miner().hotkey()));
        }
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (TaskSource tasks = TaskSource.open(pool);
             MinerStateFile minerState = MinerStateFile.open(state);
             Validator v = new Validator(tasks, minerState, state, miners, settings,
                 new PrintStream(log, true, StandardCharsets.UTF_8), Clock.systemUTC()))
        {
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("round 1: 2 certificates the last run did not"
                + " write, issued now"), log.toString(StandardCharsets.UTF_8));
        }
        final io.callscore.engine.cert.CertificateVerifier verifier =
            io.callscore.engine.cert.CertificateVerifier.trustingKeyId(written.getFirst().validatorKeyId());
        for (final io.callscore.engine.cert.ScoreCertificate before : written)
        {
            final var again = store.find(before.taskId(), before.minerHotkey()).orElseThrow();
            assertTrue(verifier.verify(again).valid(), verifier.verify(again).problem());
            assertEquals(before.metrics(), again.metrics());
            assertEquals(before.score(), again.score());
            assertEquals(before.vcfSha256(), again.vcfSha256());
        }
    }

    @Test
    void shouldMarkTheClaimsOfTheCommittedRoundScoredWhenRestartedAfterTheirDeadline() throws Exception
    {
        final Path pool = buildPool(dir.resolve("pool"), 2, 17);
        final Path state = dir.resolve("state");
        final Instant claimedAt = Instant.parse("2026-05-01T10:00:00Z");
        final long deadlineMs = claimedAt.toEpochMilli() + RoundSettings.defaults().claimDeadlineMs();
        final String hotkey = RoundFixture.hotkey(0);
        final UUID id;
        try (TaskSource tasks = TaskSource.open(pool);
             MinerStateFile minerState = MinerStateFile.create(state, 16, 64))
        {
            id = tasks.sample(1, new SplittableRandom(1)).getFirst();
            assertTrue(tasks.claim(id, hotkey, claimedAt.toEpochMilli(), deadlineMs));
            // Round 1 committed (journal line, then state), and the process died before it marked the claim scored.
            final ObjectNode record = json.createObjectNode();
            record.put("round", 1);
            record.put("started_at", claimedAt.toString());
            record.put("finished_at", claimedAt.plusSeconds(60).toString());
            record.put("record_level", 1.0);
            record.putArray("results").addObject().put("uid", 0).put("hotkey", hotkey).put("task_id", id.toString())
                .put("score", 1.0);
            final ObjectNode weights = record.putObject("weights");
            weights.putArray("uids").add(0);
            weights.putArray("weights").add(65535);
            RoundJournal.open(state, 0, 8).append(record);
            minerState.register(0, hotkey);
            minerState.ema(0, 0.1);
            minerState.commit(1);
        }
        // Restarted seven hours later, past the claim's deadline: the result is in the EMA, so the claim is scored.
        final Clock later = Clock.fixed(claimedAt.plus(Duration.ofHours(7)), ZoneOffset.UTC);
        try (TaskSource tasks = TaskSource.open(pool);
             MinerStateFile minerState = MinerStateFile.open(state);
             Validator v = new Validator(tasks, minerState, state, List.of(RoundFixture.honest(0, hotkey)),
                 RoundSettings.defaults(), new PrintStream(new ByteArrayOutputStream()), later))
        {
            assertEquals(1, v.committedRound());
            final TaskClaim claim = tasks.pool().claims().claim(id);
            assertEquals(ClaimState.SCORED, claim.state());
            assertEquals(claimedAt.plusSeconds(60).toEpochMilli(), claim.finishedAtMs());
        }
    }

    @Test
    void shouldGiveEachMinerWindowsItHasNotSeenWhileTheSampleHoldsSomeEvenAfterARestart() throws Exception
    {
        // 10 source windows with 2 coverages each; every round samples one task of each of 10 windows. No
        // look-back, so the sample does not already steer miners away from recent windows: only the claim can.
        final Path pool = buildPool(dir.resolve("pool"), 20, 11, 2);
        final Path state = dir.resolve("state");
        final List<MinerEntry> miners = List.of(RoundFixture.honest(0, RoundFixture.hotkey(0)),
            RoundFixture.honest(1, RoundFixture.hotkey(1)));
        final RoundSettings d = RoundSettings.defaults().withSeed(5).withSizes(10, 2);
        final RoundSettings settings = new RoundSettings(d.tasksPerRound(), d.minersPerRound(), d.alpha(), d.boost(),
            d.maxWeight(), d.snpWeight(), d.queryThreads(), d.scoreThreads(), 0, d.claimDeadlineMs(), d.seed(),
            d.submitCommand(), d.keyFile(), d.refBuild(), d.maxVcfTextBytes());
        final java.util.Map<String, List<String>> windows = new java.util.HashMap<>();
        for (int run = 0; run < 2; run++)
        {
            // The second run is a restarted validator: what each miner saw comes back from the claim map.
            try (TaskSource tasks = TaskSource.open(pool);
                 MinerStateFile minerState = run == 0 ? MinerStateFile.create(state, 16, 64)
                     : MinerStateFile.open(state);
                 Validator v = new Validator(tasks, minerState, state, miners, settings,
                     new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC()))
            {
                for (int r = 0; r < 3; r++)
                {
                    for (final Validator.Result result : v.runRound().results())
                    {
                        windows.computeIfAbsent(result.miner().hotkey(), h -> new ArrayList<>())
                            .add(tasks.load(result.taskId(), "GRCh38").metadata().region());
                    }
                }
            }
        }
        assertEquals(2, windows.size());
        for (final List<String> seen : windows.values())
        {
            assertEquals(6, seen.size());
            assertEquals(6, new HashSet<>(seen).size(), "a miner was given a window it had seen: " + seen);
        }
    }

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
}

package io.callscore.engine.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.store.ClaimState;
import io.callscore.store.MinerStateFile;
import io.callscore.store.Pool;
import io.callscore.store.TaskClaim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5, item 9: a validator killed with SIGKILL at any point and started again continues from the last
 * committed round; no task is scored twice and none is lost.
 */
class ValidatorRestartTest
{
    private static final int KILLS = 6;
    private static final int MINERS = 3;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldContinueFromTheLastCommittedRoundWithNoTaskScoredTwiceWhenKilledAtRandomMoments() throws Exception
    {
        final Path pool = RoundFixture.buildPool(dir.resolve("pool"), 240, 13);
        final Path state = Files.createDirectories(dir.resolve("state"));
        MinerStateFile.create(state, 8, 16).close();
        final Path stderr = dir.resolve("child-stderr.txt");
        final Path journal = state.resolve(RoundJournal.FILE_NAME);
        final Random random = new Random(20_261_127);
        // Tasks claimed in rounds that never committed, as seen right after each kill.
        final Map<UUID, TaskClaim> abandoned = new HashMap<>();
        long committed = 0;
        for (int kill = 0; kill < KILLS; kill++)
        {
            final Process child = ChildJvm.start(stderr, ValidatorCrashRunner.class, pool.toString(), state.toString(),
                "-1");
            final AtomicLong started = new AtomicLong(-1);
            final AtomicLong printedCommit = new AtomicLong(committed);
            final CountDownLatch roundStarted = new CountDownLatch(1);
            final Thread reader = new Thread(() -> follow(child, started, printedCommit, roundStarted));
            reader.start();
            assertTrue(roundStarted.await(60, TimeUnit.SECONDS),
                "the validator never started a round: " + tail(stderr));
            assertEquals(committed + 1, started.get(), "a restarted validator continues after the committed round");
            final long journalSize = Files.exists(journal) ? Files.size(journal) : 0;
            if (kill % 3 == 0)
            {
                // Anywhere from the query of this round to a few rounds later: inside a miner call, scoring, the
                // journal write, the commit, marking claims scored, weights, or between rounds.
                Thread.sleep(random.nextInt(400));
            }
            else if (kill % 3 == 2)
            {
                // Right after the state's commit word names a new round: between the commit and marking the
                // round's claims scored, which only the restart can finish.
                awaitCommit(state.resolve(MinerStateFile.FILE_NAME), committed + random.nextInt(3));
            }
            else
            {
                // Right after a round record reaches the journal: between the journal and the commit.
                awaitGrowth(journal, journalSize, random.nextInt(3));
            }
            child.toHandle().destroyForcibly();
            child.waitFor();
            reader.join();
            try (MinerStateFile s = MinerStateFile.openReadOnly(state))
            {
                assertTrue(s.committedRound() >= printedCommit.get(), "a printed leaderboard was committed");
                assertTrue(s.committedRound() >= committed, "the committed round never goes back");
                committed = s.committedRound();
            }
            abandoned.putAll(abandonedClaims(pool, state, committed));
            System.out.println("kill " + kill + ": committed round " + committed + ", abandoned claims so far "
                + abandoned.size());
        }

        // A last restart in this JVM: weights.json is already the committed round's, then two clean rounds.
        try (TaskSource tasks = TaskSource.openForValidator(pool);
             MinerStateFile minerState = MinerStateFile.open(state);
             Validator v = new Validator(tasks, minerState, state, ValidatorCrashRunner.miners(),
                 ValidatorCrashRunner.settings(), new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC()))
        {
            assertEquals(committed, v.committedRound());
            if (committed > 0)
            {
                assertEquals(committed, json.readTree(state.resolve("weights.json").toFile()).path("round").asLong());
            }
            assertEquals(2, v.runRounds(2));
        }
        final long rounds = committed + 2;

        final List<JsonNode> records = new ArrayList<>();
        for (final String line : Files.readAllLines(state.resolve(RoundJournal.FILE_NAME)))
        {
            records.add(json.readTree(line));
        }
        assertEquals(rounds, records.size(), "one journal line per committed round");
        final Map<UUID, String> scoredBy = new HashMap<>();
        final List<Double> perfectScores = new ArrayList<>();
        for (int i = 0; i < records.size(); i++)
        {
            final JsonNode record = records.get(i);
            assertEquals(i + 1, record.path("round").asLong(), "journal rounds are 1..N in order");
            assertEquals(MINERS, record.path("results").size(), "every miner got a task in round " + (i + 1));
            for (final JsonNode r : record.path("results"))
            {
                final UUID id = UUID.fromString(r.path("task_id").asText());
                assertTrue(scoredBy.put(id, r.path("hotkey").asText()) == null, "task " + id + " scored twice");
                if (r.path("uid").asInt() == 0)
                {
                    perfectScores.add(r.path("score").asDouble());
                }
            }
        }
        try (MinerStateFile s = MinerStateFile.openReadOnly(state))
        {
            assertEquals(rounds, s.committedRound());
            // The EMA saw each committed round's score exactly once: replaying the journal gives the same bits.
            double ema = 0;
            for (final double score : perfectScores)
            {
                assertEquals(1.0, score, 1e-12);
                ema = 0.1 * score + (1 - 0.1) * ema;
            }
            assertEquals(ema, s.ema(0), 0.0);
            assertEquals(1 - Math.pow(0.9, rounds), s.ema(0), 1e-12);
        }
        try (Pool p = Pool.open(pool))
        {
            for (final Map.Entry<UUID, String> e : scoredBy.entrySet())
            {
                final TaskClaim c = p.claims().claim(e.getKey());
                assertTrue(c.state() == ClaimState.SCORED || c.state() == ClaimState.EXPIRED, c.toString());
                assertEquals(e.getValue(), c.hotkey(), "the claim is held by the miner that was scored");
            }
            for (final Map.Entry<UUID, TaskClaim> e : abandoned.entrySet())
            {
                final TaskClaim now = p.claims().claim(e.getKey());
                assertTrue(!scoredBy.containsKey(e.getKey()), "abandoned task " + e.getKey() + " was handed out again");
                assertTrue(now.state() == ClaimState.CLAIMED || now.state() == ClaimState.EXPIRED, now.toString());
                assertEquals(e.getValue().claimedAtMs(), now.claimedAtMs(), "abandoned task claimed again");
                assertEquals(e.getValue().hotkey(), now.hotkey());
            }
            final int[] unaccounted = {0};
            p.claims().forEach(c ->
            {
                if (c.state() != ClaimState.AVAILABLE && !scoredBy.containsKey(c.taskId())
                    && !abandoned.containsKey(c.taskId()))
                {
                    unaccounted[0]++;
                }
            });
            assertEquals(0, unaccounted[0], "every claim belongs to a committed round or an abandoned one");
            assertEquals(240, p.claims().counts(System.currentTimeMillis()).total());
        }
    }

    /** Waits until the file has grown {@code times + 1} times past {@code size} (polling, at most 60 s). */
    private static void awaitGrowth(final Path file, final long size, final int times) throws Exception
    {
        long seen = size;
        for (int grown = 0; grown <= times; grown++)
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((Files.exists(file) ? Files.size(file) : 0) == seen)
            {
                assertTrue(System.nanoTime() < deadline, "no round record was written");
                Thread.onSpinWait();
            }
            seen = Files.size(file);
        }
    }

    /**
     * Spins until the miner state's commit word (header offset 64, {@code round << 1 | slot}, little-endian; see
     * docs/store.md) names a round after {@code round}.
     */
    private static void awaitCommit(final Path stateFile, final long round) throws Exception
    {
        try (FileChannel ch = FileChannel.open(stateFile, StandardOpenOption.READ))
        {
            final MappedByteBuffer header = ch.map(FileChannel.MapMode.READ_ONLY, 0, 4096);
            header.order(ByteOrder.LITTLE_ENDIAN);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((header.getLong(64) >>> 1) <= round)
            {
                assertTrue(System.nanoTime() < deadline, "no round was committed");
                Thread.onSpinWait();
            }
        }
    }

    /** Reads the child's log: the round it started last and the last round whose leaderboard it printed. */
    private static void follow(final Process child, final AtomicLong started, final AtomicLong printedCommit,
        final CountDownLatch roundStarted)
    {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = out.readLine()) != null)
            {
                if (line.matches("round \\d+ leaderboard"))
                {
                    printedCommit.set(Long.parseLong(line.split(" ")[1]));
                }
                else if (line.matches("round \\d+: .*"))
                {
                    started.compareAndSet(-1, Long.parseLong(line.substring(6, line.indexOf(':'))));
                    roundStarted.countDown();
                }
            }
        }
        catch (final IOException e)
        {
            // The pipe breaks when the child dies.
        }
    }

    /**
     * Claims not in any committed round's record: tasks of rounds that never committed. Uncommitted journal lines
     * (a kill between the journal write and the commit) are not records; the next start cuts them.
     */
    private Map<UUID, TaskClaim> abandonedClaims(final Path pool, final Path state, final long committed)
        throws IOException
    {
        final Set<UUID> inRecords = new HashSet<>();
        final Path journal = state.resolve(RoundJournal.FILE_NAME);
        if (Files.exists(journal))
        {
            for (final String line : Files.readAllLines(journal, StandardCharsets.ISO_8859_1))
            {
                final JsonNode record;
                try
                {
                    record = json.readTree(line);
                }
                catch (final IOException e)
                {
                    continue; // torn by the kill
                }
                if (record.path("round").asLong() <= committed)
                {
                    record.path("results").forEach(r -> inRecords.add(UUID.fromString(r.path("task_id").asText())));
                }
            }
        }
        final Map<UUID, TaskClaim> out = new HashMap<>();
        // As the next validator start does: the kill may have left a claim-map lock held.
        Pool.recoverClaims(pool);
        try (Pool p = Pool.open(pool))
        {
            final int[] unmarked = {0};
            p.claims().forEach(c ->
            {
                if (c.state() == ClaimState.CLAIMED && !inRecords.contains(c.taskId()))
                {
                    out.put(c.taskId(), c);
                }
                unmarked[0] += c.state() == ClaimState.CLAIMED && inRecords.contains(c.taskId()) ? 1 : 0;
            });
            // Killed between the commit and marking its claims scored: the restart must mark them.
            System.out.println("  committed tasks not yet marked scored: " + unmarked[0]);
        }
        return out;
    }

    private static String tail(final Path file)
    {
        try
        {
            final String text = Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
            return text.substring(Math.max(0, text.length() - 2000));
        }
        catch (final IOException e)
        {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}

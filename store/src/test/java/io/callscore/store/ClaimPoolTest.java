package io.callscore.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimPoolTest
{
    private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    private static final String BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    @TempDir
    Path dir;

    private ClaimPool poolWith(final int tasks)
    {
        final ClaimPool pool = ClaimPool.create(dir.resolve("claims.cmap"), Math.max(tasks, 1));
        for (int i = 0; i < tasks; i++)
        {
            assertTrue(pool.add(new UUID(7, i)));
        }
        return pool;
    }

    @Test
    void shouldMoveThroughAvailableClaimedScoredWhenTheMinerAnswersInTime()
    {
        try (ClaimPool pool = poolWith(1))
        {
            final UUID id = new UUID(7, 0);
            assertEquals(new TaskClaim(id, ClaimState.AVAILABLE, "", 0, 0, 0), pool.claim(id));
            assertTrue(pool.tryClaim(id, ALICE, 1_000, 5_000));
            assertEquals(new TaskClaim(id, ClaimState.CLAIMED, ALICE, 1_000, 5_000, 0), pool.claim(id));
            assertFalse(pool.tryClaim(id, BOB, 1_001, 5_000), "a claimed task is not handed out again");
            assertEquals(ScoreOutcome.REFUSED, pool.markScored(id, BOB, 2_000), "only the claimant scores");
            assertEquals(ScoreOutcome.SCORED, pool.markScored(id, ALICE, 5_000));
            assertEquals(new TaskClaim(id, ClaimState.SCORED, ALICE, 1_000, 5_000, 5_000), pool.claim(id));
            assertEquals(ScoreOutcome.REFUSED, pool.markScored(id, ALICE, 5_000), "scored once");
            assertEquals(new ClaimCounts(0, 0, 1, 0, 0), pool.counts(10_000));
        }
    }

    @Test
    void shouldExpireAndNeverReissueWhenTheDeadlinePasses()
    {
        try (ClaimPool pool = poolWith(3))
        {
            final UUID a = pool.claimNext(ALICE, 1_000, 2_000);
            final UUID b = pool.claimNext(BOB, 1_000, 9_000);
            assertEquals(new ClaimCounts(1, 2, 0, 0, 1), pool.counts(3_000));
            assertEquals(1, pool.expireOverdue(3_000));
            assertEquals(ClaimState.EXPIRED, pool.claim(a).state());
            assertEquals(3_000, pool.claim(a).finishedAtMs());
            assertEquals(ClaimState.CLAIMED, pool.claim(b).state());
            assertEquals(ScoreOutcome.REFUSED, pool.markScored(a, ALICE, 3_500));
            assertEquals(ScoreOutcome.EXPIRED, pool.markScored(b, BOB, 9_001), "late results expire the task");
            final UUID c = pool.claimNext(ALICE, 10_000, 20_000);
            assertTrue(c != null && !c.equals(a) && !c.equals(b));
            assertNull(pool.claimNext(ALICE, 10_000, 20_000), "expired and claimed tasks are never re-issued");
            assertEquals(new ClaimCounts(0, 1, 0, 2, 0), pool.counts(10_000));
        }
    }

    @Test
    void shouldKeepStatesWhenReopened()
    {
        final UUID claimed;
        try (ClaimPool pool = poolWith(4))
        {
            claimed = pool.claimNext(ALICE, 1, 2);
        }
        try (ClaimPool pool = ClaimPool.open(dir.resolve("claims.cmap")))
        {
            assertEquals(4, pool.size());
            assertEquals(new TaskClaim(claimed, ClaimState.CLAIMED, ALICE, 1, 2, 0), pool.claim(claimed));
            final Set<UUID> rest = new HashSet<>();
            UUID id;
            while ((id = pool.claimNext(BOB, 5, 6)) != null)
            {
                rest.add(id);
            }
            assertEquals(3, rest.size());
            assertFalse(rest.contains(claimed));
            assertFalse(pool.add(claimed), "adding an existing task changes nothing");
            assertEquals(ClaimState.CLAIMED, pool.claim(claimed).state());
        }
    }

    @Test
    void shouldRefuseBadHotkeysAndDeadlinesWhenClaiming()
    {
        try (ClaimPool pool = poolWith(1))
        {
            assertThrows(IllegalArgumentException.class, () -> pool.claimNext("", 1, 2));
            assertThrows(IllegalArgumentException.class, () -> pool.claimNext("has space", 1, 2));
            assertThrows(IllegalArgumentException.class, () -> pool.claimNext("x".repeat(65), 1, 2));
            assertThrows(IllegalArgumentException.class, () -> pool.claimNext(ALICE, 5, 5));
            assertEquals(new ClaimCounts(1, 0, 0, 0, 0), pool.counts(0));
        }
    }

    @Test
    void shouldHandEachTaskToOneThreadWhenThreadsClaimConcurrently() throws Exception
    {
        final int tasks = 2_000;
        try (ClaimPool pool = poolWith(tasks))
        {
            final ConcurrentLinkedQueue<UUID> claimed = new ConcurrentLinkedQueue<>();
            final CountDownLatch start = new CountDownLatch(1);
            final List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++)
            {
                final String hotkey = "miner" + t;
                final Thread thread = new Thread(() ->
                {
                    try
                    {
                        start.await();
                    }
                    catch (final InterruptedException e)
                    {
                        return;
                    }
                    UUID id;
                    while ((id = pool.claimNext(hotkey, 1, 2)) != null)
                    {
                        claimed.add(id);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            start.countDown();
            for (final Thread thread : threads)
            {
                thread.join();
            }
            assertEquals(tasks, claimed.size(), "every task claimed exactly once");
            assertEquals(tasks, new HashSet<>(claimed).size(), "no task claimed twice");
            assertEquals(new ClaimCounts(0, tasks, 0, 0, 0), pool.counts(0));
        }
    }

    @Test
    void shouldHandEachTaskToOneProcessWhenProcessesClaimConcurrently() throws Exception
    {
        final int tasks = 3_000;
        poolWith(tasks).close();
        final Path file = dir.resolve("claims.cmap");
        final List<Process> workers = List.of(ChildJvm.start(ClaimWorker.class, file.toString(), "minerA"),
            ChildJvm.start(ClaimWorker.class, file.toString(), "minerB"));
        final List<BufferedReader> outputs = new ArrayList<>();
        for (final Process p : workers)
        {
            final BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.US_ASCII));
            assertEquals("ready", out.readLine());
            outputs.add(out);
        }
        for (final Process p : workers)
        {
            final OutputStream in = p.getOutputStream();
            in.write('\n');
            in.flush();
        }
        final List<Set<UUID>> byWorker = new ArrayList<>();
        for (final BufferedReader out : outputs)
        {
            final Set<UUID> ids = new HashSet<>();
            String line;
            while (!(line = out.readLine()).equals("done"))
            {
                assertTrue(ids.add(UUID.fromString(line)));
            }
            byWorker.add(ids);
        }
        for (final Process p : workers)
        {
            assertEquals(0, p.waitFor());
        }
        final Set<UUID> all = new HashSet<>(byWorker.get(0));
        all.addAll(byWorker.get(1));
        assertEquals(tasks, byWorker.get(0).size() + byWorker.get(1).size(), "no task claimed by both processes");
        assertEquals(tasks, all.size());
        try (ClaimPool pool = ClaimPool.open(file))
        {
            int byA = 0;
            for (final UUID id : byWorker.get(0))
            {
                byA += pool.claim(id).hotkey().equals("minerA") ? 1 : 0;
            }
            assertEquals(byWorker.get(0).size(), byA, "the stored claimant is the process that got the task");
        }
    }
}

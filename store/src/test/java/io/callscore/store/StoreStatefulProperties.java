package io.callscore.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Stateful properties: random sequences of operations (claims, scorings, expiries, EMA and boost updates, commits,
 * discards and reopenings) run against the real store and a plain in-memory model, compared after every step.
 * Each generated int is one operation: its low bits choose the kind, the rest its arguments.
 */
class StoreStatefulProperties
{
    private static final String[] HOTKEYS = {"hkA", "hkB", "hkC"};

    @TempDir
    Path dir;

    private final AtomicInteger example = new AtomicInteger();

    // ---- claim pool ------------------------------------------------------------------------------------------

    @Test
    void shouldBehaveAsTheModelWhenClaimsScoringsExpiriesAndReopeningsInterleave()
    {
        qt().withExamples(40).withShrinkCycles(40)
            .forAll(lists().of(integers().all()).ofSizeBetween(1, 80))
            .checkAssert(this::runClaims);
    }

    private void runClaims(final List<Integer> ops)
    {
        final Path file = dir.resolve("claims-" + example.incrementAndGet() + ".cmap");
        final int tasks = 8;
        final List<UUID> ids = new ArrayList<>();
        final Map<UUID, TaskClaim> model = new HashMap<>();
        ClaimPool pool = ClaimPool.create(file, tasks);
        try
        {
            for (int i = 0; i < tasks; i++)
            {
                final UUID id = new UUID(1, i);
                ids.add(id);
                pool.add(id);
                model.put(id, new TaskClaim(id, ClaimState.AVAILABLE, "", 0, 0, 0));
            }
            long now = 1_000;
            for (final int op : ops)
            {
                final int kind = Math.floorMod(op, 16);
                final int arg = op >>> 4;
                // Small steps and short deadlines, so that scorings and sweeps land on, before and after deadlines.
                now += Math.floorMod(arg >>> 5, 3);
                final long deadline = now + 1 + Math.floorMod(arg >>> 11, 6);
                final UUID task = pickTask(model, ids, arg >>> 2);
                // Mostly the claimant's own hotkey when scoring a claimed task, sometimes another miner's.
                final TaskClaim current = model.get(task);
                final String hotkey = kind >= 6 && kind <= 11 && current.state() == ClaimState.CLAIMED
                    && Math.floorMod(arg, 4) != 0 ? current.hotkey() : HOTKEYS[Math.floorMod(arg, 2)];
                switch (kind)
                {
                    case 0, 1, 2, 3 ->
                    {
                        final UUID got = pool.claimNext(hotkey, now, deadline);
                        final boolean anyAvailable = model.values().stream()
                            .anyMatch(c -> c.state() == ClaimState.AVAILABLE);
                        if (got == null)
                        {
                            assertEquals(false, anyAvailable, "claimNext gave nothing while tasks were available");
                        }
                        else
                        {
                            assertEquals(ClaimState.AVAILABLE, model.get(got).state(), "claimed a non-available task");
                            model.put(got, new TaskClaim(got, ClaimState.CLAIMED, hotkey, now, deadline, 0));
                        }
                    }
                    case 4, 5 ->
                    {
                        final boolean expected = model.get(task).state() == ClaimState.AVAILABLE;
                        assertEquals(expected, pool.tryClaim(task, hotkey, now, deadline));
                        if (expected)
                        {
                            model.put(task, new TaskClaim(task, ClaimState.CLAIMED, hotkey, now, deadline, 0));
                        }
                    }
                    case 6, 7, 8, 9, 10, 11 ->
                    {
                        final TaskClaim c = model.get(task);
                        final ScoreOutcome expected = c.state() != ClaimState.CLAIMED || !c.hotkey().equals(hotkey)
                            ? ScoreOutcome.REFUSED : now > c.deadlineMs() ? ScoreOutcome.EXPIRED : ScoreOutcome.SCORED;
                        assertEquals(expected, pool.markScored(task, hotkey, now));
                        if (expected != ScoreOutcome.REFUSED)
                        {
                            model.put(task, new TaskClaim(task, expected == ScoreOutcome.SCORED ? ClaimState.SCORED
                                : ClaimState.EXPIRED, c.hotkey(), c.claimedAtMs(), c.deadlineMs(), now));
                        }
                    }
                    case 12, 13 ->
                    {
                        int expired = 0;
                        for (final TaskClaim c : List.copyOf(model.values()))
                        {
                            if (c.state() == ClaimState.CLAIMED && c.deadlineMs() < now)
                            {
                                model.put(c.taskId(), new TaskClaim(c.taskId(), ClaimState.EXPIRED, c.hotkey(),
                                    c.claimedAtMs(), c.deadlineMs(), now));
                                expired++;
                            }
                        }
                        assertEquals(expired, pool.expireOverdue(now));
                    }
                    case 14 ->
                    {
                        pool.close();
                        pool = ClaimPool.open(file);
                    }
                    default -> assertEquals(modelCounts(model, now), pool.counts(now));
                }
                for (final UUID id : ids)
                {
                    assertEquals(model.get(id), pool.claim(id));
                }
            }
            assertNull(pool.claim(new UUID(9, 9)));
        }
        finally
        {
            pool.close();
        }
    }

    /** A claimed task when there is one (so scorings meet claims), otherwise any task. */
    private static UUID pickTask(final Map<UUID, TaskClaim> model, final List<UUID> ids, final int choice)
    {
        final List<UUID> claimed = ids.stream().filter(id -> model.get(id).state() == ClaimState.CLAIMED).toList();
        return claimed.isEmpty() || Math.floorMod(choice, 4) == 0 ? ids.get(Math.floorMod(choice >>> 2, ids.size()))
            : claimed.get(Math.floorMod(choice >>> 2, claimed.size()));
    }

    private static ClaimCounts modelCounts(final Map<UUID, TaskClaim> model, final long now)
    {
        final int[] n = new int[5];
        for (final TaskClaim c : model.values())
        {
            n[c.state().code()]++;
            if (c.state() == ClaimState.CLAIMED && c.deadlineMs() < now)
            {
                n[0]++;
            }
        }
        return new ClaimCounts(n[1], n[2], n[3], n[4], n[0]);
    }

    // ---- miner state -----------------------------------------------------------------------------------------

    @Test
    void shouldBehaveAsTheModelWhenUpdatesCommitsDiscardsAndReopeningsInterleave()
    {
        qt().withExamples(60).withShrinkCycles(100)
            .forAll(lists().of(integers().all()).ofSizeBetween(1, 80))
            .checkAssert(this::runMinerState);
    }

    private void runMinerState(final List<Integer> ops)
    {
        final Path stateDir = dir.resolve("state-" + example.incrementAndGet());
        final int uids = 4;
        final int ring = 3;
        MinerStateModel working = new MinerStateModel(uids, ring);
        MinerStateModel committed = working.copy();
        MinerStateFile state = MinerStateFile.create(stateDir, uids, ring);
        try
        {
            long round = 0;
            for (final int op : ops)
            {
                final int kind = Math.floorMod(op, 8);
                final int arg = op >>> 3;
                final int uid = Math.floorMod(arg, uids);
                final double value = Math.floorMod(arg >>> 2, 1000) / 1000.0;
                switch (kind)
                {
                    case 0 ->
                    {
                        final String hotkey = HOTKEYS[Math.floorMod(arg >>> 2, HOTKEYS.length)];
                        state.register(uid, hotkey);
                        working.register(uid, hotkey);
                    }
                    case 1 ->
                    {
                        state.recordScore(uid, value, round + 1);
                        working.recordScore(uid, value, round + 1);
                    }
                    case 2 ->
                    {
                        state.ema(uid, value);
                        working.miners[uid].ema = value;
                    }
                    case 3 ->
                    {
                        state.boost(uid, value, round + 1);
                        working.miners[uid].boostValue = value;
                        working.miners[uid].boostStart = round + 1;
                    }
                    case 4, 5 ->
                    {
                        round += 1 + Math.floorMod(arg, 3);
                        state.commit(round);
                        working.round = round;
                        committed = working.copy();
                    }
                    case 6 ->
                    {
                        state.discard();
                        working = committed.copy();
                    }
                    default ->
                    {
                        state.close();
                        if (Math.floorMod(arg, 2) != 0)
                        {
                            // A reader sees the committed state only.
                            try (MinerStateFile reader = MinerStateFile.openReadOnly(stateDir))
                            {
                                assertEquals(committed.describe(), MinerStateModel.describe(reader));
                            }
                        }
                        state = MinerStateFile.open(stateDir);
                        working = committed.copy();
                    }
                }
                assertEquals(working.describe(), MinerStateModel.describe(state));
                assertEquals(committed.round, state.committedRound());
            }
            assertNotNull(state.file());
        }
        finally
        {
            state.close();
        }
    }
}

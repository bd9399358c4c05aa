package io.callscore.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolRecoveryTest
{
    private static final int TASKS = 40;

    @TempDir
    Path dir;

    @Test
    void shouldReleaseALockLeftByAKilledProcessAndKeepEveryClaimWhenRecovered() throws Exception
    {
        final Path pool = dir.resolve("pool");
        try (Pool p = Pool.create(pool, StoreSizing.forMeasured(TASKS, TASKS * 300L, TASKS, 300, 0.25)))
        {
            for (int i = 0; i < TASKS; i++)
            {
                p.claims().add(new UUID(7, i));
            }
            assertTrue(p.claims().tryClaim(new UUID(7, 0), "hkA", 1_000, 2_000));
            assertTrue(p.claims().tryClaim(new UUID(7, 1), "hkB", 1_000, 2_000));
            assertEquals(ScoreOutcome.SCORED, p.claims().markScored(new UUID(7, 1), "hkB", 1_500));
        }
        final Process holder = ChildJvm.start(ClaimLockHolder.class, pool.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
            StandardCharsets.US_ASCII)))
        {
            assertEquals("holding", out.readLine());
            holder.toHandle().destroyForcibly();
            holder.waitFor();
        }

        // Without this, the next open waits a minute on the dead process's lock and fails.
        Pool.recoverClaims(pool);

        try (Pool p = Pool.open(pool))
        {
            final ClaimCounts counts = p.claims().counts(1_200);
            assertEquals(TASKS - 2, counts.available());
            assertEquals(1, counts.claimed());
            assertEquals(1, counts.scored());
            assertEquals("hkA", p.claims().claim(new UUID(7, 0)).hotkey());
            assertTrue(p.claims().tryClaim(new UUID(7, 2), "hkC", 1_000, 2_000));
            assertEquals(ScoreOutcome.SCORED, p.claims().markScored(new UUID(7, 0), "hkA", 1_900));
        }
    }

    @Test
    void shouldSayWhichFileWhenThereIsNoPoolToRecover() throws Exception
    {
        Files.createDirectories(dir.resolve("empty"));
        final StoreException e = assertThrows(StoreException.class, () -> Pool.recoverClaims(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("no pool.json"), e.getMessage());
    }
}

package io.callscore.engine.round;

import io.callscore.store.StoreException;
import io.callscore.store.TaskMetadata;
import io.callscore.store.TruthRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskSourceTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDrawAtMostOneTaskPerSourceWindowAndNeverOneAlreadyClaimedWhenSampling() throws Exception
    {
        // 12 tasks, 3 per source window: 4 windows.
        final Path pool = RoundFixture.buildPool(dir.resolve("pool"), 12, 3, 3);
        try (TaskSource tasks = TaskSource.open(pool))
        {
            final SplittableRandom random = new SplittableRandom(1);
            final Set<UUID> handedOut = new HashSet<>();
            for (int round = 0; round < 3; round++)
            {
                final List<UUID> sample = tasks.sample(12, random);
                assertEquals(4, sample.size(), "one task from each of the 4 windows");
                final Set<String> windows = new HashSet<>();
                for (final UUID id : sample)
                {
                    assertTrue(windows.add(window(tasks, id)), "two tasks of one window in a round");
                    assertFalse(handedOut.contains(id), "a claimed task was drawn again");
                    assertTrue(tasks.claim(id, RoundFixture.HONEST, 1_000, 2_000));
                    handedOut.add(id);
                }
                assertEquals(12 - handedOut.size(), tasks.availableCount());
            }
            assertEquals(0, tasks.sample(12, random).size(), "the pool is dry");
            assertFalse(tasks.claim(handedOut.iterator().next(), RoundFixture.WRONG, 1_000, 2_000),
                "a claimed task is never claimed again");
        }
    }

    @Test
    void shouldRefuseASecondValidatorOnThePoolUntilTheFirstCloses() throws Exception
    {
        final Path pool = RoundFixture.buildPool(dir.resolve("pool"), 4, 5);
        try (TaskSource first = TaskSource.openForValidator(pool))
        {
            assertEquals(4, first.availableCount());
            final StoreException e = assertThrows(StoreException.class, () -> TaskSource.openForValidator(pool));
            assertEquals(pool.resolve(TaskSource.VALIDATOR_LOCK) + ": another validator in this process serves this "
                + "pool", e.getMessage());
        }
        try (TaskSource again = TaskSource.openForValidator(pool))
        {
            assertEquals(4, again.availableCount());
        }
    }

    private static String window(final TaskSource tasks, final UUID id)
    {
        final TruthRecord record = new TruthRecord();
        assertTrue(tasks.pool().truth().lookup(id, record));
        final TaskMetadata m = record.metadata();
        return m.genome() + "|" + m.region();
    }
}

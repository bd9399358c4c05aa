package io.callscore.engine.round;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskSourceTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPreferWindowsNotDispatchedWithinTheLookBackAndFallBackWhenTooFewAreFresh() throws Exception
    {
        // 12 tasks: 6 source windows with 2 coverages each.
        final Path pool = RoundFixture.buildPool(dir.resolve("pool"), 12, 5, 2);
        try (TaskSource tasks = TaskSource.open(pool))
        {
            final SplittableRandom random = new SplittableRandom(1);
            final List<UUID> first = tasks.sample(4, random, 1, 20);
            assertEquals(4, first.size());
            final Set<String> used = new HashSet<>();
            for (final UUID id : first)
            {
                assertTrue(used.add(tasks.load(id, "GRCh38").metadata().region()), "one task per window per round");
                tasks.noteDispatched(id, 1);
            }
            // Two fresh windows are left: they come first, then recently used ones fill the round.
            final List<UUID> second = tasks.sample(4, random, 2, 20);
            assertEquals(4, second.size());
            final Set<String> fresh = new HashSet<>();
            for (int i = 0; i < 2; i++)
            {
                fresh.add(tasks.load(second.get(i), "GRCh38").metadata().region());
            }
            for (final String region : fresh)
            {
                assertTrue(!used.contains(region), "fresh windows first: " + region);
            }
            // Past the look-back every window is fresh again.
            final List<UUID> later = tasks.sample(6, random, 30, 20);
            assertEquals(6, later.size());
        }
    }

    @Test
    void shouldRememberWhichWindowsEachHotkeyWasGivenAcrossReopening() throws Exception
    {
        // 4 tasks: 2 source windows with 2 coverages each (consecutive tasks share a window).
        final Path pool = RoundFixture.buildPool(dir.resolve("pool"), 4, 9, 2);
        final List<UUID> all;
        try (TaskSource tasks = TaskSource.open(pool))
        {
            all = tasks.sample(4, new SplittableRandom(2), 1, 0);
        }
        try (TaskSource tasks = TaskSource.open(pool))
        {
            final UUID given = all.getFirst();
            assertTrue(tasks.claim(given, "hotkeyA", 0, 1_000));
        }
        try (TaskSource tasks = TaskSource.open(pool))
        {
            final String window = tasks.load(all.getFirst(), "GRCh38").metadata().region();
            int twins = 0;
            for (final UUID id : tasks.sample(4, new SplittableRandom(3), 2, 0))
            {
                final boolean sameWindow = tasks.load(id, "GRCh38").metadata().region().equals(window);
                assertEquals(sameWindow, tasks.windowSeenBy("hotkeyA", id), id.toString());
                assertTrue(!tasks.windowSeenBy("hotkeyB", id));
                twins += sameWindow ? 1 : 0;
            }
            assertEquals(1, twins, "the other coverage of the given window is still available");
        }
    }
}

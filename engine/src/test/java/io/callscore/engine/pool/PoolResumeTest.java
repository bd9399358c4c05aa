package io.callscore.engine.pool;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An interrupted build resumes without redoing finished windows; another genome label adds to the pool. */
class PoolResumeTest
{
    @TempDir
    Path tmp;

    private static PoolBuildOptions options(final PoolFixture f, final Path out, final String genome,
        final int windows)
    {
        return PoolBuildOptions.defaults(f.reference, f.truth, f.confident, null, genome, out)
            .withWindows(windows, 12_000).withCoverages(List.of(20, 5)).withSpikes(4, 2, 0.03)
            .withSimulation(true, 150, 400, 50, 0.002).withOutput("standard", 1000, 1, false).withThreads(1);
    }

    /** Fails on the n-th window, as a crash after some windows would. */
    private static final class FailingSink implements PoolSink
    {
        private final PoolSink delegate;
        private int left;

        FailingSink(final PoolSink delegate, final int windowsBeforeFailure)
        {
            this.delegate = delegate;
            this.left = windowsBeforeFailure;
        }

        @Override
        public boolean isComplete(final String genome, final int window)
        {
            return delegate.isComplete(genome, window);
        }

        @Override
        public void addWindow(final String genome, final Window window, final List<PoolTask> tasks)
        {
            if (left-- == 0)
            {
                throw new IllegalStateException("interrupted");
            }
            delegate.addWindow(genome, window, tasks);
        }
    }

    private static List<String> liveWorkers()
    {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
            .map(Thread::getName).filter("pool-window"::equals).toList();
    }

    @Test
    void shouldBuildTheSameWindowsOnSeveralThreadsAsOnOne() throws IOException, InterruptedException
    {
        final PoolFixture f = PoolFixture.simulated();
        final Path one = tmp.resolve("ONE");
        final Path three = tmp.resolve("THREE");
        new PoolBuilder(options(f, one, "HG001", 3), FilePoolSink.open(one), null).run();
        final PoolBuilder.Summary s = new PoolBuilder(options(f, three, "HG001", 3).withThreads(3),
            FilePoolSink.open(three), null).run();
        assertEquals(3, s.windowsBuilt());
        final List<JsonNode> a = PoolTestSupport.manifest(one);
        final List<JsonNode> b = PoolTestSupport.manifest(three);
        assertEquals(6, b.size());
        // Task ids and read names are fresh secrets; everything drawn from the seed is the same.
        for (final JsonNode t : a)
        {
            final JsonNode u = b.stream().filter(x -> x.get("region").equals(t.get("region"))
                && x.get("coverage").equals(t.get("coverage"))).findFirst().orElseThrow();
            for (final String field : List.of("truthRecords", "spikedSnvs", "spikedIndels", "reverted", "reads"))
            {
                assertEquals(t.get(field), u.get(field), field + " of " + t.get("region"));
            }
            assertEquals(Files.readString(one.resolve(t.get("edits").asText())),
                Files.readString(three.resolve(u.get("edits").asText())));
        }
    }

    @Test
    void shouldResumeAfterTheLastFinishedWindowAndAddAnotherGenome() throws IOException, InterruptedException
    {
        final PoolFixture f = PoolFixture.simulated();
        final Path pool = tmp.resolve("POOL");
        // The last window fails (with one worker, no other window can be under way and finish first).
        assertThrows(IllegalStateException.class, () -> new PoolBuilder(options(f, pool, "HG001", 3),
            new FailingSink(FilePoolSink.open(pool), 2), null).run());
        // The failed build's workers are joined: nothing of it is left running to write into the staging folder
        // that the resumed build clears.
        assertEquals(List.of(), liveWorkers());
        final List<JsonNode> first = PoolTestSupport.manifest(pool);
        assertEquals(4, first.size(), "two windows, two coverages");
        // Leftovers of the interrupted window: a moved task folder the manifest does not list.
        final long tasksBefore;
        try (var s = Files.list(pool.resolve("tasks")))
        {
            tasksBefore = s.count();
        }
        assertEquals(6, tasksBefore);
        final Path orphan = Files.createDirectories(pool.resolve("tasks").resolve(UUID.randomUUID().toString()));

        final PoolBuilder.Summary resumed = new PoolBuilder(options(f, pool, "HG001", 3), FilePoolSink.open(pool),
            null).run();
        assertEquals(3, resumed.windowsPlanned());
        assertEquals(2, resumed.windowsSkipped());
        assertEquals(1, resumed.windowsBuilt());
        assertFalse(Files.exists(orphan));
        final List<JsonNode> all = PoolTestSupport.manifest(pool);
        assertEquals(6, all.size());
        assertTrue(all.containsAll(first), "the finished window was not redone");
        try (var s = Files.list(pool.resolve("tasks")))
        {
            assertEquals(6, s.count(), "orphans of the interrupted window are gone");
        }
        assertEquals(3, all.stream().map(t -> t.get("region").asText()).distinct().count());

        final PoolBuilder.Summary again = new PoolBuilder(options(f, pool, "HG001", 3), FilePoolSink.open(pool),
            null).run();
        assertEquals(0, again.windowsBuilt());
        assertEquals(3, again.windowsSkipped());

        new PoolBuilder(options(f, pool, "HG002", 1), FilePoolSink.open(pool), null).run();
        final List<JsonNode> both = PoolTestSupport.manifest(pool);
        assertEquals(8, both.size());
        assertEquals(Set.of("HG001", "HG002"), both.stream().map(t -> t.get("genome").asText())
            .collect(Collectors.toSet()));
        for (final JsonNode t : both)
        {
            assertTrue(Files.isDirectory(pool.resolve(t.get("dataLocator").asText())));
            assertTrue(Files.isRegularFile(pool.resolve(t.get("truth").asText())));
        }
    }
}

package io.callscore.bench.store;

import io.callscore.store.Pool;
import io.callscore.store.StoreSizing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Opening (and closing) a built pool of 10,000 tasks the way a validator does at start-up: read pool.json, check
 * the files, map the truth and claim maps, and scan the claims for available tasks. Target: 100 ms. Chronicle's
 * one-off class initialisation in a fresh JVM (about a second) falls in the warm-up, not in the score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PoolOpenBenchmark
{
    @Param({"10000"})
    int tasks;

    @Param({"3000"})
    int variantsPerTask;

    private Path dir;

    @Setup(Level.Trial)
    public void build()
    {
        dir = BenchmarkFiles.newDirectory("callscore-open");
        final byte[] record = SyntheticTruth.record(1, variantsPerTask);
        try (Pool pool = Pool.create(dir, StoreSizing.forMeasured(tasks, (long)record.length * tasks, tasks,
            record.length, StoreSizing.DEFAULT_HEADROOM)))
        {
            for (int t = 0; t < tasks; t++)
            {
                pool.addTask(new UUID(0x99, t * 0x9E3779B97F4A7C15L), record);
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete()
    {
        BenchmarkFiles.delete(dir);
    }

    @Benchmark
    public int openAndClose()
    {
        try (Pool pool = Pool.open(dir))
        {
            return pool.claims().size();
        }
    }
}

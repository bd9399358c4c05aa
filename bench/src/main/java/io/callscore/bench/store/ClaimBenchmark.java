package io.callscore.bench.store;

import io.callscore.store.ClaimPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Claims from a persisted claim pool. A task can be claimed once, so each iteration gets a fresh pool of
 * {@link #BATCH} available tasks and claims every one of them: the score is the time of {@value #BATCH} claims
 * (single-shot batches), so one claim costs score / {@value #BATCH}. Target: 20 µs per claim.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, batchSize = ClaimBenchmark.BATCH)
@Measurement(iterations = 10, batchSize = ClaimBenchmark.BATCH)
@Fork(1)
public class ClaimBenchmark
{
    static final int BATCH = 10_000;

    private Path dir;
    private ClaimPool pool;
    private long now = 1_000;

    @Setup(Level.Iteration)
    public void fill()
    {
        dir = BenchmarkFiles.newDirectory("callscore-claims");
        pool = ClaimPool.create(dir.resolve("claims.cmap"), BATCH);
        for (int i = 0; i < BATCH; i++)
        {
            pool.add(new UUID(0x77, i * 0x9E3779B97F4A7C15L));
        }
    }

    @TearDown(Level.Iteration)
    public void close()
    {
        pool.close();
        BenchmarkFiles.delete(dir);
    }

    @Benchmark
    public UUID claim()
    {
        now++;
        final UUID id = pool.claimNext("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", now, now + 600_000);
        if (id == null)
        {
            throw new IllegalStateException("pool exhausted: the batch is larger than the pool");
        }
        return id;
    }
}

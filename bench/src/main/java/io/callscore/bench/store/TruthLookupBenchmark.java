package io.callscore.bench.store;

import io.callscore.store.Pool;
import io.callscore.store.StoreSizing;
import io.callscore.store.TruthRecord;
import io.callscore.store.TruthStore;
import io.callscore.vcf.VariantSet;
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
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Truth lookups from a persisted pool: {@code lookup} copies a stored record into a reused holder and reads it in
 * place (the allocation-free path; target 50 µs for a 3,000-variant window, 0 B/op); {@code lookupAndDecode} also
 * builds the comparator's {@link VariantSet} and regions from it (what scoring a task costs before the
 * comparison; it allocates the set by design).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TruthLookupBenchmark
{
    private static final int TASKS = 256;

    @Param({"3000"})
    int variants;

    private Path dir;
    private Pool pool;
    private TruthStore truth;
    private long[] ids;

    /** Per-thread holder and cursor, so that a lookup reuses its holder as a scorer thread would. */
    @State(Scope.Thread)
    public static class Reader
    {
        final TruthRecord holder = new TruthRecord();
        int next;
    }

    @Setup(Level.Trial)
    public void build()
    {
        dir = BenchmarkFiles.newDirectory("callscore-lookup");
        final byte[] sample = SyntheticTruth.record(0, variants);
        try (Pool created = Pool.create(dir, StoreSizing.forMeasured(TASKS, (long)sample.length * TASKS, TASKS,
            sample.length, StoreSizing.DEFAULT_HEADROOM)))
        {
            ids = new long[2 * TASKS];
            for (int t = 0; t < TASKS; t++)
            {
                final UUID id = new UUID(0x1234, t * 0x9E3779B97F4A7C15L);
                ids[2 * t] = id.getMostSignificantBits();
                ids[2 * t + 1] = id.getLeastSignificantBits();
                created.addTask(id, t == 0 ? sample : SyntheticTruth.record(t, variants));
            }
        }
        pool = Pool.open(dir);
        truth = pool.truth();
    }

    @TearDown(Level.Trial)
    public void close()
    {
        pool.close();
        BenchmarkFiles.delete(dir);
    }

    @Benchmark
    public void lookup(final Reader reader, final Blackhole blackhole)
    {
        final int t = reader.next;
        reader.next = (t + 1) & (TASKS - 1);
        final TruthRecord holder = reader.holder;
        blackhole.consume(truth.lookup(ids[2 * t], ids[2 * t + 1], holder));
        final TruthRecord.Contig contig = holder.contig(0);
        blackhole.consume(contig.start(contig.variantCount() - 1));
        blackhole.consume(holder.coverage());
    }

    @Benchmark
    public void lookupAndDecode(final Reader reader, final Blackhole blackhole)
    {
        final int t = reader.next;
        reader.next = (t + 1) & (TASKS - 1);
        final TruthRecord holder = reader.holder;
        truth.lookup(ids[2 * t], ids[2 * t + 1], holder);
        blackhole.consume(holder.toVariantSet());
    }
}

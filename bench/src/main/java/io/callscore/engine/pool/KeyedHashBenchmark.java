package io.callscore.engine.pool;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The keyed hash a pool build runs on every source read (the downsampling draw) and on every delivered read (its
 * fresh name), over 1,024 read names of a typical length: 20 characters (the bench BAM's) or 40 (Illumina's
 * {@code instrument:run:flowcell:lane:tile:x:y}). The score is names per second. Lives in the engine's package
 * because {@link KeyedHash} is package-private.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar KeyedHash -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx256m"})
public class KeyedHashBenchmark
{
    private static final int NAMES = 1024;

    @Param({"20", "40"})
    public int nameLength;

    private KeyedHash key;
    private byte[][] names;
    private byte[] out;

    @Setup
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(7);
        key = KeyedHash.derived(3, 5);
        names = new byte[NAMES][];
        for (int i = 0; i < NAMES; i++)
        {
            final StringBuilder name = new StringBuilder();
            while (name.length() < nameLength)
            {
                name.append(Integer.toHexString(random.nextInt()));
            }
            names[i] = name.substring(0, nameLength).getBytes(StandardCharsets.US_ASCII);
        }
        out = new byte[KeyedHash.NAME_LENGTH];
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(NAMES)
    public void hash(final Blackhole bh)
    {
        for (final byte[] name : names)
        {
            bh.consume(key.hash(name, 0, name.length));
        }
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(NAMES)
    public void rename(final Blackhole bh)
    {
        for (final byte[] name : names)
        {
            key.rename(name, 0, name.length, out, 0);
            bh.consume(out[0]);
        }
    }
}

package io.callscore.bench.compare;

import io.callscore.compare.BatchComparison;
import io.callscore.compare.CompareOptions;
import io.callscore.engine.synthetic.SyntheticCallSets;
import io.callscore.vcf.ReferenceGenome;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Batch scoring as {@code callscore compare --batch} does it: {@code windows} cases of a 2 Mb window (~3,000 truth
 * variants, calls ~97% accurate) on {@code threads} threads, results in input order. One op = the whole batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class BatchBenchmark
{
    @Param({"1000"})
    int windows;

    @Param({"2"})
    int threads;

    private List<BatchComparison.Case> cases;

    @Setup(Level.Trial)
    public void setUp()
    {
        final ReferenceGenome reference = CompareData.reference();
        // 20 distinct windows, reused: the cost of a case does not depend on having seen its files before.
        final List<SyntheticCallSets.Written> distinct = new ArrayList<>();
        for (int i = 0; i < 20; i++)
        {
            distinct.add(CompareData.pair(reference, 3000, 100 + i));
        }
        final Path ref = Path.of(System.getProperty("callscore.bench.reference", "examples/ref.fa.gz"))
            .toAbsolutePath();
        cases = new ArrayList<>(windows);
        for (int i = 0; i < windows; i++)
        {
            final SyntheticCallSets.Written w = distinct.get(i % distinct.size());
            cases.add(new BatchComparison.Case("w" + i, w.truth(), w.calls(), ref, w.regions(), i + 1));
        }
    }

    @Benchmark
    public void batch(final Blackhole bh)
    {
        new BatchComparison(CompareOptions.defaults()).run(cases, threads, bh::consume);
    }
}

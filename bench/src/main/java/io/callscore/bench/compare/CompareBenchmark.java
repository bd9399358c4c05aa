package io.callscore.bench.compare;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.ComparisonWorkspace;
import io.callscore.compare.VcfComparator;
import io.callscore.engine.synthetic.SyntheticCallSets;
import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.VariantLoader;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Reading and comparing one window: {@code parse} loads the calls VCF (bytes per op in the docs give MB/s),
 * {@code compare} compares loaded sets (variants per op give variants/s) reusing one {@link ComparisonWorkspace} as a
 * batch worker does, {@code compareFresh} the same with fresh result columns and search pools per comparison (the
 * plain API), {@code loadAndCompare} does both as the scorer does. {@code variants} is the truth size: 3,000 is a
 * 2 Mb window, 100,000 the whole-pair figure (use the 20 Mb reference for that). Allocation per op: run with
 * {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CompareBenchmark
{
    @Param({"3000", "100000"})
    int variants;

    private ReferenceGenome reference;
    private SyntheticCallSets.Written pair;
    private VariantSet truth;
    private VariantSet calls;
    private final CompareOptions options = CompareOptions.defaults();
    private final ComparisonWorkspace workspace = new ComparisonWorkspace();

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        reference = CompareData.reference();
        for (final String c : reference.names())
        {
            reference.bases(c);
        }
        pair = CompareData.pair(reference, variants, 7);
        truth = VariantLoader.load(pair.truth(), reference, null, LoadOptions.defaults());
        calls = VariantLoader.load(pair.calls(), reference, null, LoadOptions.defaults());
        System.out.printf("%n[data] truth %d records, calls %d records, calls file %d bytes (bgzip)%n",
            pair.truthRecords(), pair.callRecords(), Files.size(pair.calls()));
    }

    @Benchmark
    public VariantSet parse()
    {
        return VariantLoader.load(pair.calls(), reference, null, LoadOptions.defaults());
    }

    @Benchmark
    public ComparisonResult compare()
    {
        return VcfComparator.compare(truth, calls, reference, options, workspace);
    }

    @Benchmark
    public ComparisonResult compareFresh()
    {
        return VcfComparator.compare(truth, calls, reference, options);
    }

    @Benchmark
    public void loadAndCompare(final Blackhole bh)
    {
        bh.consume(VcfComparator.compare(pair.truth(), pair.calls(), reference, null, options));
    }
}

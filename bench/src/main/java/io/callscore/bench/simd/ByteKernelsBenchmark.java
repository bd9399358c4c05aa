package io.callscore.bench.simd;

import io.callscore.vcf.simd.ByteKernels;
import io.callscore.vcf.simd.ScalarByteKernels;
import io.callscore.vcf.simd.VectorizationProvider;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Each {@link ByteKernels} operation twice, {@code xScalar} (the plain loops) against {@code xVector} (the Vector
 * API), on the same data: a small size (a short VCF record) and 64 KB (a read buffer, a FASTA stretch). Inputs
 * are built once, held in non-final fields (JMH sample 10) and results go to a {@link Blackhole} (sample 09).
 * Searches put the byte sought at the very end, so both variants scan the whole input; {@code -prof gc} shows
 * the kernels allocate nothing.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'simd' -prof gc}; BenchmarkMain appends
 * {@code config/jvm.args}, which loads {@code jdk.incubator.vector} in every fork.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class ByteKernelsBenchmark
{
    /** One VCF record, repeated to fill the text inputs: 9 tabs in 70 bytes, like a one-sample file. */
    private static final String RECORD = "chr20\t1234567\t.\tA\tG\t50\tPASS\tDP=35;AF=0.5\tGT:AD:DP\t0/1:20,15:35\n";
    private static final byte TAB = '\t';
    private static final byte NEWLINE = '\n';
    private static final byte[] SOFT_MASKED_BASES = "ACGTACGTacgt".getBytes(StandardCharsets.US_ASCII);

    @Param({"133", "65536"})
    public int size;

    private ByteKernels scalar;
    private ByteKernels vector;
    /** VCF records; the tab counts and tab positions come from here. */
    private byte[] records;
    /** The records with every newline but the last byte's blanked: one long line to find the end of. */
    private byte[] oneLine;
    /** FASTA sequence, upper case with soft-masked (lower case) stretches. */
    private byte[] ascii;
    private byte[] codes;
    private byte[] haplotype;
    private byte[] sameHaplotype;
    private int[] tabs;
    private Arena arena;
    private MemorySegment mappedLine;
    private MemorySegment mappedAscii;

    @Setup
    public void setUp()
    {
        scalar = new ScalarByteKernels();
        vector = VectorizationProvider.byteKernels();
        if (vector instanceof ScalarByteKernels)
        {
            throw new IllegalStateException("the vector kernels are not active; run through benchmarks.jar's main, "
                + "which adds --add-modules=jdk.incubator.vector");
        }
        final byte[] text = RECORD.repeat(size / RECORD.length() + 1).getBytes(StandardCharsets.US_ASCII);
        records = Arrays.copyOf(text, size);
        oneLine = records.clone();
        for (int i = 0; i < size; i++)
        {
            if (oneLine[i] == NEWLINE)
            {
                oneLine[i] = ' ';
            }
        }
        oneLine[size - 1] = NEWLINE;
        final SplittableRandom random = new SplittableRandom(42);
        ascii = new byte[size];
        for (int i = 0; i < size; i++)
        {
            ascii[i] = SOFT_MASKED_BASES[random.nextInt(SOFT_MASKED_BASES.length)];
        }
        codes = new byte[size];
        haplotype = new byte[size];
        scalar.encodeBases(ascii, 0, size, haplotype, 0);
        sameHaplotype = haplotype.clone();
        tabs = new int[size];
        arena = Arena.ofShared();
        mappedLine = arena.allocate(size, 64);
        MemorySegment.copy(oneLine, 0, mappedLine, ValueLayout.JAVA_BYTE, 0, size);
        mappedAscii = arena.allocate(size, 64);
        MemorySegment.copy(ascii, 0, mappedAscii, ValueLayout.JAVA_BYTE, 0, size);
    }

    @TearDown
    public void tearDown()
    {
        arena.close();
    }

    @Benchmark
    public void indexOfScalar(final Blackhole bh)
    {
        bh.consume(scalar.indexOf(oneLine, 0, size, NEWLINE));
    }

    @Benchmark
    public void indexOfVector(final Blackhole bh)
    {
        bh.consume(vector.indexOf(oneLine, 0, size, NEWLINE));
    }

    @Benchmark
    public void indexOfSegmentScalar(final Blackhole bh)
    {
        bh.consume(scalar.indexOf(mappedLine, 0, size, NEWLINE));
    }

    @Benchmark
    public void indexOfSegmentVector(final Blackhole bh)
    {
        bh.consume(vector.indexOf(mappedLine, 0, size, NEWLINE));
    }

    @Benchmark
    public void countOfScalar(final Blackhole bh)
    {
        bh.consume(scalar.countOf(records, 0, size, TAB));
    }

    @Benchmark
    public void countOfVector(final Blackhole bh)
    {
        bh.consume(vector.countOf(records, 0, size, TAB));
    }

    @Benchmark
    public void countOfSegmentScalar(final Blackhole bh)
    {
        bh.consume(scalar.countOf(mappedLine, 0, size, TAB));
    }

    @Benchmark
    public void countOfSegmentVector(final Blackhole bh)
    {
        bh.consume(vector.countOf(mappedLine, 0, size, TAB));
    }

    @Benchmark
    public void indexesOfScalar(final Blackhole bh)
    {
        bh.consume(scalar.indexesOf(records, 0, size, TAB, tabs));
    }

    @Benchmark
    public void indexesOfVector(final Blackhole bh)
    {
        bh.consume(vector.indexesOf(records, 0, size, TAB, tabs));
    }

    @Benchmark
    public void encodeBasesScalar(final Blackhole bh)
    {
        bh.consume(scalar.encodeBases(ascii, 0, size, codes, 0));
    }

    @Benchmark
    public void encodeBasesVector(final Blackhole bh)
    {
        bh.consume(vector.encodeBases(ascii, 0, size, codes, 0));
    }

    @Benchmark
    public void encodeBasesSegmentScalar(final Blackhole bh)
    {
        bh.consume(scalar.encodeBases(mappedAscii, 0, size, codes, 0));
    }

    @Benchmark
    public void encodeBasesSegmentVector(final Blackhole bh)
    {
        bh.consume(vector.encodeBases(mappedAscii, 0, size, codes, 0));
    }

    @Benchmark
    public void mismatchScalar(final Blackhole bh)
    {
        bh.consume(scalar.mismatch(haplotype, 0, sameHaplotype, 0, size));
    }

    @Benchmark
    public void mismatchVector(final Blackhole bh)
    {
        bh.consume(vector.mismatch(haplotype, 0, sameHaplotype, 0, size));
    }

    /** The JDK's own intrinsic, for scale: what a caller gets from {@code Arrays.mismatch} without our kernels. */
    @Benchmark
    public void mismatchJdk(final Blackhole bh)
    {
        bh.consume(Arrays.mismatch(haplotype, 0, size, sameHaplotype, 0, size));
    }
}

package io.callscore.bench.compare;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.ComparisonWorkspace;
import io.callscore.compare.Counts;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Compares one loaded pair many times and prints, per comparison, wall time, CPU time of the comparing thread and
 * bytes it allocated: the steady-state allocation and CPU figures of docs/performance.md, readable on a shared
 * machine where JMH's wall times scatter.
 *
 * <p>Arguments: reference, truth VCF, calls VCF, repetitions, and optionally {@code workspace} to reuse one
 * {@link ComparisonWorkspace} (as a batch worker does) instead of the plain API.
 */
public final class CompareAllocation
{
    private CompareAllocation()
    {
    }

    public static void main(final String[] args)
    {
        if (args.length < 4)
        {
            System.err.println("usage: CompareAllocation REF.fa TRUTH.vcf.gz CALLS.vcf.gz REPETITIONS [workspace]");
            System.exit(2);
        }
        final ReferenceGenome reference = ReferenceGenome.open(Path.of(args[0]));
        for (final String c : reference.names())
        {
            reference.bases(c);
        }
        final VariantSet truth = VariantLoader.load(Path.of(args[1]), reference, null, LoadOptions.defaults());
        final VariantSet calls = VariantLoader.load(Path.of(args[2]), reference, null, LoadOptions.defaults());
        final int repetitions = Integer.parseInt(args[3]);
        final ComparisonWorkspace workspace = args.length > 4 && args[4].equals("workspace")
            ? new ComparisonWorkspace() : null;
        final CompareOptions options = CompareOptions.defaults();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (int i = 0; i < repetitions; i++)
        {
            final long bytes0 = threads.getCurrentThreadAllocatedBytes();
            final long cpu0 = threads.getCurrentThreadCpuTime();
            final long wall0 = System.nanoTime();
            final ComparisonResult r = workspace == null ? VcfComparator.compare(truth, calls, reference, options)
                : VcfComparator.compare(truth, calls, reference, options, workspace);
            final long wall1 = System.nanoTime();
            final long cpu1 = threads.getCurrentThreadCpuTime();
            final long bytes1 = threads.getCurrentThreadAllocatedBytes();
            final Counts.ClassCounts total = r.counts().total();
            System.out.printf("iter %d: %.3f ms cpu %.3f ms, %d B, tp %d fp %d fn %d%n", i, (wall1 - wall0) / 1e6,
                (cpu1 - cpu0) / 1e6, bytes1 - bytes0, total.tpBase(), total.fp(), total.fn());
        }
    }
}

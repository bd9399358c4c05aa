package io.callscore.compare;

import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares a call set with a truth set as RTG vcfeval 3.12.1 does (docs/semantics.md): haplotype replay path
 * search per contig, TP/FP/FN counted by record and split into SNP and INDEL classes.
 *
 * <p>Contigs are independent, so a single comparison can use several threads (both files loaded at once, contigs
 * evaluated in parallel); results are assembled in reference order, so they do not depend on the thread count.
 * Batch scoring runs one case per thread instead, and can pass each thread's {@link ComparisonWorkspace} so that
 * comparisons reuse their memory.
 */
public final class VcfComparator
{
    private VcfComparator()
    {
    }

    /** Loads both VCFs and compares them on the calling thread; {@code evalRegions} may be null. */
    public static ComparisonResult compare(final Path truth, final Path calls, final ReferenceGenome reference,
        final RegionSet evalRegions, final CompareOptions options)
    {
        return compare(truth, calls, reference, evalRegions, options, 1);
    }

    /** As above, on up to {@code threads} threads. */
    public static ComparisonResult compare(final Path truth, final Path calls, final ReferenceGenome reference,
        final RegionSet evalRegions, final CompareOptions options, final int threads)
    {
        if (threads <= 1)
        {
            return compare(truth, calls, reference, evalRegions, options, new ComparisonWorkspace());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(2, daemon()))
        {
            final Future<VariantSet> baseline = pool.submit(
                () -> VariantLoader.load(truth, reference, evalRegions, options.baselineLoad()));
            final VariantSet called = VariantLoader.load(calls, reference, evalRegions, options.callLoad());
            return compare(join(baseline), called, reference, options, ContigEvaluator.FAST_PATH, threads,
                new ComparisonWorkspace());
        }
    }

    /**
     * Loads both VCFs and compares them on the calling thread, reusing {@code workspace}: the result is valid until
     * the workspace's next comparison.
     */
    public static ComparisonResult compare(final Path truth, final Path calls, final ReferenceGenome reference,
        final RegionSet evalRegions, final CompareOptions options, final ComparisonWorkspace workspace)
    {
        final VariantSet baseline = VariantLoader.load(truth, reference, evalRegions, options.baselineLoad());
        final VariantSet called = VariantLoader.load(calls, reference, evalRegions, options.callLoad());
        return compare(baseline, called, reference, options, ContigEvaluator.FAST_PATH, 1, workspace);
    }

    /** Compares loaded variant sets on the calling thread. Under {@code --ref-overlap} the sets are trimmed in place. */
    public static ComparisonResult compare(final VariantSet baseline, final VariantSet calls,
        final ReferenceGenome reference, final CompareOptions options)
    {
        return compare(baseline, calls, reference, options, new ComparisonWorkspace());
    }

    /**
     * As above, reusing {@code workspace} (one per thread): nothing is allocated per variant, and the result is
     * valid until the workspace's next comparison.
     */
    public static ComparisonResult compare(final VariantSet baseline, final VariantSet calls,
        final ReferenceGenome reference, final CompareOptions options, final ComparisonWorkspace workspace)
    {
        return compare(baseline, calls, reference, options, ContigEvaluator.FAST_PATH, 1, workspace);
    }

    /** As above, with the isolated-cluster fast path chosen explicitly (for tests). */
    static ComparisonResult compare(final VariantSet baseline, final VariantSet calls,
        final ReferenceGenome reference, final CompareOptions options, final boolean fastPath)
    {
        return compare(baseline, calls, reference, options, fastPath, 1, new ComparisonWorkspace());
    }

    /** Single-threaded runs use {@code workspace}'s search state; parallel ones give each contig its own. */
    private static ComparisonResult compare(final VariantSet baseline, final VariantSet calls,
        final ReferenceGenome reference, final CompareOptions options, final boolean fastPath, final int threads,
        final ComparisonWorkspace workspace)
    {
        final List<String> contigs = contigOrder(baseline, calls, reference);
        final List<ContigOutcome> outcomes = new ArrayList<>(contigs.size());
        final List<List<String>> tooComplexByContig = new ArrayList<>(contigs.size());
        if (threads <= 1 || contigs.size() <= 1)
        {
            for (int i = 0; i < contigs.size(); i++)
            {
                final List<String> tooComplex = new ArrayList<>();
                outcomes.add(evaluate(contigs.get(i), baseline, calls, reference, options, fastPath, tooComplex,
                    workspace.search, workspace.columns(i)));
                tooComplexByContig.add(tooComplex);
            }
        }
        else
        {
            try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, contigs.size()), daemon()))
            {
                final List<Future<ContigOutcome>> futures = new ArrayList<>(contigs.size());
                for (int i = 0; i < contigs.size(); i++)
                {
                    final String contig = contigs.get(i);
                    final OutcomeColumns columns = workspace.columns(i);
                    final List<String> tooComplex = new ArrayList<>();
                    tooComplexByContig.add(tooComplex);
                    futures.add(pool.submit(() -> evaluate(contig, baseline, calls, reference, options, fastPath,
                        tooComplex, new SearchWorkspace(), columns)));
                }
                for (final Future<ContigOutcome> f : futures)
                {
                    outcomes.add(join(f));
                }
            }
        }
        final Counts counts = new Counts();
        final List<String> tooComplex = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++)
        {
            outcomes.get(i).addTo(counts);
            tooComplex.addAll(tooComplexByContig.get(i));
        }
        return new ComparisonResult(counts, baseline.skipped(), calls.skipped(),
            Collections.unmodifiableList(tooComplex), Collections.unmodifiableList(outcomes), baseline, calls);
    }

    private static ContigOutcome evaluate(final String contig, final VariantSet baseline, final VariantSet calls,
        final ReferenceGenome reference, final CompareOptions options, final boolean fastPath,
        final List<String> tooComplex, final SearchWorkspace search, final OutcomeColumns columns)
    {
        final ContigVariants b = baseline.contig(contig);
        final ContigVariants c = calls.contig(contig);
        if (options.refOverlap())
        {
            if (b != null)
            {
                RefOverlapTrimmer.trim(b);
            }
            if (c != null)
            {
                RefOverlapTrimmer.trim(c);
            }
        }
        return ContigEvaluator.evaluate(contig, reference.bases(contig), b, c, options, tooComplex, fastPath, search,
            columns);
    }

    /** Contigs with variants on either side, in reference order. */
    static List<String> contigOrder(final VariantSet baseline, final VariantSet calls, final ReferenceGenome reference)
    {
        final List<String> order = new ArrayList<>();
        for (final String name : reference.names())
        {
            if (baseline.contig(name) != null || calls.contig(name) != null)
            {
                order.add(name);
            }
        }
        return order;
    }

    /** The result of a task, rethrowing what it threw (an input error stays an input error). */
    private static <T> T join(final Future<T> future)
    {
        try
        {
            return future.get();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("comparison interrupted", e);
        }
        catch (final java.util.concurrent.ExecutionException e)
        {
            final Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r)
            {
                throw r;
            }
            if (cause instanceof Error err)
            {
                throw err;
            }
            throw new CompletionException(cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon()
    {
        return r ->
        {
            final Thread t = new Thread(r, "callscore-compare");
            t.setDaemon(true);
            return t;
        };
    }
}

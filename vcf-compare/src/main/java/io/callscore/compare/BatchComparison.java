package io.callscore.compare;

import io.callscore.vcf.InputException;
import io.callscore.vcf.LineReader;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Many comparisons in one process ({@code callscore compare --batch}): cases run on a thread pool, results come
 * out as JSON lines in input order, and a failing case yields an error line without stopping the batch.
 * References are loaded once per path and shared; each worker thread reuses one {@link ComparisonWorkspace}.
 */
public final class BatchComparison
{
    /** One line of a batch file: {@code id<TAB>truth<TAB>calls<TAB>reference<TAB>regions-or-dash}. */
    public record Case(String id, Path truth, Path calls, Path reference, Path regions, long lineNumber)
    {
    }

    private final CompareOptions options;
    private final Map<Path, ReferenceGenome> references = new ConcurrentHashMap<>();
    /** Each result is turned into its JSON line before the thread's next case, so one workspace per thread is safe. */
    private final ThreadLocal<ComparisonWorkspace> workspaces = ThreadLocal.withInitial(ComparisonWorkspace::new);

    public BatchComparison(final CompareOptions options)
    {
        this.options = options;
    }

    /**
     * Reads a batch file. Relative paths are resolved against the batch file's folder; blank lines and lines
     * starting with '#' are skipped.
     */
    public static List<Case> readCases(final Path tsv)
    {
        final Path base = tsv.toAbsolutePath().getParent();
        final List<Case> cases = new ArrayList<>();
        try (LineReader r = new LineReader(tsv))
        {
            while (r.next())
            {
                final String line = r.lineString();
                if (line.isBlank() || line.startsWith("#"))
                {
                    continue;
                }
                final String[] f = line.split("\t", -1);
                if (f.length != 5)
                {
                    throw r.error("expected 5 tab-separated columns (id, truth, calls, reference, regions or -), found "
                        + f.length);
                }
                for (int i = 0; i < 4; i++)
                {
                    if (f[i].isBlank())
                    {
                        throw r.error("column " + (i + 1) + " is empty");
                    }
                }
                final Path regions = f[4].equals("-") || f[4].isBlank() ? null : base.resolve(f[4]);
                cases.add(new Case(f[0], base.resolve(f[1]), base.resolve(f[2]), base.resolve(f[3]), regions,
                    r.lineNumber()));
            }
        }
        return cases;
    }

    /** Runs one case; the JSON line of its result or of its error. */
    public String runOne(final Case c)
    {
        try
        {
            final ReferenceGenome reference = references.computeIfAbsent(c.reference().toAbsolutePath().normalize(),
                ReferenceGenome::open);
            final RegionSet regions = c.regions() == null ? null : RegionSet.readBed(c.regions());
            final ComparisonResult r = VcfComparator.compare(c.truth(), c.calls(), reference, regions, options,
                workspaces.get());
            return ComparisonJson.of(c.id(), r);
        }
        catch (final InputException e)
        {
            return ComparisonJson.error(c.id(), e.getMessage());
        }
        catch (final RuntimeException | OutOfMemoryError | StackOverflowError e)
        {
            // One case must not end the batch; the message says it is our fault, not the input's.
            return ComparisonJson.error(c.id(), "internal error: " + e);
        }
    }

    /** Runs all cases on {@code threads} threads and hands each JSON line to {@code out} in input order. */
    public void run(final List<Case> cases, final int threads, final Consumer<String> out)
    {
        if (threads <= 1)
        {
            for (final Case c : cases)
            {
                out.accept(runOne(c));
            }
            return;
        }
        final ExecutorService pool = Executors.newFixedThreadPool(threads, r ->
        {
            final Thread t = new Thread(r, "callscore-batch");
            t.setDaemon(true);
            return t;
        });
        try
        {
            // A bounded window of cases in flight keeps memory flat however long the batch is.
            final int window = threads * 4;
            final ArrayDeque<Future<String>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < cases.size() || !inFlight.isEmpty())
            {
                while (next < cases.size() && inFlight.size() < window)
                {
                    final Case c = cases.get(next++);
                    inFlight.add(pool.submit(() -> runOne(c)));
                }
                out.accept(inFlight.poll().get());
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch interrupted", e);
        }
        catch (final ExecutionException e)
        {
            throw new IllegalStateException("batch case failed unexpectedly", e.getCause());
        }
        finally
        {
            pool.shutdownNow();
        }
    }
}

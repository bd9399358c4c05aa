package io.callscore.engine.pool;

import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import io.callscore.engine.pool.bam.BgzfCompression;
import io.callscore.vcf.InputException;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code callscore pool build}: turns one genome's public truth, confident regions and reads into hidden tasks.
 * For each window: choose spike-in sites and spike-out variants, make the reads (edit the BAM, or simulate from
 * haplotypes), write the window truth and region mask, deliver the reads and the reference slice under fresh task
 * ids, and hand the tasks to the {@link PoolSink}. Finished windows are skipped when the build runs again, so an
 * interrupted build resumes where it stopped; running it with another genome label adds that genome to the pool.
 * The method is described in docs/data_generation.md.
 */
public final class PoolBuilder
{
    /** What a run did. */
    public record Summary(int windowsPlanned, int windowsBuilt, int windowsSkipped, int tasksAdded)
    {
    }

    private static final String STAGING = ".staging";

    private final PoolBuildOptions options;
    private final PoolSink sink;
    private final PrintStream progress;
    private final SecureRandom secure = new SecureRandom();

    public PoolBuilder(final PoolBuildOptions options, final PoolSink sink, final PrintStream progress)
    {
        this.options = options;
        this.sink = sink;
        this.progress = progress;
    }

    public Summary run()
    {
        final String problem = options.problem();
        if (problem != null)
        {
            throw new IllegalArgumentException(problem);
        }
        WindowPlanner.requireFile(options.reference(), "--reference");
        WindowPlanner.requireFile(options.truth(), "--truth");
        WindowPlanner.requireFile(options.confident(), "--confident");
        if (!options.simulate())
        {
            WindowPlanner.requireFile(options.bam(), "--bam");
        }
        final long t0 = System.nanoTime();
        BgzfCompression.installAsHtsjdkDefaults();
        final ReferenceGenome reference = ReferenceGenome.open(options.reference());
        final RegionSet confident = RegionSet.readBed(options.confident());
        try (SamReader reader = options.simulate() ? null : openBam())
        {
            final Set<String> usable = reader == null ? null : usableContigs(reader, reference);
            final List<Window> plan = WindowPlanner.plan(options, reference, confident, usable);
            if (plan.isEmpty())
            {
                throw new InputException(options.confident(), "no window of the asked size has enough confident"
                    + " bases (at least " + (int)(WindowPlanner.MIN_CONFIDENT_SHARE * 100) + "%)");
            }
            say("%s: %d window%s planned (%s); deflate: %s", options.genome(), plan.size(),
                plan.size() == 1 ? "" : "s", plan.size() < options.windows() ? "fewer than asked: no room for more"
                    : "as asked", BgzfCompression.implementation());
            final List<Window> todo = new ArrayList<>();
            for (final Window w : plan)
            {
                if (!sink.isComplete(options.genome(), w.index()))
                {
                    todo.add(w);
                }
            }
            final int skipped = plan.size() - todo.size();
            if (skipped > 0)
            {
                say("%d window%s already built: resuming", skipped, skipped == 1 ? "" : "s");
            }
            if (todo.isEmpty())
            {
                return new Summary(plan.size(), 0, skipped, 0);
            }
            say("reading truth %s", options.truth().getFileName());
            final Map<String, List<SmallVariant>> truth = TruthVcfReader.read(options.truth(), spans(todo, reference));
            truth.values().forEach(l -> l.sort(Comparator.comparingInt(SmallVariant::pos)));
            final Path staging = options.out().resolve(STAGING).resolve(options.genome());
            deleteTree(staging);
            // All windows go to the workers at once, in reference order: a worker that finishes takes the next
            // window, whatever its contig (a barrier per contig left cores idle while the last window of each
            // contig ran alone). Each worker has its own BAM reader; the reference is read window by window
            // (ReferenceSlice), never a whole chromosome.
            final List<String> order = reference.names();
            todo.sort(Comparator.comparingInt((Window w) -> order.indexOf(w.contig())).thenComparingInt(Window::start));
            final Progress done = new Progress(skipped, plan.size());
            final BlockingQueue<SamReader> readers = new ArrayBlockingQueue<>(Math.max(1, options.threads()));
            final List<Thread> workerThreads = new ArrayList<>();
            final ExecutorService workers = Executors.newFixedThreadPool(options.threads(), r ->
            {
                final Thread t = new Thread(r, "pool-window");
                t.setDaemon(true);
                synchronized (workerThreads)
                {
                    workerThreads.add(t);
                }
                return t;
            });
            try
            {
                if (reader != null)
                {
                    readers.add(reader);
                    for (int i = 1; i < options.threads(); i++)
                    {
                        readers.add(openBam());
                    }
                }
                buildAll(todo, reference, confident, truth, readers, staging, workers, done);
            }
            finally
            {
                // After a failure the other windows are cancelled; wait until every worker has stopped, so that
                // none still writes into the staging folder (or reads a BAM closed below) once run() returns.
                workers.shutdownNow();
                awaitStopped(workerThreads);
                for (final SamReader r : readers)
                {
                    if (r != reader)
                    {
                        closeQuietly(r);
                    }
                }
            }
            final int built = done.built;
            final int tasks = done.tasks;
            sink.finish();
            deleteTree(staging);
            deleteIfEmpty(staging.getParent());
            say("%s: %d window%s built, %d tasks added (%.1f s)", options.genome(), built, built == 1 ? "" : "s",
                tasks, (System.nanoTime() - t0) / 1e9);
            return new Summary(plan.size(), built, skipped, tasks);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + options.bam() + ": " + e.getMessage(), e);
        }
    }

    /** Windows finished so far, for progress lines and the summary; updated under its own lock. */
    private static final class Progress
    {
        final int skipped;
        final int planned;
        int built;
        int tasks;

        Progress(final int skipped, final int planned)
        {
            this.skipped = skipped;
            this.planned = planned;
        }
    }

    /**
     * Builds the windows on the workers. Each finished window goes to the sink at once, so an interrupted build
     * resumes after it; the first failure stops the others and is rethrown as it was.
     */
    private void buildAll(final List<Window> windows, final ReferenceGenome reference, final RegionSet confident,
        final Map<String, List<SmallVariant>> truth, final BlockingQueue<SamReader> readers, final Path staging,
        final ExecutorService workers, final Progress done)
    {
        // Completion order, so that a failure stops the other windows at once rather than when its turn comes.
        final CompletionService<Void> completion = new ExecutorCompletionService<>(workers);
        final List<Future<Void>> running = new ArrayList<>();
        for (final Window w : windows)
        {
            running.add(completion.submit(() ->
            {
                final long ws = System.nanoTime();
                final SamReader reader = options.simulate() ? null : takeReader(readers);
                final List<PoolTask> made;
                try
                {
                    made = buildWindow(w, reference, confident, truth.getOrDefault(w.contig(), List.of()), reader,
                        staging);
                }
                finally
                {
                    if (reader != null)
                    {
                        readers.add(reader);
                    }
                }
                synchronized (done)
                {
                    // A window finished after another failed is not published: the build is over.
                    WindowCancellation.check();
                    sink.addWindow(options.genome(), w, made);
                    deleteTree(staging.resolve(windowName(w)));
                    done.built++;
                    done.tasks += made.size();
                    final PoolTask first = made.getFirst();
                    say("window %d/%d %s: %d SNVs + %d indels spiked, %d reverted, %d truth records, %s (%.1f s)",
                        done.skipped + done.built, done.planned, w.region(), first.spikedSnvs(),
                        first.spikedIndels(), first.reverted(), first.truthRecords(), describeReads(made),
                        (System.nanoTime() - ws) / 1e9);
                }
                return null;
            }));
        }
        try
        {
            for (int i = 0; i < running.size(); i++)
            {
                completion.take().get();
            }
        }
        catch (final ExecutionException e)
        {
            running.forEach(f -> f.cancel(true));
            final Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r)
            {
                throw r;
            }
            if (cause instanceof Error err)
            {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        catch (final InterruptedException e)
        {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("pool build interrupted", e);
        }
    }

    /** Joins every worker thread (not just the executor's termination, which comes before a thread's last step). */
    private static void awaitStopped(final List<Thread> threads)
    {
        final List<Thread> all;
        synchronized (threads)
        {
            all = List.copyOf(threads);
        }
        boolean interrupted = false;
        for (final Thread t : all)
        {
            while (t.isAlive())
            {
                try
                {
                    t.join();
                }
                catch (final InterruptedException e)
                {
                    interrupted = true;
                }
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static SamReader takeReader(final BlockingQueue<SamReader> readers)
    {
        try
        {
            return readers.take();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("pool build interrupted", e);
        }
    }

    private static void closeQuietly(final SamReader reader)
    {
        try
        {
            reader.close();
        }
        catch (final IOException e)
        {
            // A reader opened for a worker: nothing was written through it.
        }
    }

    private SamReader openBam()
    {
        final SamReader reader = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
            .open(options.bam());
        if (!reader.hasIndex())
        {
            throw new InputException(options.bam(), "the BAM needs an index (.bai beside it; samtools index)");
        }
        return reader;
    }

    private Set<String> usableContigs(final SamReader reader, final ReferenceGenome reference)
    {
        final Set<String> usable = new HashSet<>();
        for (final SAMSequenceRecord s : reader.getFileHeader().getSequenceDictionary().getSequences())
        {
            if (!reference.contains(s.getSequenceName()))
            {
                continue;
            }
            if (reference.length(s.getSequenceName()) != s.getSequenceLength())
            {
                throw new InputException(options.bam(), "contig " + s.getSequenceName() + " has length "
                    + s.getSequenceLength() + " in the BAM but " + reference.length(s.getSequenceName())
                    + " in the reference: they are not the same build");
            }
            usable.add(s.getSequenceName());
        }
        if (usable.isEmpty())
        {
            throw new InputException(options.bam(), "no contig of the BAM is in the reference");
        }
        return usable;
    }

    /** Per contig, the windows widened by the margin, merged: where truth records are needed. */
    private Map<String, int[]> spans(final List<Window> windows, final ReferenceGenome reference)
    {
        final Map<String, List<int[]>> raw = new HashMap<>();
        for (final Window w : windows)
        {
            raw.computeIfAbsent(w.contig(), k -> new ArrayList<>()).add(new int[] {
                Math.max(0, w.start() - options.margin()),
                Math.min(reference.length(w.contig()), w.end() + options.margin())});
        }
        final Map<String, int[]> out = new HashMap<>();
        raw.forEach((c, list) ->
        {
            list.sort(Comparator.comparingInt(a -> a[0]));
            final int[] flat = new int[list.size() * 2];
            int n = 0;
            for (final int[] iv : list)
            {
                if (n > 0 && iv[0] <= flat[n - 1])
                {
                    flat[n - 1] = Math.max(flat[n - 1], iv[1]);
                }
                else
                {
                    flat[n++] = iv[0];
                    flat[n++] = iv[1];
                }
            }
            out.put(c, java.util.Arrays.copyOf(flat, n));
        });
        return out;
    }

    private List<PoolTask> buildWindow(final Window w, final ReferenceGenome reference, final RegionSet confident,
        final List<SmallVariant> contigTruth, final SamReader reader, final Path stagingRoot)
    {
        final int sliceStart = Math.max(0, w.start() - options.margin());
        final int sliceEnd = Math.min(reference.length(w.contig()), w.end() + options.margin());
        final ReferenceSlice slice = ReferenceSlice.of(reference, w.contig(), sliceStart, sliceEnd);
        final List<SmallVariant> near = between(contigTruth, sliceStart, sliceEnd);
        final int[] mask = WindowPlanner.clip(confident, w.contig(), w.start(), w.end());
        final SplittableRandom random = new SplittableRandom(KeyedHash.mix(options.seed()
            ^ KeyedHash.mix(options.genome().hashCode()) ^ KeyedHash.mix(0x5349544553L + w.index())));
        final SitePlanner.Plan plan = new SitePlanner(slice, mask, near, options.minDistance(), random)
            .plan(options.snvs(), options.indels(), options.spikeOutFraction());

        final Path staging = stagingRoot.resolve(windowName(w));
        final List<UUID> ids = new ArrayList<>();
        final List<Path> dirs = new ArrayList<>();
        try
        {
            deleteTree(staging);
            for (int i = 0; i < options.coverages().size(); i++)
            {
                final UUID id = UUID.randomUUID();
                ids.add(id);
                final Path dir = staging.resolve(FilePoolSink.TASKS).resolve(id.toString());
                Files.createDirectories(dir);
                dirs.add(dir);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot create " + staging + ": " + e.getMessage(), e);
        }

        final List<SmallVariant> spiked;
        final long[] reads;
        final double[] coverage = new double[ids.size()];
        final String inputType;
        if (options.simulate())
        {
            final SimulatedWindowBuilder.Result r = new SimulatedWindowBuilder(options, secure)
                .build(w, slice, near, plan, dirs);
            spiked = r.spiked();
            reads = r.pairsWritten();
            for (int i = 0; i < coverage.length; i++)
            {
                coverage[i] = options.coverages().get(i);
            }
            inputType = PoolTask.FASTQ;
        }
        else
        {
            final List<Path> bams = dirs.stream().map(d -> d.resolve("reads.bam")).toList();
            final BamWindowBuilder.Result r = new BamWindowBuilder(reader, options, secure)
                .build(w, slice, plan, bams);
            spiked = r.spiked();
            reads = r.readsWritten();
            for (int i = 0; i < coverage.length; i++)
            {
                coverage[i] = Math.round(Math.min(options.coverages().get(i), r.sourceDepth()) * 10) / 10.0;
            }
            inputType = PoolTask.BAM;
        }

        final List<SmallVariant> windowTruth = new ArrayList<>(between(near, w.start(), w.end()));
        windowTruth.removeAll(plan.reverted());
        windowTruth.addAll(spiked);
        final Path truthVcf = staging.resolve("truth.vcf.gz");
        final Path maskBed = staging.resolve("regions.bed");
        final Path edits = staging.resolve("edits.tsv");
        final int records = WindowFiles.writeTruth(truthVcf, windowTruth, slice);
        WindowFiles.writeMask(maskBed, mask, slice);
        WindowFiles.writeEdits(edits, spiked, plan.reverted(), slice);
        final int snvs = (int)spiked.stream().filter(SmallVariant::isSnv).count();

        final List<PoolTask> tasks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++)
        {
            WindowFiles.writeReference(dirs.get(i).resolve("ref.fa"), slice);
            final String id = ids.get(i).toString();
            final Path delivered = options.out().resolve(FilePoolSink.TASKS).resolve(id);
            move(dirs.get(i), delivered);
            tasks.add(new PoolTask(ids.get(i), options.genome(), coverage[i], w.region(), w.difficulty(), inputType,
                FilePoolSink.TASKS + "/" + id, truthVcf, maskBed, edits, records, snvs, spiked.size() - snvs,
                plan.reverted().size(), reads[i]));
        }
        return tasks;
    }

    /** The variants with a position in {@code [from, to)} of a position-sorted list. */
    static List<SmallVariant> between(final List<SmallVariant> sorted, final int from, final int to)
    {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).pos() < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        int end = lo;
        while (end < sorted.size() && sorted.get(end).pos() < to)
        {
            end++;
        }
        return sorted.subList(lo, end);
    }

    private static String windowName(final Window w)
    {
        return String.format(Locale.ROOT, "window-%05d", w.index());
    }

    private static String describeReads(final List<PoolTask> tasks)
    {
        final StringBuilder sb = new StringBuilder();
        for (final PoolTask t : tasks)
        {
            sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.4gx %s %d", t.coverage(),
                t.inputType().equals(PoolTask.BAM) ? "reads" : "pairs", t.reads()));
        }
        return sb.toString();
    }

    private static void move(final Path from, final Path to)
    {
        try
        {
            Files.createDirectories(to.getParent());
            deleteTree(to);
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(final Path p)
    {
        try
        {
            FilePoolSink.deleteTree(p);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }

    private static void deleteIfEmpty(final Path dir)
    {
        try (var s = Files.list(dir))
        {
            if (s.findAny().isEmpty())
            {
                Files.delete(dir);
            }
        }
        catch (final IOException e)
        {
            // Another build may be using it: leave it.
        }
    }

    private void say(final String format, final Object... args)
    {
        if (options.progress() && progress != null)
        {
            progress.println("[pool] " + String.format(Locale.ROOT, format, args));
            progress.flush();
        }
    }
}

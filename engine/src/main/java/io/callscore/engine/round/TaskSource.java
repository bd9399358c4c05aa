package io.callscore.engine.round;

import io.callscore.engine.task.MinerTask;
import io.callscore.store.ClaimState;
import io.callscore.store.Pool;
import io.callscore.store.ScoreOutcome;
import io.callscore.store.StoreException;
import io.callscore.store.TaskMetadata;
import io.callscore.store.TruthRecord;
import io.callscore.vcf.InputException;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The hidden pool as the round loop uses it: which tasks are available, sampling that mixes genomes, coverages
 * and difficulties, atomic claims, and everything one task needs for dispatch and scoring.
 *
 * <p>Delivered files of a task live in {@code POOL/<data locator>/}: {@code ref.fa} (the reference slice, whose
 * coordinates the truth uses) and {@code reads.bam} (+ {@code .bai}) or {@code reads_1.fq.gz}/{@code reads_2.fq.gz}.
 */
public final class TaskSource implements AutoCloseable
{
    /** The file a validator locks for as long as it serves a pool. */
    public static final String VALIDATOR_LOCK = "validator.lock";

    /** Everything about one task for one round. */
    public record Task(UUID id, TaskMetadata metadata, TaskScorer.Truth truth, MinerTask minerTask)
    {
    }

    private final Path dir;
    private final Pool pool;
    private final TruthRecord holder = new TruthRecord();
    /** Tasks this process may still hand out, sorted (the claim map's own order differs between processes). */
    private final TreeSet<UUID> available = new TreeSet<>();
    /** Last round each source window was dispatched in (restored from the round journal on start). */
    private final Map<String, Long> windowLastRound = new java.util.HashMap<>();

    /** Stratum and source window of each task seen, read once: truth and metadata never change. */
    private final Map<UUID, Facts> facts = new HashMap<>();

    /**
     * Source windows each hotkey has been given a task of: read from the claim map when the pool is opened (so it
     * survives restarts), then kept up to date by {@link #claim}. The coverages of one window share their reads
     * (lower coverages are subsets), so a miner that was given one could recognise another and reuse its answer.
     */
    private final Map<String, java.util.Set<String>> windowsSeen = new java.util.HashMap<>();

    /** What sampling needs to know about a task. */
    private record Facts(String stratum, String window)
    {
    }

    /** Held by a validator for as long as it serves the pool (null for other users). */
    private final FileChannel validatorLock;

    private TaskSource(final Path dir, final Pool pool, final FileChannel validatorLock)
    {
        this.dir = dir;
        this.pool = pool;
        this.validatorLock = validatorLock;
        try
        {
            final Map<UUID, String> given = new java.util.HashMap<>();
            pool.claims().forEach(claim ->
            {
                if (claim.state() == ClaimState.AVAILABLE)
                {
                    available.add(claim.taskId());
                }
                else if (claim.hotkey() != null && !claim.hotkey().isEmpty())
                {
                    given.put(claim.taskId(), claim.hotkey());
                }
            });
            given.forEach((id, hotkey) ->
            {
                windowsSeen.computeIfAbsent(hotkey, h -> new java.util.HashSet<>()).add(facts(id).window());
                facts.remove(id);
            });
        }
        catch (final RuntimeException e)
        {
            pool.close();
            throw e;
        }
    }

    /**
     * Opens the pool and reads which tasks are available, once. Rounds then sample from this view, so a round
     * holds the claim map's segment locks only for its claims and scorings (microseconds each): a validator killed
     * while holding one leaves that segment locked for every later process (see docs/store.md, "Limits"), and a
     * scan of the whole map in every round would make that likely. Tasks another process claims meanwhile are
     * dropped when a claim on them fails; tasks added to the pool later are seen after reopening.
     */
    public static TaskSource open(final Path poolDir)
    {
        return new TaskSource(poolDir, Pool.open(poolDir), null);
    }

    /**
     * Opens the pool for a validator: first takes {@code POOL/validator.lock} (one validator per pool, released by
     * the OS if the process dies), then resets the claim map's locks ({@link Pool#recoverClaims}), since a validator
     * killed in the middle of a claim leaves a lock held in the file that would stall every later start. Other
     * processes (pool status, export) must not be using the pool at that moment.
     */
    public static TaskSource openForValidator(final Path poolDir)
    {
        if (!Pool.exists(poolDir))
        {
            Pool.open(poolDir).close(); // fails, reporting the missing pool as usual
        }
        final Path lockFile = poolDir.resolve(VALIDATOR_LOCK);
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final FileLock lock;
            try
            {
                lock = channel.tryLock();
            }
            catch (final OverlappingFileLockException e)
            {
                throw new StoreException(lockFile, "another validator in this process serves this pool");
            }
            if (lock == null)
            {
                throw new StoreException(lockFile, "another validator is running on this pool");
            }
            Pool.recoverClaims(poolDir);
            return new TaskSource(poolDir, Pool.open(poolDir), channel);
        }
        catch (final IOException e)
        {
            close(channel);
            throw new StoreException(lockFile, "cannot lock: " + e.getMessage(), e);
        }
        catch (final RuntimeException e)
        {
            close(channel);
            throw e;
        }
    }

    private static void close(final FileChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException e)
            {
                // closing releases the lock; nothing more to do
            }
        }
    }

    public Pool pool()
    {
        return pool;
    }

    /** Tasks not yet handed out by this process (nor seen claimed by another). */
    public synchronized int availableCount()
    {
        return available.size();
    }

    /**
     * Up to {@code k} available tasks, drawn so that strata (genome, coverage, difficulty) take turns: the strata
     * are visited in random order, each giving one random task per turn, until k tasks or none are left. At most
     * one task per source window (genome and region) is drawn: the coverages of one window share most of their
     * truth, so two miners holding them in the same round could pass one call set between them.
     */
    public synchronized List<UUID> sample(final int k, final SplittableRandom random)
    {
        return sample(k, random, Long.MAX_VALUE, 0);
    }

    /**
     * As {@link #sample(int, SplittableRandom)}, preferring source windows not dispatched in the {@code lookBack}
     * rounds before {@code round} ({@link #noteDispatched}): two honest miners calling twin coverages of one window
     * perfectly return identical call sets, which the duplicate check (over the same look-back) would take for a
     * copy. Recently used windows are drawn only when the pool has too few fresh ones.
     */
    public synchronized List<UUID> sample(final int k, final SplittableRandom random, final long round,
        final int lookBack)
    {
        final Map<String, List<UUID>> groups = new TreeMap<>();
        for (final UUID id : available)
        {
            groups.computeIfAbsent(facts(id).stratum(), s -> new ArrayList<>()).add(id);
        }
        final java.util.Set<String> windows = new java.util.HashSet<>();
        final List<List<UUID>> order = new ArrayList<>(groups.values());
        for (final List<UUID> g : order)
        {
            shuffle(g, random);
        }
        shuffle(order, random);
        final List<UUID> out = new ArrayList<>(k);
        // Fresh windows first; windows dispatched within the look-back only when the pool has too few fresh ones.
        for (final boolean allowRecent : new boolean[] {false, true})
        {
            for (int turn = 0; out.size() < k; turn++)
            {
                boolean any = false;
                for (final List<UUID> g : order)
                {
                    if (turn < g.size() && out.size() < k)
                    {
                        final String window = facts(g.get(turn)).window();
                        final Long last = windowLastRound.get(window);
                        final boolean recent = last != null && round - last <= lookBack;
                        if ((allowRecent || !recent) && windows.add(window))
                        {
                            out.add(g.get(turn));
                        }
                        any = true;
                    }
                }
                if (!any)
                {
                    break;
                }
            }
        }
        return out;
    }

    /** Records that a task's source window was dispatched in {@code round}. */
    public synchronized void noteDispatched(final UUID id, final long round)
    {
        windowLastRound.merge(facts(id).window(), round, Math::max);
    }

    private Facts facts(final UUID id)
    {
        return facts.computeIfAbsent(id, key ->
        {
            if (!pool.truth().lookup(key, holder))
            {
                return new Facts("?", "?" + key);
            }
            final TaskMetadata m = holder.metadata();
            return new Facts(m.genome() + "|" + m.coverage() + "|" + m.difficulty(), m.genome() + "|" + m.region());
        });
    }

    static <T> void shuffle(final List<T> list, final SplittableRandom random)
    {
        for (int i = list.size() - 1; i > 0; i--)
        {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    /** Atomically claims a task for a miner; false when someone else has it. */
    public synchronized boolean claim(final UUID id, final String hotkey, final long nowMs, final long deadlineMs)
    {
        final String window = facts(id).window();
        // Claimed now, or by someone else before: either way it is no longer ours to hand out.
        available.remove(id);
        facts.remove(id);
        final boolean claimed = pool.claims().tryClaim(id, hotkey, nowMs, deadlineMs);
        if (claimed)
        {
            windowsSeen.computeIfAbsent(hotkey, h -> new java.util.HashSet<>()).add(window);
        }
        return claimed;
    }

    /** Whether {@code hotkey} was ever given a task of the source window of task {@code id}. */
    public synchronized boolean windowSeenBy(final String hotkey, final UUID id)
    {
        final java.util.Set<String> seen = windowsSeen.get(hotkey);
        return seen != null && seen.contains(facts(id).window());
    }

    public ScoreOutcome markScored(final UUID id, final String hotkey, final long nowMs)
    {
        return pool.claims().markScored(id, hotkey, nowMs);
    }

    /** Loads a task's truth, regions, reference slice and miner-facing task. */
    public synchronized Task load(final UUID id, final String refBuild)
    {
        if (!pool.truth().lookup(id, holder))
        {
            throw new InputException(dir.toString(), 0, "task " + id + " is not in the truth store");
        }
        final TaskMetadata metadata = holder.metadata();
        final Path data = dir.resolve(metadata.dataLocator()).toAbsolutePath().normalize();
        final Path refFile = data.resolve("ref.fa");
        final ReferenceGenome reference = ReferenceGenome.open(refFile);
        final RegionSet confident = holder.hasRegions() ? holder.regions() : null;
        final Map<String, List<int[]>> whole = new LinkedHashMap<>();
        final List<MinerTask.Region> regions = new ArrayList<>();
        for (final String contig : reference.names())
        {
            whole.put(contig, List.of(new int[] {0, reference.length(contig)}));
            regions.add(new MinerTask.Region(contig, 1, reference.length(contig)));
        }
        final TaskScorer.Truth truth = new TaskScorer.Truth(holder.toVariantSet(), confident,
            RegionSet.fromIntervals(whole), reference);
        final Map<String, String> files = new LinkedHashMap<>();
        final MinerTask.InputType input;
        if (Files.exists(data.resolve("reads.bam")))
        {
            input = MinerTask.InputType.BAM;
            files.put("bam", data.resolve("reads.bam").toString());
        }
        else
        {
            input = MinerTask.InputType.FASTQ;
            files.put("r1", data.resolve("reads_1.fq.gz").toString());
            files.put("r2", data.resolve("reads_2.fq.gz").toString());
        }
        files.put("reference", refFile.toString());
        final MinerTask minerTask = new MinerTask(id.toString(), MinerTask.Mode.BENCHMARK, refBuild, input,
            new MinerTask.DataLocator(null, Collections.unmodifiableMap(files)), regions, "VCF",
            new MinerTask.Constraints(true, true));
        return new Task(id, metadata, truth, minerTask);
    }

    @Override
    public void close()
    {
        try
        {
            pool.close();
        }
        finally
        {
            close(validatorLock);
        }
    }
}

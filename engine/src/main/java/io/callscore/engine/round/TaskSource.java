package io.callscore.engine.round;

import io.callscore.engine.task.MinerTask;
import io.callscore.store.ClaimState;
import io.callscore.store.Pool;
import io.callscore.store.ScoreOutcome;
import io.callscore.store.TaskMetadata;
import io.callscore.store.TruthRecord;
import io.callscore.vcf.InputException;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
    /** Everything about one task for one round. */
    public record Task(UUID id, TaskMetadata metadata, TaskScorer.Truth truth, MinerTask minerTask)
    {
    }

    private final Path dir;
    private final Pool pool;
    private final TruthRecord holder = new TruthRecord();

    private TaskSource(final Path dir, final Pool pool)
    {
        this.dir = dir;
        this.pool = pool;
    }

    public static TaskSource open(final Path poolDir)
    {
        return new TaskSource(poolDir, Pool.open(poolDir));
    }

    public Pool pool()
    {
        return pool;
    }

    /**
     * Up to {@code k} available tasks, drawn so that strata (genome, coverage, difficulty) take turns: the strata
     * are visited in random order, each giving one random task per turn, until k tasks or none are left.
     */
    public synchronized List<UUID> sample(final int k, final SplittableRandom random)
    {
        final Map<String, List<UUID>> strata = new TreeMap<>();
        pool.claims().forEach(claim ->
        {
            if (claim.state() == ClaimState.AVAILABLE)
            {
                strata.computeIfAbsent(stratum(claim.taskId()), s -> new ArrayList<>()).add(claim.taskId());
            }
        });
        final List<List<UUID>> groups = new ArrayList<>(strata.values());
        for (final List<UUID> g : groups)
        {
            g.sort(null); // the claim map's order is not stable across processes; sort before shuffling
            shuffle(g, random);
        }
        shuffle(groups, random);
        final List<UUID> out = new ArrayList<>(k);
        for (int turn = 0; out.size() < k; turn++)
        {
            boolean any = false;
            for (final List<UUID> g : groups)
            {
                if (turn < g.size() && out.size() < k)
                {
                    out.add(g.get(turn));
                    any = true;
                }
            }
            if (!any)
            {
                break;
            }
        }
        return out;
    }

    private String stratum(final UUID id)
    {
        if (!pool.truth().lookup(id, holder))
        {
            return "?";
        }
        final TaskMetadata m = holder.metadata();
        return m.genome() + "|" + m.coverage() + "|" + m.difficulty();
    }

    static <T> void shuffle(final List<T> list, final SplittableRandom random)
    {
        for (int i = list.size() - 1; i > 0; i--)
        {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    /** Atomically claims a task for a miner; false when someone else has it. */
    public boolean claim(final UUID id, final String hotkey, final long nowMs, final long deadlineMs)
    {
        return pool.claims().tryClaim(id, hotkey, nowMs, deadlineMs);
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
        pool.close();
    }
}

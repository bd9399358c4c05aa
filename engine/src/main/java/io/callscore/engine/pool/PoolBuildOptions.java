package io.callscore.engine.pool;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one {@code callscore pool build} run needs. Defaults are those of the command line; see
 * docs/data_generation.md for what each one does.
 *
 * @param reference        reference FASTA of the truth and the BAM
 * @param truth            public truth VCF of the genome (never delivered, never scored directly)
 * @param confident        confident-region BED of the truth
 * @param bam              coordinate-sorted, indexed BAM of the genome; null with {@code simulate}
 * @param genome           label of the genome in the pool (for example {@code HG002})
 * @param out              pool folder
 * @param windows          number of windows to build
 * @param windowSize       window length in bases (without strata)
 * @param strata           BED of candidate windows (4th column: difficulty label), or null
 * @param coverages        read depths to deliver per window, for example 30, 15, 6
 * @param snvs             SNVs to spike into each window
 * @param indels           indels (1-20 bp) to spike into each window
 * @param seed             seed of every random choice except the secret read-name keys
 * @param spikeOutFraction fraction of the window's truth variants reverted to the reference
 * @param minDistance      least distance of a spiked site from truth variants and other spikes
 * @param minDepth         least read depth at a spiked site in every coverage; shallower sites are dropped
 * @param simulate         simulate reads from haplotypes instead of editing a BAM (FASTQ tasks)
 * @param difficulty       difficulty label of the windows when no strata label applies
 * @param margin           reference bases kept on each side of a window in the delivered slice
 * @param readLength       simulated read length
 * @param fragmentMean     simulated fragment length, mean
 * @param fragmentSd       simulated fragment length, standard deviation
 * @param errorRate        simulated mean substitution error rate per base
 * @param compression      BAM/FASTQ deflate level 0-9
 * @param progress         print progress lines to stderr
 * @param threads          windows built at once (each on its own core, with its own BAM reader)
 */
public record PoolBuildOptions(Path reference, Path truth, Path confident, Path bam, String genome, Path out,
    int windows, int windowSize, Path strata, List<Integer> coverages, int snvs, int indels, long seed,
    double spikeOutFraction, int minDistance, int minDepth, boolean simulate, String difficulty, int margin,
    int readLength, int fragmentMean, int fragmentSd, double errorRate, int compression, boolean progress,
    int threads)
{
    public static final int DEFAULT_WINDOWS = 100;
    public static final int DEFAULT_WINDOW_SIZE = 2_000_000;
    public static final List<Integer> DEFAULT_COVERAGES = List.of(30, 15, 6);
    public static final int DEFAULT_SNVS = 20;
    public static final int DEFAULT_INDELS = 10;
    public static final double DEFAULT_SPIKE_OUT = 0.03;
    public static final int DEFAULT_MIN_DISTANCE = 100;
    public static final int DEFAULT_MIN_DEPTH = 3;
    public static final int DEFAULT_MARGIN = 1000;

    public PoolBuildOptions
    {
        coverages = coverages.stream().sorted((a, b) -> Integer.compare(b, a)).distinct().toList();
    }

    /** The defaults of the command line for the given inputs (BAM path). */
    public static PoolBuildOptions defaults(final Path reference, final Path truth, final Path confident,
        final Path bam, final String genome, final Path out)
    {
        return new PoolBuildOptions(reference, truth, confident, bam, genome, out, DEFAULT_WINDOWS,
            DEFAULT_WINDOW_SIZE, null, DEFAULT_COVERAGES, DEFAULT_SNVS, DEFAULT_INDELS, 1, DEFAULT_SPIKE_OUT,
            DEFAULT_MIN_DISTANCE, DEFAULT_MIN_DEPTH, bam == null, "standard", DEFAULT_MARGIN, 150, 400, 50, 0.002,
            1, true, Runtime.getRuntime().availableProcessors());
    }

    public PoolBuildOptions withWindows(final int count, final int size)
    {
        return new PoolBuildOptions(reference, truth, confident, bam, genome, out, count, size, strata, coverages,
            snvs, indels, seed, spikeOutFraction, minDistance, minDepth, simulate, difficulty, margin, readLength,
            fragmentMean, fragmentSd, errorRate, compression, progress, threads);
    }

    public PoolBuildOptions withStrata(final Path bed)
    {
        return new PoolBuildOptions(reference, truth, confident, bam, genome, out, windows, windowSize, bed,
            coverages, snvs, indels, seed, spikeOutFraction, minDistance, minDepth, simulate, difficulty, margin,
            readLength, fragmentMean, fragmentSd, errorRate, compression, progress, threads);
    }

    public PoolBuildOptions withCoverages(final List<Integer> depths)
    {
        return new PoolBuildOptions(reference, truth, confident, bam, genome, out, windows, windowSize, strata,
            depths, snvs, indels, seed, spikeOutFraction, minDistance, minDepth, simulate, difficulty, margin,
            readLength, fragmentMean, fragmentSd, errorRate, compression, progress, threads);
    }

    public PoolBuildOptions withSpikes(final int snvCount, final int indelCount, final double outFraction)
    {
        return new PoolBuildOptions(reference, truth, confident, bam, genome, out, windows, windowSize, strata,
            coverages, snvCount, indelCount, seed, outFraction, minDistance, minDepth, simulate, difficulty, margin,
            readLength, fragmentMean, fragmentSd, errorRate, compression, progress, threads);
    }

    public PoolBuildOptions withSeed(final long value)
    {
        return new PoolBuildOptions(reference, truth, confident, bam, genome, out, windows, windowSize, strata,
            coverages, snvs, indels, value, spikeOutFraction, minDistance, minDepth, simulate, difficulty, margin,
            readLength, fragmentMean, fragmentSd, errorRate, compression, progress, threads);
    }

    public PoolBuildOptions withGenome(final String label)
    {
        return new PoolBuildOptions(reference, truth, confident, bam, label, out, windows, windowSize, strata,
            coverages, snvs, indels, seed, spikeOutFraction, minDistance, minDepth, simulate, difficulty, margin,
            readLength, fragmentMean, fragmentSd, errorRate, compression, progress, threads);
    }

    public PoolBuildOptions withSites(final int distance, final int depth)
    {
        return new PoolBuildOptions(reference, truth, confident, bam, genome, out, windows, windowSize, strata,
            coverages, snvs, indels, seed, spikeOutFraction, distance, depth, simulate, difficulty, margin,
            readLength, fragmentMean, fragmentSd, errorRate, compression, progress, threads);
    }

    public PoolBuildOptions withSimulation(final boolean on, final int length, final int fragment, final int sd,
        final double error)
    {
        return new PoolBuildOptions(reference, truth, confident, on ? null : bam, genome, out, windows, windowSize,
            strata, coverages, snvs, indels, seed, spikeOutFraction, minDistance, minDepth, on, difficulty, margin,
            length, fragment, sd, error, compression, progress, threads);
    }

    public PoolBuildOptions withThreads(final int count)
    {
        return new PoolBuildOptions(reference, truth, confident, bam, genome, out, windows, windowSize, strata,
            coverages, snvs, indels, seed, spikeOutFraction, minDistance, minDepth, simulate, difficulty, margin,
            readLength, fragmentMean, fragmentSd, errorRate, compression, progress, count);
    }

    public PoolBuildOptions withOutput(final String difficultyLabel, final int marginBases, final int level,
        final boolean showProgress)
    {
        return new PoolBuildOptions(reference, truth, confident, bam, genome, out, windows, windowSize, strata,
            coverages, snvs, indels, seed, spikeOutFraction, minDistance, minDepth, simulate, difficultyLabel,
            marginBases, readLength, fragmentMean, fragmentSd, errorRate, level, showProgress, threads);
    }

    /** Checks ranges; returns the first problem, or null. */
    public String problem()
    {
        if (!simulate && bam == null)
        {
            return "--bam is required unless --simulate is given";
        }
        if (genome == null || !genome.matches("[A-Za-z0-9._-]{1,64}"))
        {
            return "--genome must be 1-64 characters of A-Z a-z 0-9 . _ -";
        }
        if (windows < 1)
        {
            return "--windows must be at least 1";
        }
        if (strata == null && windowSize < 1000)
        {
            return "--window-size must be at least 1000";
        }
        if (coverages.isEmpty() || coverages.getLast() < 1)
        {
            return "--coverages must be positive depths";
        }
        if (snvs < 0 || indels < 0)
        {
            return "--snvs and --indels must be >= 0";
        }
        if (spikeOutFraction < 0 || spikeOutFraction > 0.5)
        {
            return "--spike-out must be between 0 and 0.5";
        }
        if (minDistance < 1 || minDepth < 0 || margin < 300)
        {
            return "--min-distance must be >= 1, --min-depth >= 0, --margin >= 300";
        }
        if (simulate && (readLength < 30 || fragmentMean < readLength || fragmentSd < 0 || errorRate < 0
            || errorRate > 0.2))
        {
            return "simulation needs --read-length >= 30, --fragment >= read length, --error-rate in [0, 0.2]";
        }
        if (threads < 1)
        {
            return "--threads must be at least 1";
        }
        if (compression < 0 || compression > 9)
        {
            return "--compression must be 0-9";
        }
        return null;
    }
}

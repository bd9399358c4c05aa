package io.callscore.cli;

import io.callscore.engine.pool.FilePoolSink;
import io.callscore.engine.pool.PoolStoreImport;
import io.callscore.engine.pool.PoolBuildOptions;
import io.callscore.engine.pool.PoolBuilder;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code callscore pool build}: hidden tasks from one genome's truth and reads (docs/data_generation.md). */
@Command(
    name = "build",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = "Build hidden tasks from one genome: windows of its reads with variants spiked in and truth"
        + " variants spiked out, downsampled to each coverage, scrubbed of identity and delivered under random"
        + " task ids, with the window truth kept for validators. Run again with another --genome to add a genome"
        + " to the pool; an interrupted build resumes without redoing finished windows.",
    footer = {
        "",
        "Output: POOL/tasks/<id>/ for miners (reads.bam + .bai or reads_1/2.fq.gz, ref.fa + .fai);"
            + " POOL/truth/<id>.* and POOL/manifest.jsonl for validators only. See docs/data_generation.md.",
    })
public final class PoolBuildCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "REF.fa",
        description = "Reference FASTA of the truth and the BAM (uncompressed with .fai keeps memory bounded).")
    Path reference;

    @Option(names = "--truth", required = true, paramLabel = "TRUTH.vcf.gz", description = "Public truth VCF.")
    Path truth;

    @Option(names = "--confident", required = true, paramLabel = "CONF.bed", description = "Confident regions.")
    Path confident;

    @Option(names = "--bam", paramLabel = "SAMPLE.bam",
        description = "Coordinate-sorted, indexed BAM of the genome (not with --simulate).")
    Path bam;

    @Option(names = "--genome", required = true, paramLabel = "LABEL", description = "Genome label, e.g. HG002.")
    String genome;

    @Option(names = "--out", required = true, paramLabel = "POOL", description = "Pool folder.")
    Path out;

    @Option(names = "--windows", paramLabel = "N", description = "Windows to build (default ${DEFAULT-VALUE}).")
    int windows = PoolBuildOptions.DEFAULT_WINDOWS;

    @ArgGroup(exclusive = true)
    WindowChoice windowChoice;

    /** Fixed-size random windows or windows from a strata BED. */
    static final class WindowChoice
    {
        @Option(names = "--window-size", paramLabel = "BASES",
            description = "Window length (default " + PoolBuildOptions.DEFAULT_WINDOW_SIZE + ").")
        Integer windowSize;

        @Option(names = "--strata", paramLabel = "STRATA.bed",
            description = "Candidate windows, one per line; a 4th column is the difficulty label.")
        Path strata;
    }

    @Option(names = "--coverages", split = ",", paramLabel = "X",
        description = "Depths to deliver per window (default 30,15,6).")
    List<Integer> coverages = PoolBuildOptions.DEFAULT_COVERAGES;

    @Option(names = "--snvs", paramLabel = "K", description = "SNVs spiked per window (default ${DEFAULT-VALUE}).")
    int snvs = PoolBuildOptions.DEFAULT_SNVS;

    @Option(names = "--indels", paramLabel = "K",
        description = "Indels (1-20 bp) spiked per window (default ${DEFAULT-VALUE}).")
    int indels = PoolBuildOptions.DEFAULT_INDELS;

    @Option(names = "--spike-out", paramLabel = "FRACTION",
        description = "Share of truth variants reverted per window, at least one (default ${DEFAULT-VALUE}).")
    double spikeOut = PoolBuildOptions.DEFAULT_SPIKE_OUT;

    @Option(names = "--seed", description = "Seed of the window plan, sites and downsampling (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--min-distance", paramLabel = "BASES",
        description = "Least distance of a spike from truth variants and other spikes (default ${DEFAULT-VALUE}).")
    int minDistance = PoolBuildOptions.DEFAULT_MIN_DISTANCE;

    @Option(names = "--min-depth", paramLabel = "READS",
        description = "Least depth at a spike in every coverage; shallower spikes are dropped (default ${DEFAULT-VALUE}).")
    int minDepth = PoolBuildOptions.DEFAULT_MIN_DEPTH;

    @Option(names = "--difficulty", paramLabel = "LABEL",
        description = "Difficulty label when no strata label applies (default ${DEFAULT-VALUE}).")
    String difficulty = "standard";

    @Option(names = "--margin", paramLabel = "BASES",
        description = "Reference kept on each side of a window in ref.fa (default ${DEFAULT-VALUE}).")
    int margin = PoolBuildOptions.DEFAULT_MARGIN;

    @Option(names = "--simulate", description = "Simulate paired reads from haplotypes (FASTQ tasks, no BAM).")
    boolean simulate;

    @Option(names = "--read-length", paramLabel = "BASES", description = "Simulated read length (default ${DEFAULT-VALUE}).")
    int readLength = 150;

    @Option(names = "--fragment", paramLabel = "MEAN,SD", split = ",",
        description = "Simulated fragment length mean and sd (default 400,50).")
    List<Integer> fragment = List.of(400, 50);

    @Option(names = "--error-rate", paramLabel = "RATE",
        description = "Simulated mean substitution error rate (default ${DEFAULT-VALUE}).")
    double errorRate = 0.002;

    @Option(names = "--compression", paramLabel = "0-9", description = "Deflate level of outputs (default ${DEFAULT-VALUE}).")
    int compression = 1;

    @Option(names = "--threads", paramLabel = "N",
        description = "Windows built at once, each on its own core (default: the cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Option(names = "--max-tasks", paramLabel = "N",
        description = "Tasks the pool's store is sized for when this build creates it (default ${DEFAULT-VALUE}).")
    int maxTasks = 10_000;

    @Override
    public Integer call()
    {
        if (fragment.size() != 2)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fragment takes MEAN,SD");
        }
        if (simulate && bam != null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bam and --simulate exclude each other");
        }
        final int size = windowChoice == null || windowChoice.windowSize == null
            ? PoolBuildOptions.DEFAULT_WINDOW_SIZE : windowChoice.windowSize;
        final PoolBuildOptions options = PoolBuildOptions.defaults(reference, truth, confident, bam, genome, out)
            .withWindows(windows, size)
            .withStrata(windowChoice == null ? null : windowChoice.strata)
            .withCoverages(coverages)
            .withSpikes(snvs, indels, spikeOut)
            .withSeed(seed)
            .withSites(minDistance, minDepth)
            .withSimulation(simulate, readLength, fragment.get(0), fragment.get(1), errorRate)
            .withOutput(difficulty, margin, compression, !quiet)
            .withThreads(threads);
        final String problem = options.problem();
        if (problem != null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        final FilePoolSink sink = FilePoolSink.open(out);
        final PoolBuilder.Summary s = new PoolBuilder(options, sink, System.err).run();
        final int stored = PoolStoreImport.run(out, sink, maxTasks, quiet ? null : System.err);
        spec.commandLine().getOut().printf("%s: %d window%s planned, %d built, %d already built, %d task%s added to %s"
            + " (%d new in its store)%n", genome, s.windowsPlanned(), s.windowsPlanned() == 1 ? "" : "s",
            s.windowsBuilt(), s.windowsSkipped(), s.tasksAdded(), s.tasksAdded() == 1 ? "" : "s", out, stored);
        return CallscoreCommand.EXIT_OK;
    }
}

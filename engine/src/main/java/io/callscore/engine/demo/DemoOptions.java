package io.callscore.engine.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@code callscore demo} runs; {@link #defaults(Path)} are the command's defaults (docs/miners.md, "Demo").
 *
 * @param project        the callscore checkout: {@code examples/} (reference, public truth, confident regions) and
 *                       {@code miners/} (real miner scripts)
 * @param out            the demo folder (made afresh on every run)
 * @param report         the HTML report to write
 * @param rounds         validator rounds
 * @param seed           seed of the sample, the pool build, the round sampling and the noisy miner
 * @param realMiners     register the real miners (bcftools, freebayes) whose tools are installed
 * @param timeout        every miner's deadline per task
 * @param windowStart    0-based start of the demo window on the example contig
 * @param windowSize     window length
 * @param coverages      task depths per window
 * @param sampleCoverage depth of the simulated sample
 * @param snvs           SNVs spiked into each window
 * @param indels         indels spiked into each window
 * @param spikeOut       share of the window's truth variants reverted in the reads
 * @param maxVcfBytes    the transport's cap on an answer
 * @param bombBytes      decompressed size of the gzip-bomb miner's answer (above the scorer's cap)
 */
public record DemoOptions(Path project, Path out, Path report, int rounds, long seed, boolean realMiners,
    Duration timeout, int windowStart, int windowSize, List<Integer> coverages, double sampleCoverage, int snvs,
    int indels, double spikeOut, long maxVcfBytes, long bombBytes)
{
    public static final String CONTIG = "chr20";

    public static DemoOptions defaults(final Path project)
    {
        return new DemoOptions(project, Path.of("demo-out"), null, 3, 1, true, Duration.ofSeconds(10), 150_000,
            100_000, List.of(30, 25, 20), 32, 40, 20, 0.1, 32L << 20, 520L << 20);
    }

    /** The report path: the one given, or {@code demo-report.html} in the demo folder. */
    public Path reportFile()
    {
        return report != null ? report : out.resolve("demo-report.html");
    }

    public DemoOptions withOut(final Path dir)
    {
        return new DemoOptions(project, dir, report, rounds, seed, realMiners, timeout, windowStart, windowSize,
            coverages, sampleCoverage, snvs, indels, spikeOut, maxVcfBytes, bombBytes);
    }

    public DemoOptions withReport(final Path file)
    {
        return new DemoOptions(project, out, file, rounds, seed, realMiners, timeout, windowStart, windowSize,
            coverages, sampleCoverage, snvs, indels, spikeOut, maxVcfBytes, bombBytes);
    }

    public DemoOptions withRounds(final int n, final long s)
    {
        return new DemoOptions(project, out, report, n, s, realMiners, timeout, windowStart, windowSize, coverages,
            sampleCoverage, snvs, indels, spikeOut, maxVcfBytes, bombBytes);
    }

    public DemoOptions withRealMiners(final boolean on)
    {
        return new DemoOptions(project, out, report, rounds, seed, on, timeout, windowStart, windowSize, coverages,
            sampleCoverage, snvs, indels, spikeOut, maxVcfBytes, bombBytes);
    }

    public DemoOptions withTimeout(final Duration t)
    {
        return new DemoOptions(project, out, report, rounds, seed, realMiners, t, windowStart, windowSize, coverages,
            sampleCoverage, snvs, indels, spikeOut, maxVcfBytes, bombBytes);
    }

    public DemoOptions withWindow(final int start, final int size)
    {
        return new DemoOptions(project, out, report, rounds, seed, realMiners, timeout, start, size, coverages,
            sampleCoverage, snvs, indels, spikeOut, maxVcfBytes, bombBytes);
    }

    /** Checks ranges; the first problem, or null. */
    public String problem()
    {
        if (rounds < 1)
        {
            return "--rounds must be at least 1";
        }
        if (timeout.isNegative() || timeout.isZero())
        {
            return "--timeout must be positive";
        }
        if (windowSize < 5_000 || windowStart < 0)
        {
            return "the demo window must be at least 5 kb";
        }
        return null;
    }

    /**
     * Finds the callscore checkout: the first folder holding {@code examples/ref.fa.gz}, going up from where
     * {@code anchor}'s class was loaded (cli/target/callscore.jar, engine/target/classes), then from the working
     * folder. Null when there is none.
     */
    public static Path locateProject(final Class<?> anchor)
    {
        try
        {
            final Path code = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            final Path found = upwards(code);
            if (found != null)
            {
                return found;
            }
        }
        catch (final Exception e)
        {
            // No usable code source (unusual class loaders): try the working folder.
        }
        return upwards(Path.of("").toAbsolutePath());
    }

    private static Path upwards(final Path from)
    {
        for (Path p = from.toAbsolutePath(); p != null; p = p.getParent())
        {
            if (Files.isRegularFile(p.resolve("examples").resolve("ref.fa.gz")))
            {
                return p;
            }
        }
        return null;
    }
}

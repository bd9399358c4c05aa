package io.callscore.engine.demo;

import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.hotkey.Ss58;
import io.callscore.engine.miner.adversary.CopycatMiner;
import io.callscore.engine.miner.adversary.EmptyMiner;
import io.callscore.engine.miner.adversary.HugeMiner;
import io.callscore.engine.miner.adversary.LookUpMiner;
import io.callscore.engine.miner.adversary.MalformedMiner;
import io.callscore.engine.miner.adversary.NoisyMiner;
import io.callscore.engine.miner.adversary.SlowMiner;
import io.callscore.engine.miner.adversary.WrongHotkeyMiner;
import io.callscore.engine.miner.pileup.PileupInProcessMiner;
import io.callscore.engine.pool.FilePoolSink;
import io.callscore.engine.pool.PoolBuildOptions;
import io.callscore.engine.pool.PoolBuilder;
import io.callscore.engine.pool.PoolSink;
import io.callscore.engine.pool.PoolStoreImport;
import io.callscore.engine.pool.PoolTask;
import io.callscore.engine.pool.SmallVariant;
import io.callscore.engine.pool.TruthVcfReader;
import io.callscore.engine.pool.Window;
import io.callscore.engine.round.RoundJournal;
import io.callscore.engine.round.RoundSettings;
import io.callscore.engine.round.TaskSource;
import io.callscore.engine.round.Validator;
import io.callscore.engine.transport.CommandTransport;
import io.callscore.engine.transport.InProcessMiner;
import io.callscore.engine.transport.InProcessTransport;
import io.callscore.engine.transport.MinerTransport;
import io.callscore.engine.weights.WeightEmitter;
import io.callscore.store.MinerStateFile;
import io.callscore.vcf.InputException;
import io.callscore.vcf.ReferenceGenome;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code callscore demo}: the whole system on a fresh machine in one command. From the data in {@code examples/}
 * it simulates a sequenced sample (reads with their true alignments, no aligner needed), builds a hidden pool from
 * it with the normal BAM pool build, registers the built-in miner, every real miner whose tools are installed and
 * a set of adversaries, runs validator rounds, and writes an HTML report.
 *
 * <p>The pool is one window of the example chromosome built as many "genomes", one task each: every genome has
 * its own spike-ins and spike-outs (so every task has its own truth) and one of a few coverages, and all tasks share
 * one reference slice, so a copycat that relays another miner's answer sends a loadable VCF and it is the call-set
 * fingerprint that must catch it. One task per genome, not one per coverage: two honest miners that call twin tasks
 * (one genome's window at two coverages) perfectly return identical call sets, which the fingerprint check cannot
 * tell from copying (docs/miners.md, "Demo").
 */
public final class Demo
{
    /** The file that marks a folder as the demo's own, so a rerun may empty it. */
    public static final String MARKER = ".callscore-demo";
    static final int READ_LENGTH = 150;
    private static final int SAMPLE_PAD = 4000;

    /**
     * What a demo run did.
     *
     * @param miners the miners, by uid
     * @param rounds each round's outcome
     * @param pool   the pool folder
     * @param state  the validator state folder ({@code rounds.jsonl}, {@code weights.json})
     * @param report the HTML report
     * @param slow   the slow miner (for its interruption count)
     */
    public record Outcome(List<DemoMiner> miners, List<Validator.RoundOutcome> rounds, Path pool, Path state,
        Path report, SlowMiner slow)
    {
    }

    private final DemoOptions options;
    private final PrintStream out;

    private Demo(final DemoOptions options, final PrintStream out)
    {
        this.options = options;
        this.out = out;
    }

    public static Outcome run(final DemoOptions options, final PrintStream out)
    {
        final String problem = options.problem();
        if (problem != null)
        {
            throw new IllegalArgumentException(problem);
        }
        return new Demo(options, out).run();
    }

    private Outcome run()
    {
        final long t0 = System.nanoTime();
        final Path project = options.project();
        if (project == null || !Files.isRegularFile(project.resolve("examples").resolve("ref.fa.gz")))
        {
            throw new InputException("demo", 0, "cannot find the callscore checkout (examples/ref.fa.gz); run the "
                + "demo from it, or with bin/callscore");
        }
        final Path examples = project.resolve("examples");
        final Path reference = examples.resolve("ref.fa.gz");
        final Path truth = examples.resolve("truth.vcf.gz");
        final Path confident = examples.resolve("regions.bed");
        final Path dir = options.out().toAbsolutePath().normalize();
        prepare(dir);
        final Path pool = dir.resolve("pool");
        final Path state = dir.resolve("state");

        final Path bam = simulateSample(dir.resolve("sample"), reference, truth);
        final Roster roster = miners(project, pool, truth);
        buildPool(pool, dir.resolve("sample"), reference, truth, confident, bam, roster.miners.size());

        final List<Validator.RoundOutcome> rounds = new ArrayList<>();
        final List<MinerEntry> entries = roster.miners.stream().map(DemoMiner::entry).toList();
        final int uids = Math.max(16, entries.stream().mapToInt(MinerEntry::uid).max().orElse(0) + 1);
        try (TaskSource tasks = TaskSource.open(pool);
             MinerStateFile minerState = MinerStateFile.create(state, uids, MinerStateFile.DEFAULT_RING);
             Validator validator = new Validator(tasks, minerState, state, entries,
                 RoundSettings.defaults().withSeed(options.seed()), out, Clock.systemUTC()))
        {
            for (int r = 1; r <= options.rounds(); r++)
            {
                say("round %d/%d: one hidden task to each of %d miners, deadline %d s", r, options.rounds(),
                    entries.size(), options.timeout().toSeconds());
                rounds.add(validator.runRound());
            }
        }
        final Path report = options.reportFile().toAbsolutePath().normalize();
        DemoReport.write(report, roster.miners, state.resolve(RoundJournal.FILE_NAME), describePool());
        summary(roster.miners, rounds.getLast().weights());
        say("report: %s", report);
        say("done in %.1f s", (System.nanoTime() - t0) / 1e9);
        return new Outcome(roster.miners, rounds, pool, state, report, roster.slow);
    }

    // ---- the demo folder ---------------------------------------------------------------------------------------

    /** Makes the folder, or empties it when an earlier demo made it; refuses any other non-empty folder. */
    private static void prepare(final Path dir)
    {
        try
        {
            if (Files.exists(dir))
            {
                if (!Files.isDirectory(dir))
                {
                    throw new InputException(dir, "is not a folder");
                }
                try (Stream<Path> entries = Files.list(dir))
                {
                    final List<Path> all = entries.toList();
                    if (!all.isEmpty() && !Files.exists(dir.resolve(MARKER)))
                    {
                        throw new InputException(dir, "exists and is not a demo folder (no " + MARKER + " in it); "
                            + "choose another --out");
                    }
                    for (final Path p : all)
                    {
                        deleteTree(p);
                    }
                }
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(MARKER), "made by callscore demo; emptied by the next run\n");
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(final Path p) throws IOException
    {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
        {
            try (Stream<Path> children = Files.list(p))
            {
                for (final Path c : children.toList())
                {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }

    // ---- the sample ----------------------------------------------------------------------------------------------

    private int windowEnd()
    {
        return options.windowStart() + options.windowSize();
    }

    /** Reads of the window (plus margins) from the public truth's haplotypes, as an aligned sample BAM. */
    private Path simulateSample(final Path sampleDir, final Path reference, final Path truth)
    {
        final long t = System.nanoTime();
        try
        {
            Files.createDirectories(sampleDir);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        final ReferenceGenome genome = ReferenceGenome.open(reference);
        final String contig = DemoOptions.CONTIG;
        final int pad = PoolBuildOptions.DEFAULT_MARGIN + SAMPLE_PAD;
        if (!genome.contains(contig) || windowEnd() + pad > genome.length(contig) || options.windowStart() < pad)
        {
            throw new InputException(reference, "the demo window " + contig + ":" + (options.windowStart() + 1) + "-"
                + windowEnd() + " does not fit in the example reference");
        }
        final int from = options.windowStart() - pad;
        final int to = windowEnd() + pad;
        final List<SmallVariant> variants = TruthVcfReader.read(truth, Map.of(contig, new int[] {from, to}))
            .getOrDefault(contig, List.of());
        final Path bam = sampleDir.resolve("sample.bam");
        final SimulatedAlignedReads.Result r = SimulatedAlignedReads.write(genome, contig, from, to, variants,
            new SimulatedAlignedReads.Settings(options.sampleCoverage(), READ_LENGTH, 400, 50, 0.002,
                options.seed()), bam);
        say("sample: %,d read pairs (2x%d bp, %.0fx) over %s:%,d-%,d carrying %d public-truth variants, written with"
            + " their true alignments (%.1f s)", r.pairs(), READ_LENGTH, options.sampleCoverage(), contig, from + 1,
            to, variants.size(), (System.nanoTime() - t) / 1e9);
        return bam;
    }

    // ---- the pool ------------------------------------------------------------------------------------------------

    /** One genome (and task) per miner and round. */
    private int genomes(final int miners)
    {
        return options.rounds() * miners;
    }

    /** One build per genome label, all of the same window; then the store import. */
    private void buildPool(final Path pool, final Path sampleDir, final Path reference, final Path truth,
        final Path confident, final Path bam, final int miners)
    {
        final long t = System.nanoTime();
        final Path strata = sampleDir.resolve("window.bed");
        try
        {
            Files.writeString(strata, DemoOptions.CONTIG + "\t" + options.windowStart() + "\t" + windowEnd()
                + "\tdemo\n");
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        final int genomes = genomes(miners);
        say("pool: %d tasks of the window %s:%,d-%,d, each a genome of its own (%d SNV + %d indel spike-ins, %.0f%% "
            + "spike-outs) at one of %s", genomes, DemoOptions.CONTIG, options.windowStart() + 1, windowEnd(),
            options.snvs(), options.indels(), options.spikeOut() * 100, coverageText());
        final FilePoolSink files = FilePoolSink.open(pool);
        final AtomicInteger done = new AtomicInteger();
        for (int g = 1; g <= genomes; g++)
        {
            new PoolBuilder(genomeBuild(g, reference, truth, confident, bam, pool, strata),
                progressSink(files, genomes, done), out).run();
        }
        final int stored = PoolStoreImport.run(pool, files, genomes, null);
        say("pool: %d tasks in the store, all available (%.1f s)", stored, (System.nanoTime() - t) / 1e9);
    }

    /** Genome {@code g}: the demo window, its own seed (so its own spikes), one coverage of the list in turn. */
    private PoolBuildOptions genomeBuild(final int g, final Path reference, final Path truth, final Path confident,
        final Path bam, final Path pool, final Path strata)
    {
        return PoolBuildOptions.defaults(reference, truth, confident, bam, String.format(Locale.ROOT, "DEMO-%02d", g),
                pool)
            .withWindows(1, options.windowSize())
            .withStrata(strata)
            .withCoverages(List.of(options.coverages().get((g - 1) % options.coverages().size())))
            .withSpikes(options.snvs(), options.indels(), options.spikeOut())
            .withSeed(options.seed() * 1_000_003L + g)
            .withOutput("demo", PoolBuildOptions.DEFAULT_MARGIN, 1, false);
    }

    /** The file sink, with a progress line per finished genome. */
    private PoolSink progressSink(final FilePoolSink files, final int genomes, final AtomicInteger done)
    {
        final long t = System.nanoTime();
        return new PoolSink()
        {
            @Override
            public boolean isComplete(final String genome, final int window)
            {
                return files.isComplete(genome, window);
            }

            @Override
            public void addWindow(final String genome, final Window window, final List<PoolTask> tasks)
            {
                files.addWindow(genome, window, tasks);
                final PoolTask first = tasks.getFirst();
                say("pool %2d/%d %s: %d SNVs + %d indels spiked, %d reverted, %d truth records; %.0fx, %,d reads "
                    + "(%.1f s)", done.incrementAndGet(), genomes, genome, first.spikedSnvs(), first.spikedIndels(),
                    first.reverted(), first.truthRecords(), first.coverage(), first.reads(),
                    (System.nanoTime() - t) / 1e9);
            }

            @Override
            public void finish()
            {
                files.finish();
            }
        };
    }

    private String coverageText()
    {
        return String.join(", ", options.coverages().stream().map(c -> c + "x").toList());
    }

    private String describePool()
    {
        return String.format(Locale.ROOT, "One %,d bp window of GRCh38 %s (%s:%,d-%,d, from examples/ref.fa.gz) of a "
            + "simulated sample carrying examples/truth.vcf.gz, built as one task per \"genome\" at %s, each genome "
            + "with its own %d SNV and %d indel spike-ins and %.0f%% of its truth variants spiked out.",
            options.windowSize(), DemoOptions.CONTIG, DemoOptions.CONTIG, options.windowStart() + 1, windowEnd(),
            coverageText(), options.snvs(), options.indels(), options.spikeOut() * 100);
    }

    // ---- the miners ----------------------------------------------------------------------------------------------

    private record Roster(List<DemoMiner> miners, SlowMiner slow)
    {
    }

    private Roster miners(final Path project, final Path pool, final Path publicTruth)
    {
        final List<DemoMiner> list = new ArrayList<>();
        final String pileupKey = hotkey("pileup");
        list.add(inProcess(0, "pileup", true, "built-in pileup caller (callscore miner pileup), in-process",
            pileupKey, new PileupInProcessMiner(pileupKey)));
        if (options.realMiners())
        {
            real(list, 1, "bcftools", project, "bcftools mpileup | call -mv, bcftools norm (miners/bcftools.sh)",
                List.of("bcftools"));
            real(list, 2, "freebayes", project, "freebayes, bcftools norm when installed (miners/freebayes.sh)",
                List.of("freebayes"));
        }
        else
        {
            say("real miners left out (--no-real-miners)");
        }
        final String noisy = hotkey("noisy");
        list.add(inProcess(3, "noisy", false, "the pileup caller's calls plus 25% random heterozygous SNVs", noisy,
            new NoisyMiner(noisy, new PileupInProcessMiner(noisy), 0.25, options.seed())));
        final String lookUp = hotkey("look-up");
        list.add(inProcess(4, "look-up", false, "recognises the sample and returns its public truth for the window",
            lookUp, new LookUpMiner(lookUp, pool.resolve("manifest.jsonl"), publicTruth,
                PoolBuildOptions.DEFAULT_MARGIN)));
        final String copycat = hotkey("copycat");
        list.add(inProcess(5, "copycat", false, "relays uid 0's answer of the same round under its own hotkey",
            copycat, new CopycatMiner(copycat, 0, Duration.ofMillis(200))));
        final String wrong = hotkey("wrong-hotkey");
        list.add(inProcess(6, "wrong-hotkey", false, "calls honestly but signs the VCF with uid 0's hotkey", wrong,
            new WrongHotkeyMiner(new PileupInProcessMiner(wrong), pileupKey)));
        final String empty = hotkey("empty");
        list.add(inProcess(7, "empty", false, "a header and no calls", empty, new EmptyMiner(empty)));
        final String malformed = hotkey("malformed");
        list.add(inProcess(8, "malformed", false, "junk after a valid header", malformed,
            new MalformedMiner(malformed, options.seed())));
        final String slowKey = hotkey("slow");
        final SlowMiner slow = new SlowMiner(slowKey, options.timeout().multipliedBy(60));
        list.add(inProcess(9, "slow", false, "sleeps far past the deadline", slowKey, slow));
        final String huge = hotkey("huge");
        list.add(inProcess(10, "huge", false, "streams records without end (transport byte cap)", huge,
            new HugeMiner(huge, HugeMiner.Mode.STREAM, 0)));
        final String bomb = hotkey("gzip-bomb");
        list.add(inProcess(11, "gzip-bomb", false, String.format(Locale.ROOT,
            "a small gzip file that inflates to %,d MB (scorer's decompressed-bytes cap)", options.bombBytes() >> 20),
            bomb, new HugeMiner(bomb, HugeMiner.Mode.GZIP_BOMB, options.bombBytes())));
        list.sort(Comparator.comparingInt(DemoMiner::uid));
        for (final DemoMiner m : list)
        {
            say("miner uid %2d %-12s %s: %s", m.uid(), m.name(), m.honest() ? "honest   " : "adversary",
                m.description());
        }
        return new Roster(List.copyOf(list), slow);
    }

    private DemoMiner inProcess(final int uid, final String name, final boolean honest, final String description,
        final String hotkey, final InProcessMiner miner)
    {
        final MinerTransport t = new InProcessTransport(name, miner, options.timeout(), options.maxVcfBytes());
        return new DemoMiner(uid, name, honest, description, hotkey, new ProgressTransport(t, uid, name, out));
    }

    /** A real miner script when its tools are installed; otherwise says which Debian package to install. */
    private void real(final List<DemoMiner> list, final int uid, final String name, final Path project,
        final String description, final List<String> tools)
    {
        final Path script = project.resolve("miners").resolve(name + ".sh");
        if (!Files.isRegularFile(script))
        {
            say("%s miner left out: %s is missing", name, script);
            return;
        }
        for (final String tool : tools)
        {
            if (!onPath(tool))
            {
                say("%s miner left out: %s is not installed (Debian package %s)", name, tool, tool);
                return;
            }
        }
        final String hotkey = hotkey(name);
        final MinerTransport t = new CommandTransport(List.of("bash", script.toString(), hotkey), options.timeout(),
            options.maxVcfBytes());
        list.add(new DemoMiner(uid, name, true, description, hotkey, new ProgressTransport(t, uid, name, out)));
    }

    static boolean onPath(final String tool)
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return false;
        }
        for (final String d : path.split(File.pathSeparator))
        {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool)))
            {
                return true;
            }
        }
        return false;
    }

    /** A fixed, valid SS58 hotkey per demo miner (SHA-256 of its name as the public key). */
    static String hotkey(final String name)
    {
        try
        {
            return Ss58.encode(MessageDigest.getInstance("SHA-256")
                .digest(("callscore-demo/" + name).getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // ---- output --------------------------------------------------------------------------------------------------

    private void summary(final List<DemoMiner> miners, final WeightEmitter.Emit weights)
    {
        long total = 0;
        for (final int w : weights.weights())
        {
            total += w;
        }
        say("weights of the last round, as set on chain (u16; STATE/weights.json):");
        for (final DemoMiner m : miners)
        {
            int w = 0;
            for (int i = 0; i < weights.uids().length; i++)
            {
                if (weights.uids()[i] == m.uid())
                {
                    w = weights.weights()[i];
                }
            }
            say("  uid %2d %-12s %5d  %5.1f%%", m.uid(), m.name(), w, total == 0 ? 0.0 : 100.0 * w / total);
        }
    }

    private void say(final String format, final Object... args)
    {
        out.println("[demo] " + String.format(Locale.ROOT, format, args));
        out.flush();
    }
}

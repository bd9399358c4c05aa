package io.callscore.bench.round;

import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.hotkey.Ss58;
import io.callscore.engine.round.RoundSettings;
import io.callscore.engine.round.TaskSource;
import io.callscore.engine.round.Validator;
import io.callscore.engine.synthetic.SyntheticCallSets;
import io.callscore.engine.transport.CommandTransport;
import io.callscore.store.MinerStateFile;
import io.callscore.store.TruthImport;
import io.callscore.vcf.ReferenceGenome;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

/**
 * Round-scale measurement of the validator loop (issue 5): rounds of M local command miners that return prepared
 * VCFs, timed phase by phase, and heap/RSS sampled over many rounds. Two steps:
 * <pre>
 * RoundScale prepare --dir WORK --reference ref.fa.gz --tasks N --variants V [--seed S] [--threads T]
 * RoundScale run     --dir WORK --miners M --rounds R [--report-every K] [--seed S]
 * </pre>
 * {@code prepare} writes WORK/ref.fa (+ .fai), N synthetic tasks over the whole reference (a truth of about V
 * variants and a ~97%-accurate call set each, {@link SyntheticCallSets}), a pool with their truth
 * (WORK/pool), the calls as each task's prepared answer (WORK/pool/answers/ID.vcf) and WORK/miner.sh. {@code run}
 * creates a fresh state (WORK/state-MxR), runs R rounds with M miners (each round M tasks), prints one line per round
 * (claim, query, score, commit in ms) and, every K rounds, heap used after a full GC and the process RSS.
 * bench/round-scale.sh runs both with the figures of docs/performance.md.
 */
public final class RoundScale
{
    private RoundScale()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        if (args.length == 0)
        {
            throw new IllegalArgumentException("usage: RoundScale prepare|run --dir WORK ...");
        }
        final Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0])
        {
            case "prepare" -> prepare(Path.of(opts.get("dir")), Path.of(opts.get("reference")),
                Integer.parseInt(opts.get("tasks")), Integer.parseInt(opts.getOrDefault("variants", "3000")),
                Long.parseLong(opts.getOrDefault("seed", "1")),
                Integer.parseInt(opts.getOrDefault("threads", Integer.toString(cores()))));
            case "run" -> run(Path.of(opts.get("dir")), Integer.parseInt(opts.get("miners")),
                Integer.parseInt(opts.get("rounds")), Integer.parseInt(opts.getOrDefault("report-every", "0")),
                Long.parseLong(opts.getOrDefault("seed", "1")));
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    private static int cores()
    {
        return Runtime.getRuntime().availableProcessors();
    }

    private static Map<String, String> options(final String[] args)
    {
        final Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            if (!args[i].startsWith("--"))
            {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }

    // ---- prepare ----------------------------------------------------------------------------------------------

    private static void prepare(final Path dir, final Path reference, final int tasks, final int variants,
        final long seed, final int threads) throws Exception
    {
        final long start = System.nanoTime();
        Files.createDirectories(dir);
        final Path ref = writeReference(reference, dir.resolve("ref.fa"));
        final ReferenceGenome genome = ReferenceGenome.open(ref);
        final Path pool = dir.resolve("pool");
        if (Files.exists(pool))
        {
            throw new IllegalStateException(pool + " exists; remove WORK to prepare again");
        }
        final Path answers = Files.createDirectories(pool.resolve("answers"));
        final Path gen = Files.createDirectories(dir.resolve("gen"));
        final List<String> manifest = new ArrayList<>(tasks);
        final ExecutorService workers = Executors.newFixedThreadPool(threads);
        final List<Future<String>> lines = new ArrayList<>(tasks);
        final String[] coverages = {"30", "15", "6"};
        final String[] difficulties = {"easy", "medium", "hard"};
        for (int t = 0; t < tasks; t++)
        {
            final int task = t;
            lines.add(workers.submit(() ->
            {
                final UUID id = new UUID(0x5ca1e000L + seed, task);
                // Each worker needs its own reference: ReferenceGenome caches bases and is not shared across threads.
                final SyntheticCallSets.Written w = new SyntheticCallSets(ReferenceGenome.open(ref), List.of(),
                    SyntheticCallSets.Profile.realistic(variants), seed * 1_000_003L + task).write(gen.resolve(
                        id.toString()));
                gunzip(w.calls(), answers.resolve(id + ".vcf"));
                final Path data = Files.createDirectories(pool.resolve("tasks").resolve(id.toString()));
                Files.createSymbolicLink(data.resolve("ref.fa"), ref.toAbsolutePath());
                Files.createSymbolicLink(data.resolve("ref.fa.fai"), dir.resolve("ref.fa.fai").toAbsolutePath());
                Files.writeString(data.resolve("reads.bam"), "");
                return "{\"task_id\":\"" + id + "\",\"truth_vcf\":\"gen/" + id + "/truth.vcf.gz\",\"truth_bed\":\"gen/"
                    + id + "/regions.bed\",\"genome\":\"SYN" + (task % 2) + "\",\"coverage\":" + coverages[task % 3]
                    + ",\"region\":\"set" + task + ":1-" + genome.length(genome.names().get(0))
                    + "\",\"difficulty\":\""
                    + difficulties[task % 3] + "\",\"input_type\":\"bam\",\"data_locator\":\"tasks/" + id + "\"}";
            }));
        }
        for (final Future<String> f : lines)
        {
            manifest.add(f.get());
        }
        workers.shutdown();
        final Path manifestFile = dir.resolve("tasks.jsonl");
        Files.write(manifestFile, manifest);
        final long generated = System.nanoTime();
        final TruthImport.Result result = TruthImport.importInto(pool, manifestFile, genome, 0, 0.25);
        Files.writeString(dir.resolve("miner.sh"), MINER_SCRIPT);
        System.out.printf(Locale.ROOT, "prepared %d tasks (%d variants each) in %s: generated in %.1f s, imported "
            + "in %.1f s (%d bytes of truth records)%n", result.imported(), variants, dir,
            (generated - start) / 1e9, (System.nanoTime() - generated) / 1e9, result.recordBytes());
    }

    /**
     * A command miner: reads the task id from the task JSON with bash alone, then writes its hotkey header and the
     * prepared answer. Arguments: TASK_JSON OUT_VCF HOTKEY ANSWERS_DIR. One bash and one cat per query.
     */
    static final String MINER_SCRIPT = """
        #!/usr/bin/env bash
        while IFS= read -r line; do
          if [[ $line =~ \\"task_id\\"\\ *:\\ *\\"([^\\"]+)\\" ]]; then id=${BASH_REMATCH[1]}; break; fi
        done < "$1"
        { echo "##miner_hotkey=$3"; cat "$4/$id.vcf"; } > "$2"
        """;

    /** The reference as plain FASTA in 60-column lines with its .fai, so each task opens it lazily. */
    private static Path writeReference(final Path source, final Path target) throws IOException
    {
        final ReferenceGenome in = ReferenceGenome.open(source);
        final StringBuilder fai = new StringBuilder();
        long offset = 0;
        try (OutputStream out = Files.newOutputStream(target))
        {
            for (final String name : in.names())
            {
                final byte[] bases = in.bases(name);
                final byte[] header = (">" + name + "\n").getBytes(StandardCharsets.US_ASCII);
                out.write(header);
                offset += header.length;
                fai.append(name).append('\t').append(bases.length).append('\t').append(offset).append("\t60\t61\n");
                final byte[] line = new byte[61];
                for (int i = 0; i < bases.length; i += 60)
                {
                    final int n = Math.min(60, bases.length - i);
                    for (int j = 0; j < n; j++)
                    {
                        line[j] = io.callscore.vcf.Bases.letter(bases[i + j]);
                    }
                    line[n] = '\n';
                    out.write(line, 0, n + 1);
                    offset += n + 1;
                }
            }
        }
        Files.writeString(target.resolveSibling(target.getFileName() + ".fai"), fai.toString());
        return target;
    }

    private static void gunzip(final Path from, final Path to) throws IOException
    {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(from), 1 << 16);
             OutputStream out = Files.newOutputStream(to))
        {
            in.transferTo(out);
        }
    }

    // ---- run --------------------------------------------------------------------------------------------------

    private static void run(final Path dir, final int minerCount, final int rounds, final int reportEvery,
        final long seed) throws Exception
    {
        final Path pool = dir.resolve("pool");
        final Path state = dir.resolve("state-" + minerCount + "x" + rounds);
        if (Files.exists(state))
        {
            throw new IllegalStateException(state + " exists; remove it to run again");
        }
        Files.createDirectories(state);
        final List<MinerEntry> miners = new ArrayList<>(minerCount);
        for (int uid = 0; uid < minerCount; uid++)
        {
            final String hotkey = hotkey(uid);
            miners.add(new MinerEntry(uid, hotkey, new CommandTransport(List.of("bash",
                dir.resolve("miner.sh").toString(), "{task}", "{out}", hotkey, pool.resolve("answers").toString()),
                Duration.ofSeconds(120), 256L << 20), uid + 1));
        }
        final RoundSettings settings = RoundSettings.defaults().withSeed(seed);
        final long[] totals = new long[rounds];
        final long[] scoreCommit = new long[rounds];
        final long[] claims = new long[rounds];
        final long[] queries = new long[rounds];
        final long[] scores = new long[rounds];
        final long[] commits = new long[rounds];
        final long openStart = System.nanoTime();
        try (PrintStream log = new PrintStream(Files.newOutputStream(state.resolve("validator.log")), false,
            StandardCharsets.UTF_8);
             TaskSource tasks = TaskSource.openForValidator(pool);
             MinerStateFile minerState = MinerStateFile.create(state, Math.max(256, minerCount), 64);
             Validator validator = new Validator(tasks, minerState, state, miners, settings, log, Clock.systemUTC()))
        {
            System.out.printf(Locale.ROOT, "opened the pool (%d tasks available) in %d ms; %d miners, %d rounds%n",
                tasks.availableCount(), (System.nanoTime() - openStart) / 1_000_000, minerCount, rounds);
            System.out.println("round  scored  mean_score  claim_ms  query_ms  score_ms  commit_ms  total_ms");
            report(0, state);
            for (int r = 0; r < rounds; r++)
            {
                final Validator.RoundOutcome o = validator.runRound();
                final Validator.Timings t = o.timings();
                claims[r] = t.claimMs();
                queries[r] = t.queryMs();
                scores[r] = t.scoreMs();
                commits[r] = t.commitMs();
                scoreCommit[r] = t.scoreMs() + t.commitMs();
                totals[r] = t.totalMs();
                final double mean = o.results().stream().mapToDouble(x -> x.score().score()).average().orElse(0);
                final long zero = o.results().stream().filter(x -> x.score().score() == 0).count();
                if (reportEvery == 0 || rounds <= 20 || (r + 1) % reportEvery == 0)
                {
                    System.out.printf(Locale.ROOT, "%5d  %6d  %10.4f  %8d  %8d  %8d  %9d  %8d%s%n", o.round(),
                        o.results().size(), mean, t.claimMs(), t.queryMs(), t.scoreMs(), t.commitMs(), t.totalMs(),
                        zero > 0 ? "  (" + zero + " scored 0: " + o.results().stream().filter(x -> x.score()
                            .score() == 0).findFirst().orElseThrow().score().reason() + ")" : "");
                }
                if (reportEvery > 0 && (r + 1) % reportEvery == 0)
                {
                    report(r + 1, state);
                }
            }
        }
        System.out.printf(Locale.ROOT, "summary over %d rounds (ms): claim %s | query %s | score %s | commit %s | "
            + "score+commit %s | total %s%n", rounds, stats(claims), stats(queries), stats(scores), stats(commits),
            stats(scoreCommit), stats(totals));
    }

    /**
     * Heap used after a full GC (what a leak would grow), the heap the JVM keeps committed, the process RSS split
     * into anonymous memory (heap, metaspace, threads, direct buffers) and file pages (the mapped truth and claim
     * maps, jars), and the journal's size.
     */
    private static void report(final int round, final Path state) throws IOException
    {
        System.gc();
        final var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        final Path journal = state.resolve("rounds.jsonl");
        System.out.printf(Locale.ROOT, "memory after round %d: heap used after GC %.1f MB (committed %.0f MB), "
            + "RSS %.0f MB (anon %.0f, file %.0f), rounds.jsonl %.1f MB%n", round, heap.getUsed() / 1e6,
            heap.getCommitted() / 1e6, statusKb("VmRSS") / 1e3, statusKb("RssAnon") / 1e3, statusKb("RssFile") / 1e3,
            Files.exists(journal) ? Files.size(journal) / 1e6 : 0.0);
        final String nmt = nativeMemory();
        if (!nmt.isEmpty())
        {
            System.out.println("  native memory (committed): " + nmt);
        }
    }

    /**
     * With -XX:NativeMemoryTracking=summary: the JVM's committed memory by category (NMT's "vmNativeMemory
     * summary", asked in-process through the DiagnosticCommand MBean), the categories over 1 MB; else empty.
     */
    private static String nativeMemory()
    {
        try
        {
            final Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                new Object[] {new String[] {"summary", "scale=MB"}}, new String[] {String[].class.getName()});
            final StringBuilder out = new StringBuilder();
            final java.util.regex.Matcher total = java.util.regex.Pattern
                .compile("Total: reserved=\\d+MB, committed=(\\d+)MB").matcher(text.toString());
            if (!total.find())
            {
                return "";
            }
            out.append("total ").append(total.group(1)).append(" MB");
            final java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("-\\s+(\\S[^(]*?) \\(reserved=\\d+MB, committed=(\\d+)MB\\)").matcher(text.toString());
            while (m.find())
            {
                if (Integer.parseInt(m.group(2)) >= 1)
                {
                    out.append(", ").append(m.group(1).strip()).append(' ').append(m.group(2));
                }
            }
            return out.toString();
        }
        catch (final javax.management.JMException | RuntimeException e)
        {
            return "";
        }
    }

    /** A field of /proc/self/status in kB, or -1 (not Linux). */
    private static long statusKb(final String field)
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
            {
                if (line.startsWith(field + ":"))
                {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        catch (final IOException | UncheckedIOException e)
        {
            // not Linux: no RSS
        }
        return -1;
    }

    /** "median m, p90 p, max x". */
    private static String stats(final long[] values)
    {
        final long[] v = values.clone();
        Arrays.sort(v);
        return "median " + v[v.length / 2] + ", p90 " + v[Math.min(v.length - 1, (int)(v.length * 0.9))] + ", max "
            + v[v.length - 1];
    }

    static String hotkey(final int uid)
    {
        final byte[] key = new byte[32];
        key[0] = (byte)0xC5;
        key[1] = (byte)(uid >>> 8);
        key[2] = (byte)uid;
        Arrays.fill(key, 3, 32, (byte)0x42);
        return Ss58.encode(key);
    }
}

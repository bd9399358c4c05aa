package io.callscore.engine.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callscore.compare.CompareOptions;
import io.callscore.engine.anticheat.DuplicateDetector;
import io.callscore.engine.anticheat.ScoreCorrelation;
import io.callscore.engine.cert.CertificateIssuer;
import io.callscore.engine.cert.CertificateStore;
import io.callscore.engine.cert.ScoreCertificate;
import io.callscore.engine.cert.Sha256;
import io.callscore.engine.cert.ValidatorKey;
import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.transport.MinerResponse;
import io.callscore.engine.user.UserRound;
import io.callscore.engine.weights.EmaUpdate;
import io.callscore.engine.weights.InnovationBoost;
import io.callscore.engine.weights.WeightEmitter;
import io.callscore.store.MinerStateFile;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The validator: rounds of sample → claim → query → score → update → commit → weights. {@link #runRound()} is the
 * whole loop in one place; everything it calls is a small class of its own.
 *
 * <p>Crash safety: a round's record is forced to {@code rounds.jsonl} before the miner state commits the round;
 * claims are marked scored after the commit (again on restart, for the committed round, and weights.json is
 * rewritten from its record). A crash at any point therefore resumes from the last committed round with nothing
 * scored twice: the journal drops the record of a round that did not commit. Tasks claimed in an abandoned round
 * stay claimed (a claim never returns to available) until their deadline, so they are never re-issued. Open the pool
 * with {@link TaskSource#openForValidator}, which also releases claim-map locks a killed validator left held.
 */
public final class Validator implements AutoCloseable
{
    /** What one round did, for callers and tests. */
    public record RoundOutcome(long round, List<Result> results, WeightEmitter.Emit weights, Timings timings)
    {
    }

    /**
     * Where a round's wall time went, in milliseconds.
     *
     * @param claimMs  sampling, claiming and loading the tasks (truth, reference, task JSON)
     * @param queryMs  from the first task sent to the last response in
     * @param scoreMs  comparing every response with its truth, and duplicate checks
     * @param commitMs EMA and boosts, the journal write, the state commit, marking claims, weights.json, the rest
     */
    public record Timings(long claimMs, long queryMs, long scoreMs, long commitMs)
    {
        public long totalMs()
        {
            return claimMs + queryMs + scoreMs + commitMs;
        }
    }

    /** One miner's part in a round. */
    public record Result(MinerEntry miner, UUID taskId, MinerResponse response, TaskScore score, String duplicateOf)
    {
    }

    private record Assignment(MinerEntry miner, TaskSource.Task task)
    {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskSource tasks;
    private final MinerStateFile state;
    private final Path stateDir;
    private final List<MinerEntry> miners;
    private final RoundSettings settings;
    private final PrintStream log;
    private final Clock clock;
    private final TaskScorer scorer;
    private final RoundJournal journal;
    private final DuplicateDetector duplicates;
    private final CertificateIssuer certificates;
    private final ExecutorService queryPool;
    private final ExecutorService scorePool;
    private final AtomicBoolean stop = new AtomicBoolean();
    private double recordLevel;
    private UserRound userRound;

    public Validator(final TaskSource tasks, final MinerStateFile state, final Path stateDir,
        final List<MinerEntry> miners, final RoundSettings settings, final PrintStream log, final Clock clock)
    {
        this.tasks = tasks;
        this.state = state;
        this.stateDir = stateDir;
        this.miners = List.copyOf(miners);
        this.settings = settings;
        this.log = log;
        this.clock = clock;
        this.scorer = new TaskScorer(CompareOptions.defaults(), settings.snpWeight(), settings.maxVcfTextBytes());
        for (final MinerEntry m : miners)
        {
            if (m.uid() >= state.uidCapacity())
            {
                throw new IllegalArgumentException("uid " + m.uid() + " is beyond the state's capacity of "
                    + state.uidCapacity() + " uids");
            }
        }
        this.journal = RoundJournal.open(stateDir, state.committedRound(), Math.max(64, settings.lookBackRounds()));
        this.duplicates = new DuplicateDetector(settings.lookBackRounds());
        restoreFromJournal();
        this.certificates = settings.keyFile() == null ? null
            : new CertificateIssuer(ValidatorKey.load(settings.keyFile()), "callscore " + version(), clock);
        reissueCertificates(journal.last());
        this.queryPool = Executors.newFixedThreadPool(Math.max(1, settings.queryThreads()), daemon("query"));
        this.scorePool = Executors.newFixedThreadPool(Math.max(1, settings.scoreThreads()), daemon("score"));
    }

    /** Runs rounds until {@code rounds} have run (negative: until stopped). Returns the rounds run. */
    public int runRounds(final long rounds)
    {
        int done = 0;
        while ((rounds < 0 || done < rounds) && !stop.get())
        {
            runRound();
            done++;
        }
        return done;
    }

    /**
     * Also dispatch and score user jobs each round (docs/user-mode.md). Jobs of rounds that committed before a crash
     * left them unsettled are settled now, certificates included, rather than after the next round.
     */
    public void enableUserJobs(final UserRound jobs)
    {
        this.userRound = jobs;
        jobs.committed(state.committedRound(), certificates, CertificateStore.inState(stateDir));
    }

    /** Ask the loop to stop after the current round. */
    public void requestStop()
    {
        stop.set(true);
    }

    /** One round, start to commit. */
    public RoundOutcome runRound()
    {
        final long round = state.committedRound() + 1;
        final long startMs = clock.millis();
        final long t0 = System.nanoTime();
        final SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + round);
        final List<MinerEntry> queried = chooseMiners(random);
        final int k = settings.tasksPerRound() > 0 ? settings.tasksPerRound() : queried.size();
        final List<UUID> sampled = tasks.sample(Math.max(k, queried.size()), random, round,
            settings.lookBackRounds());
        final List<Assignment> assignments = claim(queried, sampled, startMs);
        log.printf("round %d: %d miners, %d tasks claimed, %d available were sampled%n", round, queried.size(),
            assignments.size(), sampled.size());
        final Path work = workDir(round);
        final long t1 = System.nanoTime();
        for (final Assignment a : assignments)
        {
            tasks.noteDispatched(a.task().id(), round);
        }
        // Each answer's arrival time, on one clock: the order that decides who copied whom.
        final long[] arrived = new long[assignments.size()];
        final List<MinerResponse> responses = parallel(queryPool, indices(assignments.size()), i ->
        {
            final MinerResponse r = fetch(assignments.get(i), work);
            arrived[i] = System.nanoTime();
            return r;
        });
        final long t2 = System.nanoTime();
        final List<TaskScore> scores = parallel(scorePool, indices(assignments.size()),
            i -> scorer.score(assignments.get(i).task().truth(), assignments.get(i).miner().hotkey(), responses.get(i)));
        final List<Result> results = flagDuplicates(round, assignments, responses, scores, arrived);
        // User jobs: recorded apart from benchmark results; their scores feed the EMA only when configured.
        final UserRound.Outcome user = userRound == null ? UserRound.Outcome.none()
            : userRound.run(round, queried, random, work, queryPool, scorePool);
        final long t3 = System.nanoTime();

        // State: hotkeys, EMA over every uid (unscored uids decay), recent scores, boosts.
        final int[] uids = new int[results.size()];
        final double[] rewards = new double[results.size()];
        for (int i = 0; i < results.size(); i++)
        {
            final Result r = results.get(i);
            state.register(r.miner().uid(), r.miner().hotkey());
            uids[i] = r.miner().uid();
            rewards[i] = r.score().score();
        }
        final double[] ema = new double[state.uidCapacity()];
        for (int u = 0; u < ema.length; u++)
        {
            ema[u] = state.ema(u);
        }
        user.rewardedMiners().forEach(m -> state.register(m.uid(), m.hotkey()));
        final UserRound.Rewards emaInput = user.mergeRewards(uids, rewards);
        EmaUpdate.apply(ema, emaInput.uids(), emaInput.rewards(), settings.alpha());
        for (int u = 0; u < ema.length; u++)
        {
            if (state.isOccupied(u))
            {
                state.ema(u, ema[u]);
            }
        }
        for (int i = 0; i < uids.length; i++)
        {
            state.recordScore(uids[i], rewards[i], round);
        }
        final List<Integer> boosted = grantBoosts(uids, round);
        final double[] boost = new double[ema.length];
        for (int u = 0; u < ema.length; u++)
        {
            boost[u] = state.isOccupied(u)
                ? settings.boost().valueAt(state.boostValue(u), state.boostStartRound(u), round) : 0.0;
            recordLevel = Math.max(recordLevel, ema[u]);
        }
        final WeightEmitter.Emit weights = WeightEmitter.emit(ema, boost, settings.maxWeight());

        // Commit: journal first (forced), then the state, then the claims.
        final ObjectNode record = RoundRecords.of(round, startMs, clock.millis(), results, ema, boost, boosted,
            recordLevel, weights, copySuspects(round, results));
        user.addTo(record);
        journal.append(record);
        state.commit(round);
        for (final Result r : results)
        {
            tasks.markScored(r.taskId(), r.miner().hotkey(), clock.millis());
        }
        writeWeights(round, weights);
        submitWeights();
        issueCertificates(results);
        if (userRound != null)
        {
            userRound.committed(round, certificates, CertificateStore.inState(stateDir));
        }
        cleanWorkDirs(round);
        final Timings timings = new Timings(millis(t1 - t0), millis(t2 - t1), millis(t3 - t2),
            millis(System.nanoTime() - t3));
        log.print(Leaderboard.of(round, miners, results, ema, boost, weights));
        log.printf("round %d took %d ms: claim %d, query %d, score %d, commit %d%n", round, timings.totalMs(),
            timings.claimMs(), timings.queryMs(), timings.scoreMs(), timings.commitMs());
        return new RoundOutcome(round, results, weights, timings);
    }

    private List<MinerEntry> chooseMiners(final SplittableRandom random)
    {
        final List<MinerEntry> all = new ArrayList<>(miners);
        all.sort(Comparator.comparingInt(MinerEntry::uid));
        if (settings.minersPerRound() <= 0 || settings.minersPerRound() >= all.size())
        {
            return all;
        }
        TaskSource.shuffle(all, random);
        final List<MinerEntry> some = new ArrayList<>(all.subList(0, settings.minersPerRound()));
        some.sort(Comparator.comparingInt(MinerEntry::uid));
        return some;
    }

    /**
     * Each miner claims its own task; a task someone else claimed meanwhile is skipped. A miner gets a task of a
     * source window it was never given before when the sample has one: the coverages of a window share their
     * reads, so a miner could recognise a window it called in an earlier round and reuse that answer. Only when
     * every remaining task is of a window it has seen does it get one of those (the pool needs new windows then;
     * the round log says how often that happened).
     */
    private List<Assignment> claim(final List<MinerEntry> queried, final List<UUID> sampled, final long nowMs)
    {
        final List<Assignment> out = new ArrayList<>();
        final boolean[] used = new boolean[sampled.size()];
        int reused = 0;
        for (final MinerEntry m : queried)
        {
            boolean got = false;
            for (int pass = 0; pass < 2 && !got; pass++)
            {
                for (int i = 0; i < sampled.size() && !got; i++)
                {
                    final UUID id = sampled.get(i);
                    if (used[i] || (pass == 0 && tasks.windowSeenBy(m.hotkey(), id)))
                    {
                        continue;
                    }
                    used[i] = true;
                    if (tasks.claim(id, m.hotkey(), nowMs, nowMs + settings.claimDeadlineMs()))
                    {
                        out.add(new Assignment(m, tasks.load(id, settings.refBuild())));
                        got = true;
                        reused += pass;
                    }
                }
            }
        }
        if (reused > 0)
        {
            log.printf("round: %d miner%s given a task of a window they had seen (no unseen window was left in the"
                + " sample; build more windows)%n", reused, reused == 1 ? " was" : "s were");
        }
        return out;
    }

    private MinerResponse fetch(final Assignment a, final Path work)
    {
        try
        {
            final Path dir = Files.createDirectories(work.resolve("uid-" + a.miner().uid()));
            final Path taskJson = dir.resolve("task.json");
            final String text = a.task().minerTask().toJson();
            Files.writeString(taskJson, text, StandardCharsets.UTF_8);
            return a.miner().transport().fetch(taskJson, text, dir.resolve("calls.vcf"));
        }
        catch (final IOException e)
        {
            return MinerResponse.failed(MinerResponse.Status.FAILED, "cannot prepare the task: " + e.getMessage(), 0);
        }
    }

    /** In arrival order, a call set identical to one another miner sent earlier scores 0. */
    private List<Result> flagDuplicates(final long round, final List<Assignment> assignments,
        final List<MinerResponse> responses, final List<TaskScore> scores, final long[] arrived)
    {
        final List<Integer> order = new ArrayList<>(indices(assignments.size()));
        order.sort(Comparator.<Integer>comparingLong(i -> arrived[i])
            .thenComparingInt(i -> assignments.get(i).miner().uid()));
        final Result[] out = new Result[assignments.size()];
        for (final int i : order)
        {
            final Assignment a = assignments.get(i);
            TaskScore s = scores.get(i);
            String duplicateOf = null;
            if (s.fingerprint() != null)
            {
                final DuplicateDetector.Owner owner = duplicates.submit(s.fingerprint(), s.emptyCallSet(),
                    a.miner().uid(), round, a.task().id().toString());
                if (owner != null)
                {
                    duplicateOf = "uid " + owner.uid() + " (round " + owner.round() + ")";
                    s = s.zeroed("duplicate of the calls of " + duplicateOf);
                }
            }
            out[i] = new Result(a.miner(), a.task().id(), responses.get(i), s, duplicateOf);
        }
        return List.of(out);
    }

    /**
     * A uid whose recent task scores beat the record level significantly gets a new boost, and the record rises
     * to its recent mean; otherwise its boost keeps decaying.
     */
    private List<Integer> grantBoosts(final int[] uids, final long round)
    {
        final List<Integer> granted = new ArrayList<>();
        final InnovationBoost b = settings.boost();
        for (final int u : uids)
        {
            final int n = state.recentScoreCount(u);
            final double[] recent = new double[n];
            for (int i = 0; i < n; i++)
            {
                recent[i] = state.recentScore(u, i);
            }
            if (b.significant(recent, n, recordLevel))
            {
                state.boost(u, b.size(), round);
                recordLevel = Math.max(recordLevel, InnovationBoost.mean(recent, n));
                granted.add(u);
            }
        }
        return granted;
    }

    private ArrayNode copySuspects(final long round, final List<Result> results)
    {
        final Map<Integer, double[]> history = new HashMap<>();
        final List<JsonNode> recent = journal.recent();
        final int rounds = recent.size() + 1;
        for (int r = 0; r < recent.size(); r++)
        {
            for (final JsonNode res : recent.get(r).path("results"))
            {
                history.computeIfAbsent(res.path("uid").asInt(), u -> nanArray(rounds))[r] = res.path("score").asDouble();
            }
        }
        for (final Result res : results)
        {
            history.computeIfAbsent(res.miner().uid(), u -> nanArray(rounds))[rounds - 1] = res.score().score();
        }
        final int[] uids = history.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        final double[][] scores = new double[uids.length][];
        for (int i = 0; i < uids.length; i++)
        {
            scores[i] = history.get(uids[i]);
        }
        final ArrayNode out = JSON.createArrayNode();
        for (final ScoreCorrelation.Pair p : ScoreCorrelation.suspicious(uids, scores, 10, 0.95))
        {
            final ObjectNode n = out.addObject();
            n.putArray("uids").add(p.uidA()).add(p.uidB());
            n.put("correlation", p.correlation());
            n.put("rounds", p.rounds());
        }
        return out;
    }

    private static double[] nanArray(final int n)
    {
        final double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private void restoreFromJournal()
    {
        final JsonNode last = journal.last();
        if (last != null)
        {
            recordLevel = last.path("record_level").asDouble(0);
            // The committed round's claims may not have been marked scored before a crash: mark them (idempotent),
            // at the time the round committed. Its results are in the EMA already, so a restart after the claim
            // deadline must not expire them.
            final long committedAtMs = committedAtMs(last);
            for (final JsonNode r : last.path("results"))
            {
                tasks.markScored(UUID.fromString(r.path("task_id").asText()), r.path("hotkey").asText(), committedAtMs);
            }
            // Likewise weights.json may still be the round before: write the committed round's weights again.
            final long round = last.path("round").asLong();
            if (weightsFileRound() != round)
            {
                final JsonNode w = last.path("weights");
                final int[] uids = new int[w.path("uids").size()];
                final int[] values = new int[uids.length];
                for (int i = 0; i < uids.length; i++)
                {
                    uids[i] = w.path("uids").get(i).asInt();
                    values[i] = w.path("weights").get(i).asInt();
                }
                writeWeights(round, new WeightEmitter.Emit(uids, values));
            }
        }
        for (final JsonNode record : journal.recent())
        {
            for (final JsonNode r : record.path("results"))
            {
                tasks.noteDispatched(UUID.fromString(r.path("task_id").asText()), record.path("round").asLong());
                if (r.hasNonNull("fingerprint"))
                {
                    duplicates.submit(r.path("fingerprint").asText(), r.path("empty_call_set").asBoolean(),
                        r.path("uid").asInt(), record.path("round").asLong(), r.path("task_id").asText());
                }
            }
        }
    }

    /** When a journal record's round finished (its commit followed at once); now if the record lacks it. */
    private long committedAtMs(final JsonNode record)
    {
        try
        {
            return Instant.parse(record.path("finished_at").asText()).toEpochMilli();
        }
        catch (final DateTimeParseException e)
        {
            return clock.millis();
        }
    }

    /** The round weights.json was written for, or -1 when there is none or it cannot be read. */
    private long weightsFileRound()
    {
        try
        {
            return JSON.readTree(stateDir.resolve("weights.json").toFile()).path("round").asLong(-1);
        }
        catch (final IOException | RuntimeException e)
        {
            return -1;
        }
    }

    private void writeWeights(final long round, final WeightEmitter.Emit weights)
    {
        final Path file = stateDir.resolve("weights.json");
        final String json = "{\"round\":" + round + "," + weights.toJson().substring(1) + "\n";
        try
        {
            final Path tmp = stateDir.resolve("weights.json.tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Hands weights.json to the chain SDK; a failure is logged and the next round tries again. */
    private void submitWeights()
    {
        if (settings.submitCommand().isEmpty())
        {
            return;
        }
        final List<String> argv = new ArrayList<>(settings.submitCommand());
        argv.add(stateDir.resolve("weights.json").toString());
        try
        {
            final Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stateDir.resolve("submit.log").toFile())).start();
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS))
            {
                p.destroyForcibly();
                log.println("weights: submit command timed out after 120 s; will retry next round");
            }
            else if (p.exitValue() != 0)
            {
                log.println("weights: submit command exited with " + p.exitValue() + " (see " + stateDir.resolve(
                    "submit.log") + "); will retry next round");
            }
        }
        catch (final IOException e)
        {
            log.println("weights: cannot run submit command: " + e.getMessage() + "; will retry next round");
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes the certificates of the last committed round that a crash kept from being written (they come after
     * the commit). The round's answers are still in its work folder, which is only cleaned after the certificates:
     * each one without a certificate is scored again, as it was (same truth, same file), and certified.
     */
    private void reissueCertificates(final JsonNode record)
    {
        if (certificates == null || record == null)
        {
            return;
        }
        final CertificateStore store = CertificateStore.inState(stateDir);
        final long round = record.path("round").asLong();
        int reissued = 0;
        for (final JsonNode r : record.path("results"))
        {
            final String taskId = r.path("task_id").asText();
            final String hotkey = r.path("hotkey").asText();
            if (!"ok".equals(r.path("status").asText()) || r.hasNonNull("duplicate_of")
                || store.find(taskId, hotkey).isPresent())
            {
                continue;
            }
            final Path vcf = workDir(round).resolve("uid-" + r.path("uid").asInt()).resolve("calls.vcf");
            try
            {
                if (!Files.isRegularFile(vcf))
                {
                    throw new IOException("its answer " + vcf + " is gone");
                }
                final TaskSource.Task task = tasks.load(UUID.fromString(taskId), settings.refBuild());
                final TaskScore score = scorer.score(task.truth(), hotkey,
                    MinerResponse.ok(vcf, r.path("elapsed_ms").asLong(), r.path("bytes").asLong()));
                if (score.compared())
                {
                    store.write(certificates.issue(taskId, ScoreCertificate.Mode.BENCHMARK, hotkey,
                        Sha256.ofFile(vcf), score.result()));
                    reissued++;
                }
            }
            catch (final IOException | RuntimeException e)
            {
                log.println("certificate for task " + taskId + " of round " + round + " not re-issued: "
                    + e.getMessage());
            }
        }
        if (reissued > 0)
        {
            log.printf("round %d: %d certificate%s the last run did not write, issued now%n", round, reissued,
                reissued == 1 ? "" : "s");
        }
    }

    private void issueCertificates(final List<Result> results)
    {
        if (certificates == null)
        {
            return;
        }
        final CertificateStore store = CertificateStore.inState(stateDir);
        for (final Result r : results)
        {
            if (r.score().compared() && r.duplicateOf() == null)
            {
                try
                {
                    store.write(certificates.issue(r.taskId().toString(), ScoreCertificate.Mode.BENCHMARK,
                        r.miner().hotkey(), Sha256.ofFile(r.response().vcf()), r.score().result()));
                }
                catch (final IOException | RuntimeException e)
                {
                    log.println("certificate for task " + r.taskId() + " not written: " + e.getMessage());
                }
            }
        }
    }

    private Path workDir(final long round)
    {
        return stateDir.resolve("work").resolve("round-" + round);
    }

    /** Keeps only the latest round's work folder (returned VCFs), so disk use stays flat. */
    private void cleanWorkDirs(final long round)
    {
        final Path previous = workDir(round - 1);
        if (Files.exists(previous))
        {
            try (var walk = Files.walk(previous))
            {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            catch (final IOException e)
            {
                log.println("cannot remove " + previous + ": " + e.getMessage());
            }
        }
    }

    private static long millis(final long nanos)
    {
        return nanos / 1_000_000;
    }

    private static List<Integer> indices(final int n)
    {
        final List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
        {
            out.add(i);
        }
        return out;
    }

    private static <A, R> List<R> parallel(final ExecutorService pool, final List<A> items, final Function<A, R> f)
    {
        final List<Future<R>> futures = new ArrayList<>(items.size());
        for (final A item : items)
        {
            futures.add(pool.submit(() -> f.apply(item)));
        }
        final List<R> out = new ArrayList<>(items.size());
        for (final Future<R> future : futures)
        {
            try
            {
                out.add(future.get());
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("round interrupted", e);
            }
            catch (final ExecutionException e)
            {
                throw new IllegalStateException("unexpected failure in a round task", e.getCause());
            }
        }
        return out;
    }

    private static java.util.concurrent.ThreadFactory daemon(final String name)
    {
        return r ->
        {
            final Thread t = new Thread(r, "callscore-" + name);
            t.setDaemon(true);
            return t;
        };
    }

    static String version()
    {
        final String v = Validator.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public long committedRound()
    {
        return state.committedRound();
    }

    @Override
    public void close()
    {
        queryPool.shutdownNow();
        scorePool.shutdownNow();
    }
}

package io.callscore.engine.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callscore.compare.CompareOptions;
import io.callscore.engine.cert.CertificateIssuer;
import io.callscore.engine.cert.CertificateStore;
import io.callscore.engine.cert.ScoreCertificate;
import io.callscore.engine.cert.Sha256;
import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.round.TaskScorer;
import io.callscore.engine.task.MinerTask;
import io.callscore.engine.transport.MinerResponse;
import io.callscore.vcf.InputException;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The user-job part of a validator round (docs/user-mode.md). {@link #run} dispatches pending jobs, each to several
 * distinct miners of the round (a miner gets at most one job per round), checks the answers as benchmark answers
 * are checked, keeps them in the job folder and scores them by {@link ConsensusScoring}; nothing it writes is final
 * until the round commits. {@link #committed} then settles the jobs (scored, pending again, or failed) and signs
 * a certificate per scored miner.
 *
 * <p>Crash safety: a job dispatched in a round that never committed is pending again on the next run; one whose
 * round committed but that was not settled is settled by the next {@link #committed} from its {@code result.json},
 * which is written before the round record.
 */
public final class UserRound
{
    /** Inputs of the EMA after merging user rewards. */
    public record Rewards(int[] uids, double[] rewards)
    {
    }

    /** What the user jobs of one round did. */
    public static final class Outcome
    {
        private final List<ObjectNode> jobs;
        private final List<MinerEntry> rewardedMiners;
        private final List<Double> rewardedScores;
        private final boolean feedsWeights;

        private Outcome(final List<ObjectNode> jobs, final List<MinerEntry> rewardedMiners,
            final List<Double> rewardedScores, final boolean feedsWeights)
        {
            this.jobs = jobs;
            this.rewardedMiners = rewardedMiners;
            this.rewardedScores = rewardedScores;
            this.feedsWeights = feedsWeights;
        }

        /** A round without user jobs. */
        public static Outcome none()
        {
            return new Outcome(List.of(), List.of(), List.of(), false);
        }

        /** The jobs scored this round, as their result.json holds them. */
        public List<ObjectNode> jobs()
        {
            return Collections.unmodifiableList(jobs);
        }

        /**
         * Adds {@code user_jobs} (one summary per job) and {@code user_results} (one entry per miner and job) to a
         * round record; they are kept apart from the benchmark {@code results}.
         */
        public void addTo(final ObjectNode record)
        {
            final ArrayNode summaries = record.putArray("user_jobs");
            final ArrayNode results = record.putArray("user_results");
            for (final ObjectNode job : jobs)
            {
                final ObjectNode summary = job.deepCopy();
                summary.remove("results");
                summaries.add(summary);
                job.path("results").forEach(results::add);
            }
        }

        /** Miners whose user scores feed the EMA this round (none unless configured): register them. */
        public List<MinerEntry> rewardedMiners()
        {
            return feedsWeights ? Collections.unmodifiableList(rewardedMiners) : List.of();
        }

        /**
         * The EMA's inputs: the benchmark rewards unchanged, or, when user scores feed weights, each miner's mean of
         * its benchmark score and its user scores of the round.
         */
        public Rewards mergeRewards(final int[] uids, final double[] rewards)
        {
            if (!feedsWeights || rewardedMiners.isEmpty())
            {
                return new Rewards(uids, rewards);
            }
            final Map<Integer, double[]> sums = new LinkedHashMap<>();
            for (int i = 0; i < uids.length; i++)
            {
                final double[] s = sums.computeIfAbsent(uids[i], u -> new double[2]);
                s[0] += rewards[i];
                s[1]++;
            }
            for (int i = 0; i < rewardedMiners.size(); i++)
            {
                final double[] s = sums.computeIfAbsent(rewardedMiners.get(i).uid(), u -> new double[2]);
                s[0] += rewardedScores.get(i);
                s[1]++;
            }
            final int[] u = new int[sums.size()];
            final double[] r = new double[sums.size()];
            int i = 0;
            for (final Map.Entry<Integer, double[]> e : sums.entrySet())
            {
                u[i] = e.getKey();
                r[i] = e.getValue()[0] / e.getValue()[1];
                i++;
            }
            return new Rewards(u, r);
        }
    }

    private record Dispatch(UserJob job, MinerEntry miner, MinerTask task, Path dir)
    {
    }

    private final UserJobs jobs;
    private final UserSettings settings;
    private final PrintStream log;
    private final TaskScorer scorer;

    public UserRound(final UserJobs jobs, final UserSettings settings, final PrintStream log)
    {
        this.jobs = jobs;
        this.settings = settings;
        this.log = log;
        this.scorer = new TaskScorer(CompareOptions.defaults(), settings.snpWeight(), settings.maxVcfTextBytes());
    }

    public UserJobs jobs()
    {
        return jobs;
    }

    /**
     * Dispatches pending jobs (oldest first) to the round's miners and scores the answers.
     *
     * @param round   the round being run (every earlier round has committed)
     * @param queried the round's miners
     * @param random  the round's random source (a split of it chooses the miners)
     * @param work    the round's work folder (answers land under {@code work/user/<job>/uid-<uid>/})
     */
    public Outcome run(final long round, final List<MinerEntry> queried, final SplittableRandom random,
        final Path work, final ExecutorService queryPool, final ExecutorService scorePool)
    {
        final List<UserJob> all = jobs.list(); // oldest submission first
        final List<UserJob> pending = new ArrayList<>();
        for (final UserJob job : all)
        {
            if (job.status() == UserJob.Status.DISPATCHED && job.round() >= round)
            {
                // Dispatched in a round that never committed: it never happened.
                forget(job);
                pending.add(job.undispatched());
            }
            else if (job.status() == UserJob.Status.PENDING)
            {
                pending.add(job);
            }
        }
        final SplittableRandom choose = random.split();
        final List<MinerEntry> free = new ArrayList<>(queried);
        shuffle(free, choose);
        final List<Dispatch> dispatches = new ArrayList<>();
        final Map<String, ReferenceGenome> references = new HashMap<>();
        final List<ObjectNode> records = new ArrayList<>();
        for (final UserJob job : pending)
        {
            final int n = Math.min(job.minersPerJob(), free.size());
            if (n < UserJob.MIN_MINERS)
            {
                break;
            }
            final List<MinerEntry> to = new ArrayList<>(free.subList(0, n));
            to.sort((a, b) -> Integer.compare(a.uid(), b.uid()));
            final List<UserJob.Assigned> assigned = to.stream().map(m -> new UserJob.Assigned(m.uid(), m.hotkey()))
                .toList();
            final UserJob sent = job.dispatched(round, assigned);
            final MinerTask task;
            forget(job);
            try
            {
                references.put(job.id(), ReferenceGenome.open(jobs.file(job, "reference")));
                task = minerTask(job);
            }
            catch (final InputException e)
            {
                // The inputs are gone (a referenced file was moved): no miner is asked, the attempt counts.
                final UserJob unsent = job.dispatched(round, List.of());
                jobs.write(unsent);
                records.add(UserRecords.failed(unsent, round, "cannot dispatch: " + e.getMessage()));
                writeResult(unsent, records.get(records.size() - 1));
                continue;
            }
            free.subList(0, n).clear();
            jobs.write(sent);
            for (final MinerEntry m : to)
            {
                dispatches.add(new Dispatch(sent, m, task, work.resolve("user").resolve(job.id())
                    .resolve("uid-" + m.uid())));
            }
        }
        if (dispatches.isEmpty() && records.isEmpty())
        {
            return Outcome.none();
        }
        final List<MinerResponse> responses = parallel(queryPool, dispatches.stream()
            .<Supplier<MinerResponse>>map(d -> () -> fetch(d)).toList());
        final List<MinerEntry> rewarded = new ArrayList<>();
        final List<Double> rewardedScores = new ArrayList<>();
        int i = 0;
        while (i < dispatches.size())
        {
            final UserJob job = dispatches.get(i).job();
            int j = i;
            while (j < dispatches.size() && dispatches.get(j).job() == job)
            {
                j++;
            }
            final ObjectNode record = score(job, round, dispatches.subList(i, j), responses.subList(i, j),
                references.get(job.id()), scorePool);
            records.add(record);
            for (final JsonNode r : record.path("results"))
            {
                if (r.path("rewarded").asBoolean())
                {
                    final int uid = r.path("uid").asInt();
                    rewarded.add(dispatches.subList(i, j).stream().filter(d -> d.miner().uid() == uid).findFirst()
                        .orElseThrow().miner());
                    rewardedScores.add(r.path("score").asDouble());
                }
            }
            i = j;
        }
        return new Outcome(records, rewarded, rewardedScores, settings.scoresInWeights());
    }

    /** One job's answers: stored, checked, scored by consensus; result.json and consensus.vcf written. */
    private ObjectNode score(final UserJob job, final long round, final List<Dispatch> sent,
        final List<MinerResponse> responses, final ReferenceGenome reference, final ExecutorService scorePool)
    {
        final Path stored = jobs.responsesDir(job.id());
        final Map<String, String> sha256 = new HashMap<>();
        final List<MinerResponse> kept = new ArrayList<>();
        for (int k = 0; k < sent.size(); k++)
        {
            kept.add(keep(responses.get(k), stored, sent.get(k).miner().hotkey(), sha256));
        }
        final RegionSet window = job.window();
        final List<TaskScorer.CheckedCalls> checked = parallel(scorePool, indices(sent.size()).stream()
            .<Supplier<TaskScorer.CheckedCalls>>map(k -> () -> scorer.check(sent.get(k).miner().hotkey(), kept.get(k),
                reference, window, null)).toList());
        final List<ConsensusScoring.Entry> entries = new ArrayList<>();
        for (int k = 0; k < sent.size(); k++)
        {
            final MinerEntry m = sent.get(k).miner();
            entries.add(new ConsensusScoring.Entry(m.uid(), m.hotkey(), kept.get(k), checked.get(k)));
        }
        ConsensusScoring.Outcome outcome;
        try
        {
            outcome = new ConsensusScoring(reference, scorer.options(), settings.snpWeight(),
                settings.minDiscordance(), scorePool).score(entries);
        }
        catch (final RuntimeException | StackOverflowError e)
        {
            // Our bug, not the miners': nobody is rewarded or punished for it, and the job is tried again.
            log.println("user job " + job.id() + ": internal error while scoring: " + e);
            outcome = new ConsensusScoring.Outcome(List.of(), null, List.of(), "internal error while scoring: " + e);
        }
        final Path consensusFile = jobs.consensusFile(job.id());
        try
        {
            if (outcome.hasConsensus())
            {
                CallSetVcf.write(outcome.consensus(), reference, consensusFile, List.of("##source=callscore "
                    + "majority consensus", "##callscore_job=" + job.id(), "##callscore_round=" + round,
                    "##callscore_voters=" + String.join(",", outcome.voters())), "CONSENSUS");
            }
            else
            {
                Files.deleteIfExists(consensusFile);
            }
        }
        catch (final IOException e)
        {
            log.println("user job " + job.id() + ": cannot write " + consensusFile + ": " + e.getMessage());
        }
        final ObjectNode record = UserRecords.job(job, round, outcome, sha256);
        writeResult(job, record);
        log.printf("user job %s: %d miners, %s%n", job.id(), sent.size(), outcome.hasConsensus()
            ? "consensus of " + outcome.voters().size() + " (" + outcome.consensus().variantCount() + " variants)"
            : outcome.problem());
        return record;
    }

    /** Copies an answer into the job's responses folder (byte for byte) and answers with the kept copy. */
    private MinerResponse keep(final MinerResponse r, final Path stored, final String hotkey,
        final Map<String, String> sha256)
    {
        if (!r.isOk())
        {
            return r;
        }
        try
        {
            Files.createDirectories(stored);
            final Path copy = stored.resolve(hotkey + ".vcf");
            Files.copy(r.vcf(), copy, StandardCopyOption.REPLACE_EXISTING);
            sha256.put(hotkey, Sha256.ofFile(copy));
            return new MinerResponse(r.status(), copy, r.reason(), r.elapsedMs(), r.bytes());
        }
        catch (final IOException e)
        {
            log.println("cannot keep the answer of " + hotkey + " in " + stored + ": " + e.getMessage());
            return r;
        }
    }

    private void writeResult(final UserJob job, final ObjectNode record)
    {
        UserJobs.writeJson(jobs.resultFile(job.id()), record);
    }

    /** Removes what an earlier dispatch of the job left (answers, result, consensus). */
    private void forget(final UserJob job)
    {
        UserJobs.deleteTree(jobs.responsesDir(job.id()));
        try
        {
            Files.deleteIfExists(jobs.resultFile(job.id()));
            Files.deleteIfExists(jobs.consensusFile(job.id()));
        }
        catch (final IOException e)
        {
            log.println("cannot clear " + jobs.jobDir(job.id()) + ": " + e.getMessage());
        }
    }

    private MinerTask minerTask(final UserJob job)
    {
        final Map<String, String> files = new LinkedHashMap<>();
        for (final String key : job.inputType() == MinerTask.InputType.BAM ? List.of("bam") : List.of("r1", "r2"))
        {
            final Path file = jobs.file(job, key);
            if (!Files.isRegularFile(file))
            {
                throw new InputException(file, "file not found");
            }
            files.put(key, file.toString());
        }
        files.put("reference", jobs.file(job, "reference").toString());
        return new MinerTask(job.id(), MinerTask.Mode.USER, job.refBuild(), job.inputType(),
            new MinerTask.DataLocator(null, Collections.unmodifiableMap(files)), job.regions(), "VCF",
            new MinerTask.Constraints(true, true));
    }

    private static MinerResponse fetch(final Dispatch d)
    {
        try
        {
            Files.createDirectories(d.dir());
            final Path taskJson = d.dir().resolve("task.json");
            final String text = d.task().toJson();
            Files.writeString(taskJson, text, StandardCharsets.UTF_8);
            return d.miner().transport().fetch(taskJson, text, d.dir().resolve("calls.vcf"));
        }
        catch (final IOException e)
        {
            return MinerResponse.failed(MinerResponse.Status.FAILED, "cannot prepare the task: " + e.getMessage(), 0);
        }
    }

    /**
     * Settles every job dispatched in a committed round up to {@code round}: scored (and a USER certificate per
     * scored miner, when {@code issuer} is not null), pending again, or failed after its attempts.
     */
    public void committed(final long round, final CertificateIssuer issuer, final CertificateStore certificates)
    {
        for (final UserJob job : jobs.list())
        {
            if (job.status() != UserJob.Status.DISPATCHED || job.round() > round)
            {
                continue;
            }
            final Path resultFile = jobs.resultFile(job.id());
            if (!Files.isRegularFile(resultFile))
            {
                jobs.write(job.undispatched());
                continue;
            }
            final JsonNode result = UserJobs.readJson(resultFile);
            if (result.path("status").asText().equals("scored"))
            {
                if (issuer != null)
                {
                    certify(job, result, issuer, certificates);
                }
                jobs.write(job.with(UserJob.Status.SCORED, ""));
            }
            else
            {
                final String reason = result.path("reason").asText();
                jobs.write(job.with(job.attempts() >= settings.maxAttempts() ? UserJob.Status.FAILED
                    : UserJob.Status.PENDING, reason));
            }
        }
    }

    private void certify(final UserJob job, final JsonNode result, final CertificateIssuer issuer,
        final CertificateStore certificates)
    {
        for (final JsonNode r : result.path("results"))
        {
            if (!r.path("scored").asBoolean() || !r.hasNonNull("vcf_sha256"))
            {
                continue;
            }
            final String hotkey = r.path("hotkey").asText();
            try
            {
                if (certificates.find(job.id(), hotkey).isEmpty())
                {
                    certificates.write(issuer.issue(job.id(), ScoreCertificate.Mode.USER, hotkey,
                        r.path("vcf_sha256").asText(), UserRecords.metrics(r.path("metrics")),
                        r.path("score").asDouble()));
                }
            }
            catch (final RuntimeException e)
            {
                log.println("certificate for job " + job.id() + " and miner " + hotkey + " not written: "
                    + e.getMessage());
            }
        }
    }

    private static <T> void shuffle(final List<T> list, final SplittableRandom random)
    {
        for (int i = list.size() - 1; i > 0; i--)
        {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
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

    private static <R> List<R> parallel(final ExecutorService pool, final List<Supplier<R>> work)
    {
        final List<Future<R>> futures = new ArrayList<>(work.size());
        for (final Supplier<R> w : work)
        {
            futures.add(pool.submit(w::get));
        }
        final List<R> out = new ArrayList<>(work.size());
        for (final Future<R> f : futures)
        {
            try
            {
                out.add(f.get());
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("round interrupted", e);
            }
            catch (final ExecutionException e)
            {
                throw new IllegalStateException("unexpected failure in a user job", e.getCause());
            }
        }
        return out;
    }
}

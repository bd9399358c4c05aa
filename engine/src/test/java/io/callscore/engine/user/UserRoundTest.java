package io.callscore.engine.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.callscore.compare.CompareOptions;
import io.callscore.compare.VcfComparator;
import io.callscore.engine.cert.CertificateStore;
import io.callscore.engine.cert.CertificateVerifier;
import io.callscore.engine.cert.ScoreCertificate;
import io.callscore.engine.cert.Sha256;
import io.callscore.engine.cert.ValidatorKey;
import io.callscore.store.MinerStateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserRoundTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private List<JsonNode> runRounds(final UserModeFixture f, final Path state, final UserSettings settings,
        final Path key, final int rounds) throws Exception
    {
        return f.runRounds(state, settings, key, rounds, new PrintStream(log));
    }

    private static Map<Integer, JsonNode> byUid(final JsonNode results)
    {
        final Map<Integer, JsonNode> out = new HashMap<>();
        results.forEach(r -> out.put(r.path("uid").asInt(), r));
        return out;
    }

    @Test
    void shouldDispatchAPendingJobToSeveralMinersScoreThemByConsensusAndCertifyTheScores() throws Exception
    {
        final UserModeFixture f = UserModeFixture.make(dir);
        final Path state = dir.resolve("state");
        final Path key = dir.resolve("key.json");
        final ValidatorKey validatorKey = ValidatorKey.init(key);

        final List<JsonNode> records = runRounds(f, state, UserSettings.defaults(), key, 2);

        final JsonNode first = records.get(0);
        assertEquals(1, first.path("user_jobs").size());
        final JsonNode summary = first.path("user_jobs").get(0);
        assertEquals(f.job.id(), summary.path("job_id").asText());
        assertEquals("scored", summary.path("status").asText(), summary.toString());
        assertEquals(UserModeFixture.HONEST, summary.path("voters").size());
        final Map<Integer, JsonNode> results = byUid(first.path("user_results"));
        assertEquals(UserModeFixture.HONEST + 1, results.size(), "the job went to every miner");
        final UserJobs jobs = UserJobs.in(f.pool);
        final CertificateStore certs = CertificateStore.inState(state);
        for (int uid = 0; uid < UserModeFixture.HONEST; uid++)
        {
            final JsonNode r = results.get(uid);
            assertTrue(r.path("scored").asBoolean(), r.toString());
            assertTrue(r.path("score").asDouble() > 0.95, r.toString());
            assertEquals(f.job.id(), r.path("job_id").asText());
            // The kept answer is what the certificate names, and the certificate checks out.
            final Path kept = jobs.responsesDir(f.job.id()).resolve(SimulatedJob.hotkey(uid) + ".vcf");
            assertEquals(Sha256.ofFile(kept), r.path("vcf_sha256").asText());
            final ScoreCertificate c = certs.find(f.job.id(), SimulatedJob.hotkey(uid)).orElseThrow();
            assertEquals(ScoreCertificate.Mode.USER, c.mode());
            assertEquals(r.path("score").asDouble(), c.score());
            assertEquals(r.path("metrics").path("total").path("fp").asLong(), c.metrics().total().fp());
            assertTrue(CertificateVerifier.trustingPublicKey(validatorKey.rawPublicKey()).verify(c, kept).valid());
        }
        final JsonNode copy = results.get(UserModeFixture.COPYCAT);
        assertEquals(0.0, copy.path("score").asDouble());
        assertEquals(0, copy.path("duplicate_of").asInt(), copy.toString());
        assertFalse(copy.path("scored").asBoolean());
        assertTrue(certs.find(f.job.id(), SimulatedJob.hotkey(UserModeFixture.COPYCAT)).isEmpty(), "no certificate "
            + "for a copy");
        // Benchmark results are recorded as before, one per miner, apart from the user results.
        assertEquals(f.miners.size(), first.path("results").size());

        final UserJob settled = jobs.read(f.job.id());
        assertEquals(UserJob.Status.SCORED, settled.status());
        assertEquals(1, settled.round());
        assertEquals(1, settled.attempts());
        assertEquals(f.miners.size(), settled.miners().size());
        // The user's call set: the consensus, close to the truth.
        final double consensusVsTruth = VcfComparator.compare(f.sample.loadTruth(f.truth),
            f.sample.load(jobs.consensusFile(f.job.id())), f.sample.reference, CompareOptions.defaults()).score();
        assertTrue(consensusVsTruth > 0.995, "consensus vs truth " + consensusVsTruth);
        // A scored job is not sent again.
        assertEquals(0, records.get(1).path("user_jobs").size());
        assertEquals(0, records.get(1).path("user_results").size());
        // User scores do not feed weights by default: every benchmark answer was empty, so every EMA is 0.
        try (MinerStateFile s = MinerStateFile.open(state))
        {
            for (int uid = 0; uid < f.miners.size(); uid++)
            {
                assertEquals(0.0, s.ema(uid), "uid " + uid);
            }
        }
    }

    @Test
    void shouldSendEachJobToDistinctFreeMinersAndKeepAJobWaitingWhileTooFewAreFree() throws Exception
    {
        final UserModeFixture f = UserModeFixture.make(dir);
        f.miners.remove(UserModeFixture.COPYCAT);
        final UserJobs jobs = UserJobs.in(f.pool);
        final UserJob second = jobs.submit(new UserJobs.Submission(jobs.file(f.job, "bam"), null, f.reference,
            List.of(SimulatedJob.CONTIG + ":1-60000"), 3, "GRCh38", false),
            Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1))); // submitted later: dispatched after the first

        final List<JsonNode> records = runRounds(f, dir.resolve("state"), UserSettings.defaults(), null, 2);

        // Round 1: the first job (6 wanted) takes all five miners; the second waits for free miners.
        assertEquals(1, records.get(0).path("user_jobs").size());
        assertEquals(f.job.id(), records.get(0).path("user_jobs").get(0).path("job_id").asText());
        assertEquals(UserModeFixture.HONEST, byUid(records.get(0).path("user_results")).size());
        // Round 2: the second job goes to three distinct miners.
        assertEquals(second.id(), records.get(1).path("user_jobs").get(0).path("job_id").asText());
        final Map<Integer, JsonNode> results = byUid(records.get(1).path("user_results"));
        assertEquals(3, results.size());
        final UserJob settled = jobs.read(second.id());
        assertEquals(UserJob.Status.SCORED, settled.status(), settled.reason());
        assertEquals(2, settled.round());
        assertEquals(results.keySet(), settled.miners().stream().map(UserJob.Assigned::uid)
            .collect(java.util.stream.Collectors.toSet()));
        assertEquals(UserJob.Status.SCORED, jobs.read(f.job.id()).status());
    }

    @Test
    void shouldFeedUserScoresIntoTheEmaWhenConfigured() throws Exception
    {
        final UserModeFixture f = UserModeFixture.make(dir);
        final Path state = dir.resolve("state");
        final List<JsonNode> records = runRounds(f, state, UserSettings.defaults().withScoresInWeights(true), null, 1);
        final Map<Integer, JsonNode> results = byUid(records.get(0).path("user_results"));
        try (MinerStateFile s = MinerStateFile.open(state))
        {
            for (int uid = 0; uid < UserModeFixture.HONEST; uid++)
            {
                // Reward: the mean of the benchmark score (0, an empty answer) and the user score.
                final double expected = 0.1 * (0.0 + results.get(uid).path("score").asDouble()) / 2;
                assertEquals(expected, s.ema(uid), 1e-12, "uid " + uid);
            }
            assertEquals(0.0, s.ema(UserModeFixture.COPYCAT));
        }
    }

    @Test
    void shouldDispatchAgainAJobWhoseRoundNeverCommittedAndSettleOneWhoseRoundDid() throws Exception
    {
        final UserModeFixture f = UserModeFixture.make(dir);
        final Path state = dir.resolve("state");
        final UserJobs jobs = UserJobs.in(f.pool);
        // A crash after dispatching in round 1, before it committed: job.json says dispatched, a partial answer lies
        // in the job folder. Round 1 runs again and must dispatch the job afresh.
        jobs.write(f.job.dispatched(1, List.of(new UserJob.Assigned(3, SimulatedJob.hotkey(3)))));
        Files.createDirectories(jobs.responsesDir(f.job.id()));
        Files.writeString(jobs.responsesDir(f.job.id()).resolve("stale.vcf"), "half");
        final Path key = dir.resolve("key.json");
        ValidatorKey.init(key);
        runRounds(f, state, UserSettings.defaults(), key, 1);
        UserJob job = jobs.read(f.job.id());
        assertEquals(UserJob.Status.SCORED, job.status());
        assertEquals(1, job.attempts(), "the dispatch that never committed does not count");
        assertFalse(Files.exists(jobs.responsesDir(f.job.id()).resolve("stale.vcf")));

        // A crash after round 1 committed but before the job was settled: the restarted validator settles it
        // (certificates included) before it runs a round, and does not dispatch it again.
        jobs.write(job.with(UserJob.Status.DISPATCHED, ""));
        final Path certs = CertificateStore.inState(state).dir().resolve(f.job.id());
        try (var files = Files.list(certs))
        {
            for (final Path p : files.toList())
            {
                Files.delete(p);
            }
        }
        assertEquals(1, runRounds(f, state, UserSettings.defaults(), key, 0).size(), "no round run");
        assertEquals(UserJob.Status.SCORED, jobs.read(f.job.id()).status());
        assertEquals(UserModeFixture.HONEST, CertificateStore.inState(state).forTask(f.job.id()).size());
        final List<JsonNode> records = runRounds(f, state, UserSettings.defaults(), key, 1);
        assertEquals(2, records.size());
        assertEquals(0, records.get(1).path("user_jobs").size(), "not dispatched again");
        job = jobs.read(f.job.id());
        assertEquals(UserJob.Status.SCORED, job.status());
        assertEquals(1, job.round());
        assertEquals(UserModeFixture.HONEST, CertificateStore.inState(state).forTask(f.job.id()).size());
    }
}

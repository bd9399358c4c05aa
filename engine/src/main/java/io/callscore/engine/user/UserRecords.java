package io.callscore.engine.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callscore.compare.Counts;
import io.callscore.engine.cert.ScoreCertificate;
import io.callscore.engine.round.RoundRecords;
import io.callscore.engine.round.TaskScore;

import java.util.Locale;
import java.util.Map;

/**
 * The JSON of a user job's scoring, as {@code result.json} and the round record hold it:
 * <pre>
 * {"job_id":"...","round":N,"attempt":K,"status":"scored|no_consensus","reason":"...",
 *  "voters":["HOTKEY",...],"consensus_variants":N,
 *  "results":[{"job_id":"...","uid":U,"hotkey":"...","status":"ok|timeout|failed|too_large","reason":"...",
 *              "score":X,"scored":true,"rewarded":true,"voter":true,"elapsed_ms":N,"bytes":N,"vcf_sha256":"...",
 *              "fingerprint":"...","empty_call_set":false,"outside_window":N,"duplicate_of":null,
 *              "consensus_copy":false,"discordance":N,"metrics":{"snp":{...},"indel":{...},"total":{...}}}]}
 * </pre>
 * {@code score} is against the miner's leave-one-out consensus; {@code scored} says that it was compared with one
 * and not flagged (only those get certificates); {@code rewarded} that it may count toward weights.
 */
final class UserRecords
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private UserRecords()
    {
    }

    static ObjectNode job(final UserJob job, final long round, final ConsensusScoring.Outcome outcome,
        final Map<String, String> sha256ByHotkey)
    {
        final ObjectNode o = JSON.createObjectNode();
        o.put("job_id", job.id());
        o.put("round", round);
        o.put("attempt", job.attempts());
        o.put("status", outcome.hasConsensus() ? "scored" : "no_consensus");
        o.put("reason", outcome.hasConsensus() ? "" : outcome.problem());
        final ArrayNode voters = o.putArray("voters");
        outcome.voters().forEach(voters::add);
        o.put("consensus_variants", outcome.hasConsensus() ? outcome.consensus().variantCount() : 0);
        final ArrayNode results = o.putArray("results");
        for (final ConsensusScoring.MinerScore s : outcome.scores())
        {
            results.add(miner(job.id(), s, sha256ByHotkey.get(s.entry().hotkey())));
        }
        return o;
    }

    /** A job whose dispatch failed before any miner was asked (its inputs are gone). */
    static ObjectNode failed(final UserJob job, final long round, final String reason)
    {
        final ObjectNode o = JSON.createObjectNode();
        o.put("job_id", job.id());
        o.put("round", round);
        o.put("attempt", job.attempts());
        o.put("status", "no_consensus");
        o.put("reason", reason);
        o.putArray("voters");
        o.put("consensus_variants", 0);
        o.putArray("results");
        return o;
    }

    private static ObjectNode miner(final String jobId, final ConsensusScoring.MinerScore s, final String sha256)
    {
        final ObjectNode o = JSON.createObjectNode();
        final TaskScore score = s.score();
        o.put("job_id", jobId);
        o.put("uid", s.entry().uid());
        o.put("hotkey", s.entry().hotkey());
        o.put("status", s.entry().response().status().name().toLowerCase(Locale.ROOT));
        o.put("reason", score.reason());
        o.put("score", score.score());
        o.put("scored", s.scored());
        o.put("rewarded", s.rewarded());
        o.put("voter", s.voter());
        o.put("elapsed_ms", s.entry().elapsedMs());
        o.put("bytes", s.entry().response().bytes());
        o.put("vcf_sha256", sha256);
        o.put("fingerprint", score.fingerprint());
        o.put("empty_call_set", score.emptyCallSet());
        o.put("outside_window", score.outsideWindow());
        if (s.duplicateOf() >= 0)
        {
            o.put("duplicate_of", s.duplicateOf());
        }
        else
        {
            o.putNull("duplicate_of");
        }
        o.put("consensus_copy", s.consensusCopy());
        o.put("discordance", s.discordance());
        if (score.compared())
        {
            RoundRecords.metrics(o.putObject("metrics"), score.result().counts());
        }
        return o;
    }

    /** The certificate metrics of a stored result's {@code metrics} (ratios recomputed from the counts). */
    static ScoreCertificate.Metrics metrics(final JsonNode m)
    {
        return new ScoreCertificate.Metrics(classMetrics(m.path("snp")), classMetrics(m.path("indel")),
            classMetrics(m.path("total")));
    }

    private static ScoreCertificate.ClassMetrics classMetrics(final JsonNode c)
    {
        return ScoreCertificate.ClassMetrics.of(new Counts.ClassCounts(c.path("tp_base").asLong(),
            c.path("tp_call").asLong(), c.path("fp").asLong(), c.path("fn").asLong()));
    }
}

package io.callscore.engine.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.VcfComparator;
import io.callscore.engine.cert.Sha256;
import io.callscore.vcf.InputException;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-scores a scored user job once its truth is known: every kept answer and the consensus are compared with the
 * truth (counting only inside the confident regions, loading only inside the job's regions, as benchmark tasks
 * are scored), and each miner's truth score is set beside the consensus score it got, in
 * {@code POOL/user/<job>/truth-scores.json}:
 * <pre>
 * {"job_id":"...","scored_at":"...","truth":"...","confident":"...|null","consensus_truth_score":X|null,
 *  "mean_absolute_difference":X|null,
 *  "miners":[{"uid":U,"hotkey":"...","truth_score":X,"consensus_score":X,"difference":X,"voter":true,
 *             "consensus_copy":false,"duplicate_of":null,"reason":"...","truth_metrics":{...}}]}
 * </pre>
 * {@code difference} is truth score minus consensus score; the mean absolute difference is over the voters (the
 * miners scored against a consensus), and says how well the consensus stood in for the truth on this job.
 */
public final class TruthRescore
{
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One miner of the job.
     *
     * @param uid            miner uid
     * @param hotkey         miner hotkey
     * @param truthScore     score against the truth (0 when its answer was unusable)
     * @param consensusScore the score it got in the round
     * @param voter          it was scored against a consensus (not flagged, not failed)
     * @param note           why it was not a voter, or empty
     */
    public record Row(int uid, String hotkey, double truthScore, double consensusScore, boolean voter, String note)
    {
        public double difference()
        {
            return truthScore - consensusScore;
        }
    }

    /**
     * The re-scoring.
     *
     * @param rows                one per miner, in the order of the job's result
     * @param consensusTruthScore the consensus call set's score against the truth (null when there is none)
     * @param meanAbsDifference   mean |difference| over the voters (null without voters)
     * @param file                where it was written
     */
    public record Report(List<Row> rows, Double consensusTruthScore, Double meanAbsDifference, Path file)
    {
    }

    private TruthRescore()
    {
    }

    /** Re-scores job {@code id} against {@code truth} ({@code confident} may be null: everything counts). */
    public static Report rescore(final UserJobs jobs, final String id, final Path truth, final Path confident,
        final CompareOptions options, final double snpWeight, final Clock clock)
    {
        final UserJob job = jobs.read(id);
        if (job.status() != UserJob.Status.SCORED)
        {
            throw new InputException(jobs.jobDir(id), "job " + id + " is " + job.status().text()
                + ": it has no scored answers to re-score yet");
        }
        final JsonNode result = UserJobs.readJson(jobs.resultFile(id));
        final ReferenceGenome reference = ReferenceGenome.open(jobs.file(job, "reference"));
        final RegionSet window = job.window();
        final RegionSet evaluation = confident == null ? null : RegionSet.readBed(confident);
        final VariantSet baseline = VariantLoader.load(truth, reference, evaluation,
            options.baselineLoad().withLoadRegions(window));

        final ObjectNode out = JSON.createObjectNode();
        out.put("job_id", id);
        out.put("scored_at", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        out.put("truth", truth.toAbsolutePath().normalize().toString());
        if (confident == null)
        {
            out.putNull("confident");
        }
        else
        {
            out.put("confident", confident.toAbsolutePath().normalize().toString());
        }
        final Path consensusFile = jobs.consensusFile(id);
        Double consensusTruth = null;
        if (Files.isRegularFile(consensusFile))
        {
            consensusTruth = compare(baseline, consensusFile, reference, evaluation, window, options).score(snpWeight);
            out.put("consensus_truth_score", consensusTruth);
        }
        else
        {
            out.putNull("consensus_truth_score");
        }
        final List<Row> rows = new ArrayList<>();
        final ArrayNode miners = JSON.createArrayNode();
        double sumAbs = 0;
        int voters = 0;
        for (final JsonNode r : result.path("results"))
        {
            final String hotkey = r.path("hotkey").asText();
            final boolean voter = r.path("scored").asBoolean();
            final ObjectNode m = miners.addObject();
            m.put("uid", r.path("uid").asInt());
            m.put("hotkey", hotkey);
            double truthScore = 0;
            String note = voter ? "" : r.path("reason").asText();
            if (r.hasNonNull("fingerprint"))
            {
                // The answer passed the checks when scored: compare the kept copy, if it is still the one scored.
                final Path kept = jobs.responsesDir(id).resolve(hotkey + ".vcf");
                requireUnchanged(kept, r.path("vcf_sha256").asText());
                final ComparisonResult c = compare(baseline, kept, reference, evaluation, window, options);
                truthScore = c.score(snpWeight);
                io.callscore.engine.round.RoundRecords.metrics(m.putObject("truth_metrics"), c.counts());
            }
            final double consensusScore = r.path("score").asDouble();
            m.put("truth_score", truthScore);
            m.put("consensus_score", consensusScore);
            m.put("difference", truthScore - consensusScore);
            m.put("voter", voter);
            m.put("consensus_copy", r.path("consensus_copy").asBoolean());
            m.set("duplicate_of", r.path("duplicate_of"));
            m.put("reason", note);
            rows.add(new Row(r.path("uid").asInt(), hotkey, truthScore, consensusScore, voter, note));
            if (voter)
            {
                sumAbs += Math.abs(truthScore - consensusScore);
                voters++;
            }
        }
        final Double meanAbs = voters == 0 ? null : sumAbs / voters;
        if (meanAbs == null)
        {
            out.putNull("mean_absolute_difference");
        }
        else
        {
            out.put("mean_absolute_difference", meanAbs);
        }
        out.set("miners", miners);
        final Path file = jobs.truthScoresFile(id);
        UserJobs.writeJson(file, out);
        return new Report(rows, consensusTruth, meanAbs, file);
    }

    private static ComparisonResult compare(final VariantSet baseline, final Path calls,
        final ReferenceGenome reference, final RegionSet evaluation, final RegionSet window,
        final CompareOptions options)
    {
        final VariantSet called = VariantLoader.load(calls, reference, evaluation,
            options.callLoad().withLoadRegions(window));
        return VcfComparator.compare(baseline, called, reference, options);
    }

    private static void requireUnchanged(final Path kept, final String sha256)
    {
        try
        {
            if (!Files.isRegularFile(kept))
            {
                throw new InputException(kept, "the kept answer is missing");
            }
            final String now = Sha256.ofFile(kept);
            if (!now.equals(sha256))
            {
                throw new InputException(kept, "the kept answer changed since it was scored (sha256 " + now
                    + ", scored " + sha256 + ")");
            }
        }
        catch (final IOException e)
        {
            throw new InputException(kept, "cannot read: " + e.getMessage());
        }
    }
}

package io.callscore.engine.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.compare.CompareOptions;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TruthRescoreTest
{
    private static final CompareOptions OPTIONS = CompareOptions.defaults();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void shouldRecordEachMinersTruthScoreBesideItsConsensusScore() throws Exception
    {
        final UserModeFixture f = UserModeFixture.make(dir);
        final UserJobs jobs = UserJobs.in(f.pool);
        assertEquals("job " + f.job.id() + " is pending: it has no scored answers to re-score yet",
            assertThrows(InputException.class, () -> TruthRescore.rescore(jobs, f.job.id(), f.truth, null, OPTIONS,
                0.7, CLOCK)).problem());
        f.runRounds(dir.resolve("state"), UserSettings.defaults(), null, 1,
            new PrintStream(new ByteArrayOutputStream()));

        final TruthRescore.Report report = TruthRescore.rescore(jobs, f.job.id(), f.truth, null, OPTIONS, 0.7, CLOCK);

        assertEquals(UserModeFixture.HONEST + 1, report.rows().size());
        for (final TruthRescore.Row row : report.rows())
        {
            final Path kept = jobs.responsesDir(f.job.id()).resolve(row.hotkey() + ".vcf");
            final double direct = VcfComparator.compare(f.sample.loadTruth(f.truth), f.sample.load(kept),
                f.sample.reference, OPTIONS).score();
            assertEquals(direct, row.truthScore(), 1e-12, row.toString());
            if (row.uid() == UserModeFixture.COPYCAT)
            {
                // The copy is as accurate as what it copied, but earned nothing: the difference shows it.
                assertEquals(0.0, row.consensusScore());
                assertEquals(row.truthScore(), row.difference());
                assertTrue(row.note().startsWith("duplicate of the calls of uid 0"), row.note());
            }
            else
            {
                assertTrue(row.voter());
                assertEquals(row.truthScore(), row.consensusScore(), 0.01, row.toString());
            }
        }
        assertTrue(report.consensusTruthScore() > 0.995, report.toString());
        assertTrue(report.meanAbsDifference() < 0.01, report.toString());

        final JsonNode stored = new ObjectMapper().readTree(Files.readString(report.file()));
        assertEquals(jobs.truthScoresFile(f.job.id()), report.file());
        assertEquals("2026-04-01T08:00:00Z", stored.path("scored_at").asText());
        assertEquals(UserModeFixture.HONEST + 1, stored.path("miners").size());
        final JsonNode first = stored.path("miners").get(0);
        assertEquals(first.path("truth_score").asDouble() - first.path("consensus_score").asDouble(),
            first.path("difference").asDouble(), 1e-12);
        assertTrue(first.path("truth_metrics").path("total").path("tp_base").asLong() > 300);
    }

    @Test
    void shouldCountOnlyInsideTheConfidentRegionsAndRefuseAChangedAnswer() throws Exception
    {
        final UserModeFixture f = UserModeFixture.make(dir);
        final UserJobs jobs = UserJobs.in(f.pool);
        f.runRounds(dir.resolve("state"), UserSettings.defaults(), null, 1,
            new PrintStream(new ByteArrayOutputStream()));
        final Path bed = Files.writeString(dir.resolve("confident.bed"), SimulatedJob.CONTIG + "\t0\t30000\n");
        TruthRescore.rescore(jobs, f.job.id(), f.truth, bed, OPTIONS, 0.7, CLOCK);
        final JsonNode half = new ObjectMapper().readTree(Files.readString(jobs.truthScoresFile(f.job.id())));
        TruthRescore.rescore(jobs, f.job.id(), f.truth, null, OPTIONS, 0.7, CLOCK);
        final JsonNode whole = new ObjectMapper().readTree(Files.readString(jobs.truthScoresFile(f.job.id())));
        final long halfTp = half.path("miners").get(0).path("truth_metrics").path("total").path("tp_base").asLong();
        final long wholeTp = whole.path("miners").get(0).path("truth_metrics").path("total").path("tp_base").asLong();
        assertTrue(halfTp > wholeTp / 3 && halfTp < wholeTp * 2 / 3, halfTp + " of " + wholeTp);
        assertTrue(half.path("confident").asText().endsWith("confident.bed"));

        final Path kept = jobs.responsesDir(f.job.id()).resolve(SimulatedJob.hotkey(2) + ".vcf");
        Files.writeString(kept, Files.readString(kept).replace("\t0/1\n", "\t1/1\n"));
        final InputException e = assertThrows(InputException.class, () -> TruthRescore.rescore(jobs, f.job.id(),
            f.truth, null, OPTIONS, 0.7, CLOCK));
        assertTrue(e.problem().startsWith("the kept answer changed since it was scored"), e.getMessage());
    }
}

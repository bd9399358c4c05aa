package io.callscore.engine.user;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.VcfComparator;
import io.callscore.engine.round.TaskScorer;
import io.callscore.engine.transport.MinerResponse;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsensusScoringTest
{
    private static final CompareOptions OPTIONS = CompareOptions.defaults();
    private static final int HONEST = 5;

    @TempDir
    Path dir;

    private final TaskScorer scorer = new TaskScorer(OPTIONS, 0.7, 1 << 24);

    private SimulatedJob job;
    private RegionSet window;

    private ConsensusScoring.Entry entry(final int uid, final long elapsedMs, final Path vcf) throws Exception
    {
        final String hotkey = SimulatedJob.hotkey(uid);
        final MinerResponse response = MinerResponse.ok(vcf, elapsedMs, Files.size(vcf));
        return new ConsensusScoring.Entry(uid, hotkey, response, scorer.check(hotkey, response, job.reference,
            window, null));
    }

    private List<ConsensusScoring.Entry> honest(final SimulatedJob.Errors errors) throws Exception
    {
        final List<ConsensusScoring.Entry> entries = new ArrayList<>();
        for (int uid = 0; uid < HONEST; uid++)
        {
            entries.add(entry(uid, 100 + uid, job.write(dir.resolve("m" + uid + ".vcf"),
                job.minerCalls(700 + uid, errors), SimulatedJob.hotkey(uid))));
        }
        return entries;
    }

    private void makeJob(final long seed, final int length)
    {
        job = SimulatedJob.make(seed, length, 150);
        window = RegionSet.fromIntervals(Map.of(SimulatedJob.CONTIG, List.of(new int[] {0, length})));
    }

    /** A VCF's records with the hotkey line replaced (what a relaying copycat returns). */
    private Path relabel(final Path vcf, final int uid) throws Exception
    {
        final String text = Files.readString(vcf).replaceAll("##miner_hotkey=.*", "##miner_hotkey="
            + SimulatedJob.hotkey(uid));
        return Files.writeString(dir.resolve("copy" + uid + ".vcf"), text);
    }

    @Test
    void shouldScoreHonestMinersAgainstTheirConsensusAndFlagEveryKindOfCopy() throws Exception
    {
        makeJob(21, 100_000);
        final List<ConsensusScoring.Entry> entries = honest(SimulatedJob.Errors.realistic());
        final Path minerTwo = dir.resolve("m2.vcf");
        // uid 5 relays uid 2's VCF; uid 6 relays it with every MNP split into SNPs (another fingerprint, same calls).
        entries.add(entry(5, 400, relabel(minerTwo, 5)));
        final List<String> split = new ArrayList<>();
        for (final String line : Files.readAllLines(minerTwo))
        {
            final String[] f = line.split("\t");
            if (line.startsWith("#") || f[3].length() == 1 || f[3].length() != f[4].length())
            {
                split.add(line.replaceAll("##miner_hotkey=.*", "##miner_hotkey=" + SimulatedJob.hotkey(6)));
                continue;
            }
            for (int k = 0; k < f[3].length(); k++)
            {
                split.add(f[0] + "\t" + (Integer.parseInt(f[1]) + k) + "\t.\t" + f[3].charAt(k) + "\t" + f[4].charAt(k)
                    + "\t50\tPASS\t.\tGT\t" + (f[9].equals("1/1") ? "1/1" : "0|1"));
            }
        }
        entries.add(entry(6, 500, Files.write(dir.resolve("split6.vcf"), split)));
        // uid 7 returns the majority consensus of the five honest miners, written by the validator's own writer.
        final List<VariantSet> honestSets = entries.subList(0, HONEST).stream().map(e -> e.checked().calls()).toList();
        final Path consensusCopy = dir.resolve("consensus7.vcf");
        CallSetVcf.write(MajorityConsensus.of(honestSets, job.reference, OPTIONS, null).consensus((1L << HONEST) - 1),
            job.reference, consensusCopy, List.of("##miner_hotkey=" + SimulatedJob.hotkey(7)), "S");
        entries.add(entry(7, 600, consensusCopy));
        // uid 8 answers for another hotkey.
        entries.add(entry(8, 50, relabel(dir.resolve("m0.vcf"), 0)));

        final ConsensusScoring.Outcome outcome = new ConsensusScoring(job.reference, OPTIONS, 0.7,
            ConsensusScoring.DEFAULT_MIN_DISCORDANCE, null).score(entries);

        assertTrue(outcome.hasConsensus(), outcome.problem());
        assertEquals(HONEST, outcome.voters().size());
        for (int uid = 0; uid < HONEST; uid++)
        {
            final ConsensusScoring.MinerScore s = outcome.scores().get(uid);
            assertTrue(s.scored() && !s.consensusCopy() && s.duplicateOf() < 0,
                "uid " + uid + ": " + s.score().reason());
            final double truthScore = VcfComparator.compare(job.loadTruth(job.write(dir.resolve("truth.vcf"),
                job.truth, null)), s.entry().checked().calls(), job.reference, OPTIONS).score();
            assertEquals(truthScore, s.score().score(), 0.01, "uid " + uid);
            assertTrue(s.discordance() >= ConsensusScoring.DEFAULT_MIN_DISCORDANCE, "honest callers err: " + s);
        }
        final ConsensusScoring.MinerScore relay = outcome.scores().get(5);
        assertEquals(0.0, relay.score().score());
        assertEquals(2, relay.duplicateOf());
        assertEquals("duplicate of the calls of uid 2", relay.score().reason());
        final ConsensusScoring.MinerScore rewritten = outcome.scores().get(6);
        assertEquals(0.0, rewritten.score().score());
        assertEquals("duplicate of the calls of uid 2 (the same calls written differently)",
            rewritten.score().reason());
        assertTrue(!rewritten.score().fingerprint().equals(relay.score().fingerprint()), "split MNPs change the "
            + "fingerprint: only the comparator sees the copy");
        final ConsensusScoring.MinerScore copy = outcome.scores().get(7);
        assertTrue(copy.consensusCopy(), copy.toString());
        assertEquals(0.0, copy.score().score());
        assertTrue(copy.score().reason().startsWith("matches the consensus of the other miners exactly"),
            copy.score().reason());
        assertTrue(copy.rewarded());
        final ConsensusScoring.MinerScore foreign = outcome.scores().get(8);
        assertEquals("##miner_hotkey " + SimulatedJob.hotkey(0) + " is not the responding miner's hotkey",
            foreign.score().reason());
        assertFalse(foreign.voter());
        // The user's call set: the consensus of the five, which is the truth here.
        assertTrue(outcome.consensus().variantCount() > 550);
    }

    @Test
    void shouldNotFlagAPerfectMinerWhenTheOthersAgreeAlmostEverywhere() throws Exception
    {
        // Others that err on a few records only give no evidence that an exact match was copied: nobody is flagged.
        makeJob(22, 30_000);
        final List<ConsensusScoring.Entry> entries = honest(new SimulatedJob.Errors(0.02, 0, 0, 0.5, 0.5));
        entries.add(entry(5, 300, job.write(dir.resolve("perfect.vcf"), job.truth, SimulatedJob.hotkey(5))));
        final ConsensusScoring.Outcome outcome = new ConsensusScoring(job.reference, OPTIONS, 0.7,
            ConsensusScoring.DEFAULT_MIN_DISCORDANCE, null).score(entries);
        assertTrue(outcome.hasConsensus());
        for (final ConsensusScoring.MinerScore s : outcome.scores())
        {
            assertFalse(s.consensusCopy(), s.toString());
        }
        final ConsensusScoring.MinerScore perfect = outcome.scores().get(5);
        assertEquals(1.0, perfect.score().score(), 1e-12, perfect.toString());
        assertEquals(0, perfect.discordance());
    }

    @Test
    void shouldGiveNoScoreWhenTooFewIndependentCallSetsRemain() throws Exception
    {
        makeJob(23, 20_000);
        final Path a = job.write(dir.resolve("a.vcf"), job.minerCalls(1, SimulatedJob.Errors.realistic()),
            SimulatedJob.hotkey(0));
        final Path b = job.write(dir.resolve("b.vcf"), job.minerCalls(2, SimulatedJob.Errors.realistic()),
            SimulatedJob.hotkey(1));
        final List<ConsensusScoring.Entry> entries = List.of(entry(0, 10, a), entry(1, 20, b),
            entry(2, 30, relabel(a, 2)));
        final ConsensusScoring.Outcome outcome = new ConsensusScoring(job.reference, OPTIONS, 0.7,
            ConsensusScoring.DEFAULT_MIN_DISCORDANCE, null).score(entries);
        assertFalse(outcome.hasConsensus());
        assertNull(outcome.consensus());
        assertEquals("too few independent call sets for a consensus: 2 (at least 3 are needed)", outcome.problem());
        for (int uid = 0; uid < 2; uid++)
        {
            final ConsensusScoring.MinerScore s = outcome.scores().get(uid);
            assertFalse(s.rewarded(), "not the miner's fault");
            assertFalse(s.scored());
        }
        assertEquals(0, outcome.scores().get(2).duplicateOf());
        assertTrue(outcome.scores().get(2).rewarded(), "a copy is the copier's fault");
    }
}

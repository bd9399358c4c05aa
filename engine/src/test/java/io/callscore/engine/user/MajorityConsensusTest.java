package io.callscore.engine.user;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.Counts;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.VariantSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The majority consensus recovers the truth from independent miners. Bounds, for five miners whose records are each
 * wrong with probability about e = 0.02 (missed or wrong genotype; extra calls never agree across miners):
 * a truth record leaves the consensus of all five only when at least three miners err on it,
 * P = C(5,3) e^3 = 8e-5, so about 0.05 records of 650; a leave-one-out consensus (four others, three needed) loses
 * one when two of the four err, P = C(4,2) e^2 = 2.4e-3, about 1.6 records of 650. The tests allow 1 and 6 (seed 3
 * has one record that three of five miners got wrong; its leave-one-out consensuses miss 2 to 5 records). An honest
 * miner's score against its leave-one-out consensus stays within 0.01 of its score against the truth (0.003 seen).
 */
class MajorityConsensusTest
{
    private static final int MINERS = 5;
    private static final CompareOptions OPTIONS = CompareOptions.defaults();

    @TempDir
    Path dir;

    @Test
    void shouldRecoverTheTruthWhenAClearMajorityOfIndependentMinersCallsIt() throws Exception
    {
        for (final long seed : new long[] {1, 2, 3})
        {
            final SimulatedJob job = SimulatedJob.make(seed, 100_000, 150);
            final VariantSet truth = job.loadTruth(job.write(dir.resolve(seed + "-truth.vcf"), job.truth, null));
            final List<VariantSet> miners = new ArrayList<>();
            for (int m = 0; m < MINERS; m++)
            {
                miners.add(job.load(job.write(dir.resolve(seed + "-miner" + m + ".vcf"),
                    job.minerCalls(seed * 100 + m, SimulatedJob.Errors.realistic()), null)));
            }
            final MajorityConsensus votes = MajorityConsensus.of(miners, job.reference, OPTIONS, null);
            final long all = (1L << MINERS) - 1;

            final ComparisonResult full = VcfComparator.compare(truth, votes.consensus(all), job.reference, OPTIONS);
            final Counts.ClassCounts t = full.counts().total();
            assertTrue(t.tpBase() > 550, "seed " + seed + ": " + t);
            assertTrue(t.fn() + t.fp() <= 1, "seed " + seed + ": consensus of all five vs truth " + t);

            for (int x = 0; x < MINERS; x++)
            {
                final VariantSet loo = votes.consensus(all & ~(1L << x));
                final Counts.ClassCounts lt = VcfComparator.compare(truth, loo, job.reference, OPTIONS).counts()
                    .total();
                assertTrue(lt.fn() + lt.fp() <= 6, "seed " + seed + " miner " + x + ": leave-one-out vs truth " + lt);
                final double truthScore = VcfComparator.compare(truth, miners.get(x), job.reference, OPTIONS).score();
                final double consensusScore = VcfComparator.compare(loo, miners.get(x), job.reference, OPTIONS).score();
                assertTrue(truthScore > 0.9 && truthScore < 1.0, "seed " + seed + " miner " + x + ": " + truthScore);
                assertEquals(truthScore, consensusScore, 0.01, "seed " + seed + " miner " + x);
            }
        }
    }

    @Test
    void shouldCountAVariantOnceWhateverItsRepresentation() throws Exception
    {
        // Every miner is perfect, but they write indels and MNPs differently: the votes must not split.
        final SimulatedJob job = SimulatedJob.make(9, 40_000, 150);
        final VariantSet truth = job.loadTruth(job.write(dir.resolve("truth.vcf"), job.truth, null));
        final List<VariantSet> miners = new ArrayList<>();
        for (int m = 0; m < 3; m++)
        {
            miners.add(job.load(job.write(dir.resolve("m" + m + ".vcf"),
                job.minerCalls(50 + m, new SimulatedJob.Errors(0, 0, 0, 0.5, 0.5)), null)));
        }
        final MajorityConsensus votes = MajorityConsensus.of(miners, job.reference, OPTIONS, null);
        for (int y = 0; y < 3; y++)
        {
            for (int z = 0; z < 3; z++)
            {
                assertTrue(y == z || votes.equivalent(y, z), y + " vs " + z);
            }
        }
        final VariantSet consensus = votes.consensus(0b111);
        final ComparisonResult r = VcfComparator.compare(truth, consensus, job.reference, OPTIONS);
        assertTrue(MajorityConsensus.matchesCompletely(r), r.counts().total().toString());
        // Written canonically: as the first voter (in order) wrote it, so its record count is voter 0's.
        assertEquals(miners.get(0).variantCount(), consensus.variantCount());
        // Leave-one-out groups of two need both: still everything.
        assertTrue(MajorityConsensus.matchesCompletely(VcfComparator.compare(truth, votes.consensus(0b110),
            job.reference, OPTIONS)));
    }

    @Test
    void shouldLeaveOutWhatOnlyAMinorityCalls() throws Exception
    {
        final SimulatedJob job = SimulatedJob.make(4, 20_000, 150);
        final List<SimulatedJob.Rec> base = job.minerCalls(1, new SimulatedJob.Errors(0, 0, 0, 0, 0));
        final List<SimulatedJob.Rec> withExtra = new ArrayList<>(base);
        final SimulatedJob.Rec first = base.get(0);
        // One extra SNV 25 bases after the first record, called by two of five miners.
        final int q = first.pos() + 25;
        final String r = String.valueOf((char)job.seq[q - 1]);
        withExtra.add(new SimulatedJob.Rec(q, r, r.equals("A") ? "C" : "A", "0/1"));
        withExtra.sort(java.util.Comparator.comparingInt(SimulatedJob.Rec::pos));
        final List<VariantSet> miners = new ArrayList<>();
        for (int m = 0; m < 5; m++)
        {
            miners.add(job.load(job.write(dir.resolve("m" + m + ".vcf"), m < 2 ? withExtra : base, null)));
        }
        final MajorityConsensus votes = MajorityConsensus.of(miners, job.reference, OPTIONS, null);
        assertEquals(base.size(), votes.consensus(0b11111).variantCount(), "2 of 5 is no majority");
        assertEquals(base.size() + 1, votes.consensus(0b00111).variantCount(), "2 of 3 is");
        assertFalse(votes.equivalent(0, 2));
        assertTrue(votes.equivalent(0, 1));
        assertEquals(2, votes.votes(0, SimulatedJob.CONTIG, 1, 0b11111), "the extra record has two votes");
    }
}

package io.callscore.engine.miner.pileup;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiploidGenotyperTest
{
    private static final double HET = 1e-3;
    /** Per-read error of the count model used here. */
    private static final double ERROR = 0.01;

    private final DiploidGenotyper genotyper = new DiploidGenotyper();

    @Test
    void shouldCallHetWhenReadsSplitEvenly()
    {
        genotyper.call(likelihoods(15, 15, 0), 2, HET);
        assertEquals(1, genotyper.best());
        assertEquals(DiploidGenotyper.MAX_GQ, genotyper.gq());
        assertTrue(genotyper.qual() > 100, "qual " + genotyper.qual());
    }

    @Test
    void shouldCallHomAltWhenAllReadsShowAlt()
    {
        genotyper.call(likelihoods(0, 30, 0), 2, HET);
        assertEquals(2, genotyper.best());
    }

    @Test
    void shouldCallHomRefWithNearZeroQualWhenOneReadInThirtyShowsAlt()
    {
        genotyper.call(likelihoods(29, 1, 0), 2, HET);
        assertEquals(0, genotyper.best());
        assertTrue(genotyper.qual() < 1, "qual " + genotyper.qual());
    }

    @Test
    void shouldCallTwoAltAllelesWhenReadsSplitBetweenThem()
    {
        genotyper.call(likelihoods(0, 14, 16), 3, HET);
        assertEquals(4, genotyper.best());
        assertEquals(1, DiploidGenotyper.first(genotyper.best()));
        assertEquals(2, DiploidGenotyper.second(genotyper.best()));
    }

    @Test
    void shouldGrowQualAndGqWithDepthWhenAlleleFractionStaysTheSame()
    {
        genotyper.call(likelihoods(2, 2, 0), 2, HET);
        final double shallowQual = genotyper.qual();
        final int shallowGq = genotyper.gq();
        genotyper.call(likelihoods(4, 4, 0), 2, HET);
        assertTrue(genotyper.qual() > shallowQual, genotyper.qual() + " vs " + shallowQual);
        assertTrue(genotyper.gq() > shallowGq, genotyper.gq() + " vs " + shallowGq);
        assertTrue(shallowGq < DiploidGenotyper.MAX_GQ);
    }

    /** log10 likelihoods of the genotypes over (ref, alt1, alt2) from read counts, each read right with 1-ERROR. */
    private static double[] likelihoods(final int ref, final int alt1, final int alt2)
    {
        final int[] counts = {ref, alt1, alt2};
        final double[] out = new double[DiploidGenotyper.MAX_GENOTYPES];
        for (int g = 0; g < DiploidGenotyper.MAX_GENOTYPES; g++)
        {
            final int a = DiploidGenotyper.first(g);
            final int b = DiploidGenotyper.second(g);
            double sum = 0;
            for (int c = 0; c < 3; c++)
            {
                final double pa = c == a ? 1 - ERROR : ERROR / 2;
                final double pb = c == b ? 1 - ERROR : ERROR / 2;
                sum += counts[c] * Math.log10((pa + pb) / 2);
            }
            out[g] = sum;
        }
        return out;
    }
}

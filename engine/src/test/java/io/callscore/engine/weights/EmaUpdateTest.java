package io.callscore.engine.weights;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmaUpdateTest
{
    @Test
    void shouldMoveScoredUidsTowardTheirRewardAndDecayTheOthers()
    {
        final double[] ema = {0.5, 0.5, 0.0, 1.0};
        EmaUpdate.apply(ema, new int[] {0, 2}, new double[] {1.0, 0.8}, 0.1);
        assertArrayEquals(new double[] {0.55, 0.45, 0.08, 0.9}, ema, 1e-12);
    }

    @Test
    void shouldTreatNaNRewardsAsZero()
    {
        final double[] ema = {0.5, 0.5};
        EmaUpdate.apply(ema, new int[] {0, 1}, new double[] {Double.NaN, 1.0}, 0.5);
        assertArrayEquals(new double[] {0.25, 0.75}, ema, 1e-12);
    }

    @Test
    void shouldLeaveScoresUnchangedWithoutRewards()
    {
        final double[] ema = {0.3, 0.7};
        EmaUpdate.apply(ema, new int[0], new double[0], 0.1);
        assertArrayEquals(new double[] {0.3, 0.7}, ema, 0);
    }

    @Test
    void shouldRejectMismatchedLengths()
    {
        assertThrows(IllegalArgumentException.class, () -> EmaUpdate.apply(new double[2], new int[] {0}, new double[2], 0.1));
    }
}

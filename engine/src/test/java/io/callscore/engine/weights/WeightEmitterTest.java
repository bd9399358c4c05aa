package io.callscore.engine.weights;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightEmitterTest
{
    @Test
    void shouldScaleTheLargestWeightTo65535AndDropZeros()
    {
        final WeightEmitter.Emit e = WeightEmitter.toU16(new double[] {0.5, 0.0, 0.25, 0.25});
        assertArrayEquals(new int[] {0, 2, 3}, e.uids());
        assertArrayEquals(new int[] {65535, 32768, 32768}, e.weights());
        assertEquals("{\"uids\":[0,2,3],\"weights\":[65535,32768,32768]}", e.toJson());
    }

    @Test
    void shouldEmitNothingWhenAllScoresAreZero()
    {
        final WeightEmitter.Emit e = WeightEmitter.emit(new double[3], new double[3], 1.0);
        assertEquals(0, e.uids().length);
    }

    @Test
    void shouldMultiplyEmaByOnePlusBoost()
    {
        final WeightEmitter.Emit e = WeightEmitter.emit(new double[] {0.5, 0.5}, new double[] {0.0, 0.2}, 1.0);
        assertArrayEquals(new int[] {54613, 65535}, e.weights());
    }

    @Test
    void shouldCapTheLargestShareAtTheMaxWeight()
    {
        final double[] w = WeightEmitter.normaliseMaxWeight(new double[] {10, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0.2);
        double sum = 0;
        double max = 0;
        for (final double v : w)
        {
            sum += v;
            max = Math.max(max, v);
        }
        assertEquals(1.0, sum, 1e-9);
        assertTrue(max <= 0.2 + 1e-6, "max " + max);
        assertEquals(w[1], w[9], 1e-12);
    }

    @Test
    void shouldLeaveWeightsUnderTheCapAsPlainNormalisation()
    {
        assertArrayEquals(new double[] {0.25, 0.25, 0.5}, WeightEmitter.normaliseMaxWeight(new double[] {1, 1, 2}, 0.6),
            1e-12);
    }

    @Test
    void shouldGiveNoWeightToUidsWithoutAScoreWhenTheCapCannotBeMet()
    {
        // 12 uids and a cap of 0.01: only 2 have a score, so the cap cannot be met; they share equally.
        final double[] ema = new double[12];
        ema[3] = 0.5;
        ema[7] = 0.1;
        final WeightEmitter.Emit e = WeightEmitter.emit(ema, new double[12], 0.01);
        assertArrayEquals(new int[] {3, 7}, e.uids());
        assertArrayEquals(new int[] {65535, 65535}, e.weights());
    }
}

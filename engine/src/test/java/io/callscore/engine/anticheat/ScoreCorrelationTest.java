package io.callscore.engine.anticheat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreCorrelationTest
{
    @Test
    void shouldReportAMinerTrackingAnotherAndNotIndependentMiners()
    {
        final SplittableRandom random = new SplittableRandom(5);
        final int rounds = 30;
        final double[][] s = new double[3][rounds];
        for (int r = 0; r < rounds; r++)
        {
            s[0][r] = 0.9 + 0.03 * random.nextGaussian();
            s[1][r] = s[0][r] - 0.01 + 0.002 * random.nextGaussian();
            s[2][r] = 0.9 + 0.03 * random.nextGaussian();
        }
        final List<ScoreCorrelation.Pair> pairs = ScoreCorrelation.suspicious(new int[] {4, 5, 6}, s, 10, 0.9);
        assertEquals(1, pairs.size());
        assertEquals(4, pairs.get(0).uidA());
        assertEquals(5, pairs.get(0).uidB());
        assertTrue(pairs.get(0).correlation() > 0.95);
    }

    @Test
    void shouldUseOnlyRoundsWhereBothWereScored()
    {
        final double nan = Double.NaN;
        final double[] r = ScoreCorrelation.correlation(new double[] {1, 2, nan, 4}, new double[] {2, 4, 5, nan});
        assertEquals(2, (int)r[1]);
        assertEquals(1.0, r[0], 1e-12);
    }
}

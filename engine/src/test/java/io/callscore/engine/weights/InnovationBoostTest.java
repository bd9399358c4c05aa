package io.callscore.engine.weights;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InnovationBoostTest
{
    private final InnovationBoost boost = InnovationBoost.defaults();

    @Test
    void shouldMatchTabulatedStudentTTailProbabilities()
    {
        // t(0.99, 9) = 2.821, t(0.975, 4) = 2.776, t(0.95, 30) = 1.697 (standard tables).
        assertEquals(0.01, StudentT.upperTail(2.821, 9), 2e-4);
        assertEquals(0.025, StudentT.upperTail(2.776, 4), 2e-4);
        assertEquals(0.05, StudentT.upperTail(1.697, 30), 2e-4);
        assertEquals(0.5, StudentT.upperTail(0, 7), 1e-12);
        assertEquals(0.99, StudentT.upperTail(-2.821, 9), 2e-4);
    }

    @Test
    void shouldGrantNothingWithFewerThanTenTasks()
    {
        final double[] scores = {0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99};
        assertFalse(boost.significant(scores, scores.length, 0.5));
    }

    @Test
    void shouldFindAClearImprovementSignificantAndAMereMatchNot()
    {
        final SplittableRandom random = new SplittableRandom(11);
        final double[] better = new double[20];
        final double[] matching = new double[20];
        for (int i = 0; i < 20; i++)
        {
            better[i] = 0.95 + 0.01 * random.nextGaussian();
            matching[i] = 0.93 + 0.01 * random.nextGaussian();
        }
        assertTrue(boost.significant(better, 20, 0.93), "p=" + boost.pValue(better, 20, 0.93));
        assertFalse(boost.significant(matching, 20, 0.93), "p=" + boost.pValue(matching, 20, 0.93));
    }

    @Test
    void shouldHalveEveryHalfLife()
    {
        assertEquals(0.2, boost.valueAt(0.2, 100, 100), 1e-12);
        assertEquals(0.1, boost.valueAt(0.2, 100, 120), 1e-12);
        assertEquals(0.05, boost.valueAt(0.2, 100, 140), 1e-12);
        assertEquals(0.0, boost.valueAt(0.0, 100, 140), 0);
    }
}

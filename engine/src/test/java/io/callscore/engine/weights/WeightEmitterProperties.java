package io.callscore.engine.weights;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The weight pipeline (EMA × (1 + boost) → normalise → max-weight cap → u16) over random EMA and boost vectors,
 * many of them with zeros, as a validator's uid table has.
 */
class WeightEmitterProperties
{
    /** Share tolerance: u16 rounding moves each weight by at most half a unit of 65535. */
    private static final double SHARE_TOLERANCE = 1e-3;

    /** A score: zero half of the time, else anything in (0, 1]. */
    private static Gen<Double> score()
    {
        return integers().between(0, 1).zip(doubles().between(1e-9, 1.0), (zero, v) -> zero == 0 ? 0.0 : v);
    }

    /** A boost: zero most of the time, else up to 0.5. */
    private static Gen<Double> boost()
    {
        return integers().between(0, 3).zip(doubles().between(0.0, 0.5), (zero, v) -> zero != 0 ? 0.0 : v);
    }

    /** No cap half of the time, else a cap anywhere from 0.01 to 1. */
    private static Gen<Double> cap()
    {
        return integers().between(0, 1).zip(doubles().between(0.01, 1.0), (none, v) -> none == 0 ? 1.0 : v);
    }

    @Test
    void shouldEmitU16WeightsInIncreasingUidOrderWithZerosDroppedAndTheMaxAt65535ForAnyScores()
    {
        qt().withExamples(2000)
            .forAll(lists().of(score()).ofSizeBetween(1, 64), lists().of(boost()).ofSize(64), cap())
            .checkAssert(this::checkEmit);
    }

    private void checkEmit(final List<Double> emaList, final List<Double> boostList, final double cap)
    {
        final int n = emaList.size();
        final double[] ema = new double[n];
        final double[] boost = new double[n];
        int positive = 0;
        for (int u = 0; u < n; u++)
        {
            ema[u] = emaList.get(u);
            boost[u] = boostList.get(u);
            positive += ema[u] > 0 ? 1 : 0;
        }
        final WeightEmitter.Emit emit = WeightEmitter.emit(ema, boost, cap);
        final int[] uids = emit.uids();
        final int[] weights = emit.weights();
        assertEquals(uids.length, weights.length);
        if (positive == 0)
        {
            assertEquals(0, uids.length, "nothing to emit when every score is 0");
            return;
        }
        int max = 0;
        long sum = 0;
        for (int i = 0; i < uids.length; i++)
        {
            assertTrue(weights[i] >= 1 && weights[i] <= 65535, "u16 and non-zero: " + weights[i]);
            assertTrue(i == 0 || uids[i] > uids[i - 1], "uids in increasing order");
            assertTrue(ema[uids[i]] > 0, "uid " + uids[i] + " has score 0 but weight " + weights[i]);
            max = Math.max(max, weights[i]);
            sum += weights[i];
        }
        assertEquals(65535, max, "the largest weight is 65535");
        // The same test as WeightEmitter.normaliseMaxWeight's (count × limit ≤ 1 falls back to uniform).
        if (positive * cap > 1)
        {
            // The cap can be met by the uids that have a score: no uid takes more than its share.
            for (int i = 0; i < uids.length; i++)
            {
                assertTrue((double)weights[i] / sum <= cap + SHARE_TOLERANCE,
                    "uid " + uids[i] + " has share " + (double)weights[i] / sum + " over the cap " + cap);
            }
        }
        else
        {
            // The cap cannot be met: every uid with a score gets the same weight (the SDK's fallback).
            for (int i = 0; i < uids.length; i++)
            {
                assertEquals(65535, weights[i], "uniform when the cap cannot be met");
            }
            assertEquals(positive, uids.length);
        }
    }
}

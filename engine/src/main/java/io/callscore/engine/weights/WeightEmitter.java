package io.callscore.engine.weights;

import java.util.Arrays;

/**
 * From effective scores to what the chain takes: {@code EMA × (1 + boost)}, normalised to sum 1, capped so no uid
 * holds more than {@code maxWeight} (the SDK's normalize_max_weight), then max-upscaled to u16 so the largest
 * weight is 65535, with zeros dropped (the SDK's convert_weights_and_uids_for_emit).
 */
public final class WeightEmitter
{
    public static final int U16_MAX = 65535;

    /** Uids and their u16 weights, in increasing uid order. */
    public record Emit(int[] uids, int[] weights)
    {
        /** {@code {"uids":[...],"weights":[...]}}. */
        public String toJson()
        {
            return "{\"uids\":" + Arrays.toString(uids).replace(" ", "") + ",\"weights\":"
                + Arrays.toString(weights).replace(" ", "") + "}";
        }
    }

    private WeightEmitter()
    {
    }

    /** Effective score per uid: {@code ema × (1 + boost)}, NaN or negative as 0. */
    public static double[] effective(final double[] ema, final double[] boost)
    {
        final double[] out = new double[ema.length];
        for (int u = 0; u < ema.length; u++)
        {
            final double v = ema[u] * (1 + boost[u]);
            out[u] = Double.isNaN(v) || v < 0 ? 0 : v;
        }
        return out;
    }

    /** L1-normalised weights; all zero when the scores are all zero. */
    public static double[] normalise(final double[] scores)
    {
        double sum = 0;
        for (final double s : scores)
        {
            sum += s;
        }
        final double[] out = new double[scores.length];
        if (sum > 0)
        {
            for (int u = 0; u < scores.length; u++)
            {
                out[u] = scores[u] / sum;
            }
        }
        return out;
    }

    /**
     * Sums to 1 with no element above {@code limit}: values above a cutoff are clipped to it and the rest rescaled
     * (the SDK's algorithm, including its uniform fallback when the limit cannot be met).
     */
    public static double[] normaliseMaxWeight(final double[] x, final double limit)
    {
        final double epsilon = 1e-7;
        final int n = x.length;
        double sum = 0;
        for (final double v : x)
        {
            sum += v;
        }
        if (n == 0)
        {
            return new double[0];
        }
        if (sum == 0 || n * limit <= 1)
        {
            final double[] uniform = new double[n];
            Arrays.fill(uniform, 1.0 / n);
            return uniform;
        }
        final double[] values = x.clone();
        Arrays.sort(values);
        final double[] estimation = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++)
        {
            estimation[i] = values[i] / sum;
            max = Math.max(max, estimation[i]);
        }
        if (max <= limit)
        {
            final double[] out = new double[n];
            for (int i = 0; i < n; i++)
            {
                out[i] = x[i] / sum;
            }
            return out;
        }
        final double[] cumsum = new double[n];
        double running = 0;
        for (int i = 0; i < n; i++)
        {
            running += estimation[i];
            cumsum[i] = running;
        }
        int nValues = 0;
        for (int i = 0; i < n; i++)
        {
            final double estimationSum = (n - i - 1) * estimation[i];
            if (estimation[i] / (estimationSum + cumsum[i] + epsilon) < limit)
            {
                nValues++;
            }
        }
        final double cutoffScale = (limit * cumsum[nValues - 1] - epsilon) / (1 - (limit * (n - nValues)));
        final double cutoff = cutoffScale * sum;
        final double[] clipped = new double[n];
        double clippedSum = 0;
        for (int i = 0; i < n; i++)
        {
            clipped[i] = Math.min(x[i], cutoff);
            clippedSum += clipped[i];
        }
        for (int i = 0; i < n; i++)
        {
            clipped[i] /= clippedSum;
        }
        return clipped;
    }

    /** Max-upscale to u16 (largest = 65535), round, drop zeros. All-zero weights give an empty emit. */
    public static Emit toU16(final double[] weights)
    {
        double max = 0;
        for (final double w : weights)
        {
            if (w < 0 || Double.isNaN(w))
            {
                throw new IllegalArgumentException("weights must be non-negative numbers");
            }
            max = Math.max(max, w);
        }
        if (max == 0)
        {
            return new Emit(new int[0], new int[0]);
        }
        final int[] uids = new int[weights.length];
        final int[] values = new int[weights.length];
        int n = 0;
        for (int u = 0; u < weights.length; u++)
        {
            final int v = (int)Math.round(weights[u] / max * U16_MAX);
            if (v > 0)
            {
                uids[n] = u;
                values[n] = v;
                n++;
            }
        }
        return new Emit(Arrays.copyOf(uids, n), Arrays.copyOf(values, n));
    }

    /**
     * The whole chain: effective scores → normalised → capped at {@code maxWeight} → u16. As the SDK's
     * process_weights_for_netuid, the cap is applied among the uids with a non-zero score only: counting the empty
     * uids would let its uniform fallback (cap × uids ≤ 1) hand weight to uids that scored nothing.
     */
    public static Emit emit(final double[] ema, final double[] boost, final double maxWeight)
    {
        final double[] effective = effective(ema, boost);
        int nonZero = 0;
        for (final double v : effective)
        {
            nonZero += v > 0 ? 1 : 0;
        }
        if (nonZero == 0)
        {
            return new Emit(new int[0], new int[0]);
        }
        final int[] uids = new int[nonZero];
        final double[] scores = new double[nonZero];
        for (int u = 0, i = 0; u < effective.length; u++)
        {
            if (effective[u] > 0)
            {
                uids[i] = u;
                scores[i++] = effective[u];
            }
        }
        final double[] capped = normaliseMaxWeight(normalise(scores), maxWeight);
        final double[] all = new double[effective.length];
        for (int i = 0; i < nonZero; i++)
        {
            all[uids[i]] = capped[i];
        }
        return toU16(all);
    }
}

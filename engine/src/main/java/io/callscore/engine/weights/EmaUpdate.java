package io.callscore.engine.weights;

/**
 * The subnet template's score smoothing: rewards are scattered by uid into a zero vector, NaN becomes 0, and
 * every uid moves {@code score = alpha * reward + (1 - alpha) * score}, so uids not scored this round decay toward 0.
 */
public final class EmaUpdate
{
    /** The template's default {@code --neuron.moving_average_alpha}. */
    public static final double DEFAULT_ALPHA = 0.1;

    private EmaUpdate()
    {
    }

    /**
     * Updates {@code ema} in place. {@code uids[i]} got {@code rewards[i]} this round. Empty input changes nothing
     * (as the template: no update without rewards).
     */
    public static void apply(final double[] ema, final int[] uids, final double[] rewards, final double alpha)
    {
        if (uids.length != rewards.length)
        {
            throw new IllegalArgumentException("uids and rewards differ in length: " + uids.length + " vs "
                + rewards.length);
        }
        if (uids.length == 0)
        {
            return;
        }
        final double[] scattered = new double[ema.length];
        for (int i = 0; i < uids.length; i++)
        {
            final double r = rewards[i];
            scattered[uids[i]] = Double.isNaN(r) ? 0.0 : r;
        }
        for (int u = 0; u < ema.length; u++)
        {
            final double next = alpha * scattered[u] + (1 - alpha) * ema[u];
            ema[u] = Double.isNaN(next) ? 0.0 : next;
        }
    }
}

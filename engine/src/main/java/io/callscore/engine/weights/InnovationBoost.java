package io.callscore.engine.weights;

/**
 * The innovation boost: a miner whose recent task scores beat the best level any miner has held, by a margin that
 * is statistically significant, gets a temporary uplift that halves every {@code halfLifeRounds}.
 *
 * <p><b>The test.</b> One-sided one-sample Student t test of H0: mean(recent) ≤ record against H1: mean > record,
 * over at least {@code minTasks} (10) recent task scores, rejecting at p < {@code alpha} (0.01). The t test is used
 * because task scores are means of many per-variant outcomes and so close to normal, and it uses the size of
 * the improvement, not only its sign (a sign test with n = 10 would need all ten tasks above the record). Its power:
 * with task-score spread σ, an improvement δ is detected with about 80% power when δ/σ ≥ 1.2 at n = 10, ≥ 0.8 at
 * n = 20 and ≥ 0.5 at n = 50 (noncentral t, α = 0.01); for a typical σ = 0.01 that is +0.012, +0.008, +0.005.
 *
 * <p>After a boost the record rises to the booster's recent mean, so a miner that later only matches that level
 * (for instance by copying) gets no boost.
 */
public final class InnovationBoost
{
    public static final int DEFAULT_MIN_TASKS = 10;
    public static final double DEFAULT_ALPHA = 0.01;
    public static final double DEFAULT_SIZE = 0.2;
    public static final double DEFAULT_HALF_LIFE_ROUNDS = 20;

    private final int minTasks;
    private final double alpha;
    private final double size;
    private final double halfLifeRounds;

    public InnovationBoost(final int minTasks, final double alpha, final double size, final double halfLifeRounds)
    {
        if (minTasks < 2 || !(alpha > 0 && alpha < 1) || size < 0 || !(halfLifeRounds > 0))
        {
            throw new IllegalArgumentException("boost needs minTasks >= 2, 0 < alpha < 1, size >= 0, half-life > 0");
        }
        this.minTasks = minTasks;
        this.alpha = alpha;
        this.size = size;
        this.halfLifeRounds = halfLifeRounds;
    }

    public static InnovationBoost defaults()
    {
        return new InnovationBoost(DEFAULT_MIN_TASKS, DEFAULT_ALPHA, DEFAULT_SIZE, DEFAULT_HALF_LIFE_ROUNDS);
    }

    /**
     * One-sided p-value that the mean of {@code scores[0..n)} exceeds {@code record}; 1 when there are fewer than
     * {@code minTasks} scores or no spread and no improvement.
     */
    public double pValue(final double[] scores, final int n, final double record)
    {
        if (n < minTasks)
        {
            return 1.0;
        }
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            mean += scores[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++)
        {
            final double d = scores[i] - mean;
            ss += d * d;
        }
        final double sd = Math.sqrt(ss / (n - 1));
        if (sd == 0)
        {
            // No spread: the evidence is exact; above the record is certain, otherwise nothing.
            return mean > record ? 0.0 : 1.0;
        }
        final double t = (mean - record) / (sd / Math.sqrt(n));
        return StudentT.upperTail(t, n - 1);
    }

    /** Whether the recent scores beat the record significantly. */
    public boolean significant(final double[] scores, final int n, final double record)
    {
        return pValue(scores, n, record) < alpha;
    }

    /** Mean of the first n scores. */
    public static double mean(final double[] scores, final int n)
    {
        double m = 0;
        for (int i = 0; i < n; i++)
        {
            m += scores[i];
        }
        return n == 0 ? 0 : m / n;
    }

    /** Boost value granted at {@code startRound}, seen at {@code round}: size · 2^-(elapsed / half-life). */
    public double valueAt(final double grantedSize, final long startRound, final long round)
    {
        if (grantedSize <= 0 || round < startRound)
        {
            return 0;
        }
        return grantedSize * Math.pow(0.5, (round - startRound) / halfLifeRounds);
    }

    /** Size of a newly granted boost. */
    public double size()
    {
        return size;
    }

    public int minTasks()
    {
        return minTasks;
    }
}

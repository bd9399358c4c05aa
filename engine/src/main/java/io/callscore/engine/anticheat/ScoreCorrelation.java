package io.callscore.engine.anticheat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Copy detection over time: the Pearson correlation of two miners' per-round task scores, over the rounds both
 * were scored. Each miner gets its own windows, so honest miners' scores vary independently around their skill; a
 * miner whose round-by-round outcomes track another's closely over many rounds is likely copying its work (for
 * instance by relaying its VCFs). Reported, not punished: the decision is the operator's.
 */
public final class ScoreCorrelation
{
    /** A suspicious pair. */
    public record Pair(int uidA, int uidB, double correlation, int rounds)
    {
        public String toJson()
        {
            return String.format(Locale.ROOT, "{\"uids\":[%d,%d],\"correlation\":%.4f,\"rounds\":%d}", uidA, uidB,
                correlation, rounds);
        }
    }

    private ScoreCorrelation()
    {
    }

    /**
     * Pairs whose correlation is at least {@code threshold} over at least {@code minRounds} shared rounds.
     * {@code scores[u][r]} is miner u's score in round r of the window, NaN when not scored that round.
     */
    public static List<Pair> suspicious(final int[] uids, final double[][] scores, final int minRounds,
        final double threshold)
    {
        final List<Pair> out = new ArrayList<>();
        for (int i = 0; i < uids.length; i++)
        {
            for (int j = i + 1; j < uids.length; j++)
            {
                final double[] r = correlation(scores[i], scores[j]);
                if (r[1] >= minRounds && r[0] >= threshold)
                {
                    out.add(new Pair(uids[i], uids[j], r[0], (int)r[1]));
                }
            }
        }
        return out;
    }

    /** {correlation, shared rounds}; correlation is NaN when either side has no spread. */
    static double[] correlation(final double[] a, final double[] b)
    {
        int n = 0;
        double sa = 0;
        double sb = 0;
        for (int k = 0; k < Math.min(a.length, b.length); k++)
        {
            if (!Double.isNaN(a[k]) && !Double.isNaN(b[k]))
            {
                n++;
                sa += a[k];
                sb += b[k];
            }
        }
        if (n < 2)
        {
            return new double[] {Double.NaN, n};
        }
        final double ma = sa / n;
        final double mb = sb / n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int k = 0; k < Math.min(a.length, b.length); k++)
        {
            if (!Double.isNaN(a[k]) && !Double.isNaN(b[k]))
            {
                cov += (a[k] - ma) * (b[k] - mb);
                va += (a[k] - ma) * (a[k] - ma);
                vb += (b[k] - mb) * (b[k] - mb);
            }
        }
        final double r = va == 0 || vb == 0 ? Double.NaN : cov / Math.sqrt(va * vb);
        return new double[] {r, n};
    }
}

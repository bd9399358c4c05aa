package io.callscore.engine.weights;

/** Student's t distribution: the upper-tail probability needed by the one-sided test of {@link InnovationBoost}. */
final class StudentT
{
    private StudentT()
    {
    }

    /** P(T > t) for T ~ t(df). */
    static double upperTail(final double t, final double df)
    {
        final double x = df / (df + t * t);
        final double tail = 0.5 * regularizedIncompleteBeta(df / 2, 0.5, x);
        return t >= 0 ? tail : 1 - tail;
    }

    /** I_x(a, b) by the continued fraction (modified Lentz), switching to the symmetric form where it converges faster. */
    static double regularizedIncompleteBeta(final double a, final double b, final double x)
    {
        if (x <= 0)
        {
            return 0;
        }
        if (x >= 1)
        {
            return 1;
        }
        final double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
        if (x < (a + 1) / (a + b + 2))
        {
            return Math.exp(lnFront) * continuedFraction(a, b, x) / a;
        }
        return 1 - Math.exp(lnFront) * continuedFraction(b, a, 1 - x) / b;
    }

    private static double continuedFraction(final double a, final double b, final double x)
    {
        final double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 300; m++)
        {
            final int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            final double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-14)
            {
                break;
            }
        }
        return h;
    }

    /** Lanczos approximation of ln Γ(x), x > 0. */
    static double logGamma(final double x)
    {
        final double[] g = {676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5)
        {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        final double z = x - 1;
        double sum = 0.99999999999980993;
        for (int i = 0; i < g.length; i++)
        {
            sum += g[i] / (z + i + 1);
        }
        final double t = z + g.length - 0.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}

package io.callscore.compare;

/**
 * TP/FP/FN counts split by record class. SNP class: REF and every ALT have the same length (SNV, MNP);
 * INDEL class: otherwise. Baseline-side counts use the truth record's class, call-side counts the call's.
 */
public final class Counts
{
    private final long[] tpBase = new long[2];
    private final long[] tpCall = new long[2];
    private final long[] fp = new long[2];
    private final long[] fn = new long[2];

    /** Counts of one class or of both. */
    public record ClassCounts(long tpBase, long tpCall, long fp, long fn)
    {
        /** tp_call / (tp_call + fp); 1 when the class has no truth and no calls, else 0 for 0/0. */
        public double precision()
        {
            if (isEmpty())
            {
                return 1.0;
            }
            return tpCall + fp == 0 ? 0.0 : (double)tpCall / (tpCall + fp);
        }

        /** tp_base / (tp_base + fn); 1 when the class has no truth and no calls, else 0 for 0/0. */
        public double recall()
        {
            if (isEmpty())
            {
                return 1.0;
            }
            return tpBase + fn == 0 ? 0.0 : (double)tpBase / (tpBase + fn);
        }

        /** Harmonic mean of precision and recall; 1 for an empty class, 0 when both are 0. */
        public double f1()
        {
            if (isEmpty())
            {
                return 1.0;
            }
            final double p = precision();
            final double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }

        /** No truth and no calls of this class. */
        public boolean isEmpty()
        {
            return tpBase + fn == 0 && tpCall + fp == 0;
        }

        public ClassCounts plus(final ClassCounts o)
        {
            return new ClassCounts(tpBase + o.tpBase, tpCall + o.tpCall, fp + o.fp, fn + o.fn);
        }
    }

    void addTpBase(final boolean indel)
    {
        tpBase[indel ? 1 : 0]++;
    }

    void addTpCall(final boolean indel)
    {
        tpCall[indel ? 1 : 0]++;
    }

    void addFp(final boolean indel)
    {
        fp[indel ? 1 : 0]++;
    }

    void addFn(final boolean indel)
    {
        fn[indel ? 1 : 0]++;
    }

    public ClassCounts snp()
    {
        return new ClassCounts(tpBase[0], tpCall[0], fp[0], fn[0]);
    }

    public ClassCounts indel()
    {
        return new ClassCounts(tpBase[1], tpCall[1], fp[1], fn[1]);
    }

    public ClassCounts total()
    {
        return snp().plus(indel());
    }
}

package io.callscore.compare.properties;

import io.callscore.compare.ComparisonResult;
import io.callscore.compare.Counts;

import java.util.List;

/** Per-class counts in a form that compares (and prints) as one value; built from a result or from the model. */
record CountsByClass(Counts.ClassCounts snp, Counts.ClassCounts indel)
{
    private static final Counts.ClassCounts ZERO = new Counts.ClassCounts(0, 0, 0, 0);

    static CountsByClass of(final ComparisonResult result)
    {
        return new CountsByClass(result.counts().snp(), result.counts().indel());
    }

    /** What the comparison must report when every record gets its expected status. */
    static CountsByClass model(final List<ExpectedRecord> truth, final List<ExpectedRecord> calls)
    {
        final long[][] c = new long[2][4];
        for (final ExpectedRecord r : truth)
        {
            c[r.line().isIndelClass() ? 1 : 0][r.matched() ? 0 : 3]++;
        }
        for (final ExpectedRecord r : calls)
        {
            c[r.line().isIndelClass() ? 1 : 0][r.matched() ? 1 : 2]++;
        }
        return new CountsByClass(new Counts.ClassCounts(c[0][0], c[0][1], c[0][2], c[0][3]),
            new Counts.ClassCounts(c[1][0], c[1][1], c[1][2], c[1][3]));
    }

    Counts.ClassCounts total()
    {
        return snp.plus(indel);
    }

    /** The counts with truth and calls exchanged: tp_base with tp_call, FP with FN, per class. */
    CountsByClass swapped()
    {
        return new CountsByClass(swap(snp), swap(indel));
    }

    /** These counts plus one false positive of the given class. */
    CountsByClass plusFalsePositive(final boolean indelClass)
    {
        final Counts.ClassCounts one = new Counts.ClassCounts(0, 0, 1, 0);
        return indelClass ? new CountsByClass(snp, indel.plus(one)) : new CountsByClass(snp.plus(one), indel);
    }

    CountsByClass plus(final CountsByClass other)
    {
        return new CountsByClass(snp.plus(other.snp), indel.plus(other.indel));
    }

    static CountsByClass zero()
    {
        return new CountsByClass(ZERO, ZERO);
    }

    private static Counts.ClassCounts swap(final Counts.ClassCounts c)
    {
        return new Counts.ClassCounts(c.tpCall(), c.tpBase(), c.fn(), c.fp());
    }
}

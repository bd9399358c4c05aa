package io.callscore.compare;

import java.util.Locale;

/** The human-readable table printed by {@code callscore compare}: rows ALL, SNP, INDEL, then the score. */
public final class ComparisonTable
{
    private ComparisonTable()
    {
    }

    public static String of(final ComparisonResult r)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-6s %10s %10s %10s %10s %10s %10s %10s%n", "class", "tp_base", "tp_call",
            "fp", "fn", "precision", "recall", "f1"));
        row(sb, "ALL", r.counts().total());
        row(sb, "SNP", r.counts().snp());
        row(sb, "INDEL", r.counts().indel());
        sb.append(String.format(Locale.ROOT, "score %.4f  (0.7*F1_snp + 0.3*F1_indel)%n", r.score()));
        return sb.toString();
    }

    private static void row(final StringBuilder sb, final String name, final Counts.ClassCounts c)
    {
        sb.append(String.format(Locale.ROOT, "%-6s %10d %10d %10d %10d %10.4f %10.4f %10.4f%n", name, c.tpBase(),
            c.tpCall(), c.fp(), c.fn(), c.precision(), c.recall(), c.f1()));
    }
}

package io.callscore.compare.report;

import io.callscore.compare.Counts;

import java.util.Locale;

/**
 * summary.txt in RTG vcfeval's layout, so that tools parsing vcfeval output read callscore's too: a right-aligned
 * table (columns as wide as their widest cell, two spaces apart), a dashes line as wide as the table, and the
 * {@code None} row (all calls; callscore has no score threshold, like vcfeval {@code --no-roc}). Counts are
 * integers, metrics have 4 decimals; a precision of 0/0 prints {@code NaN} as vcfeval does.
 */
public final class VcfevalSummaryTxt
{
    /** vcfeval's whole summary when the truth has no variants to count. */
    public static final String NO_BASELINE = "0 total baseline variants, no summary statistics available\n";

    private static final String[] HEADER = {
        "Threshold", "True-pos-baseline", "True-pos-call", "False-pos", "False-neg", "Precision", "Sensitivity",
        "F-measure"};
    private static final int GAP = 2;
    private static final int METRIC_DECIMALS = 4;

    private VcfevalSummaryTxt()
    {
    }

    /** The summary of all classes together, as vcfeval prints it (it has no per-class summary). */
    public static String format(final Counts counts)
    {
        return format(counts.total());
    }

    /** The summary of given counts. */
    public static String format(final Counts.ClassCounts total)
    {
        final long baselineTotal = total.tpBase() + total.fn();
        if (baselineTotal == 0)
        {
            return NO_BASELINE;
        }
        final double precision = (double)total.tpCall() / (total.tpCall() + total.fp());
        final double sensitivity = (double)total.tpBase() / baselineTotal;
        final double sum = precision + sensitivity;
        final double fMeasure = sum == 0 ? 0 : 2 * precision * sensitivity / sum;
        final String[] none = {
            "None", Long.toString(total.tpBase()), Long.toString(total.tpCall()), Long.toString(total.fp()),
            Long.toString(total.fn()), real(precision), real(sensitivity), real(fMeasure)};
        final int[] widths = new int[HEADER.length];
        int tableWidth = GAP * (HEADER.length - 1);
        for (int c = 0; c < HEADER.length; c++)
        {
            widths[c] = Math.max(HEADER[c].length(), none[c].length());
            tableWidth += widths[c];
        }
        final StringBuilder sb = new StringBuilder();
        row(sb, HEADER, widths);
        sb.repeat('-', tableWidth).append('\n');
        row(sb, none, widths);
        return sb.toString();
    }

    private static void row(final StringBuilder sb, final String[] cells, final int[] widths)
    {
        for (int c = 0; c < cells.length; c++)
        {
            sb.repeat(' ', (c == 0 ? 0 : GAP) + widths[c] - cells[c].length()).append(cells[c]);
        }
        sb.append('\n');
    }

    /** 4 decimals, half-up on the decimal expansion (as String.format, which vcfeval uses); NaN as "NaN". */
    private static String real(final double x)
    {
        return Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%." + METRIC_DECIMALS + "f", x);
    }
}

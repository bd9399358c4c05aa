package io.callscore.compare.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * summary.csv in hap.py's 18-column layout (hap.py 0.3.x {@code qfy.py}): rows INDEL and SNP, each for ALL
 * records and PASS records. Counts are callscore's (records, SNP/INDEL by record class, vcfeval matching); the
 * metrics follow hap.py's definitions and its 0-for-empty conventions. Fields hap.py would print but callscore
 * cannot compute (FP.gt and FP.al need a genotype-mismatch second pass) are left empty, as are ratios with a zero
 * denominator, where hap.py writes NaN as an empty field too.
 */
final class HappySummaryCsv
{
    static final String HEADER = "Type,Filter,TRUTH.TOTAL,TRUTH.TP,TRUTH.FN,QUERY.TOTAL,QUERY.FP,QUERY.UNK,FP.gt,"
        + "FP.al,METRIC.Recall,METRIC.Precision,METRIC.Frac_NA,METRIC.F1_Score,TRUTH.TOTAL.TiTv_ratio,"
        + "QUERY.TOTAL.TiTv_ratio,TRUTH.TOTAL.het_hom_ratio,QUERY.TOTAL.het_hom_ratio";
    /** hap.py rounds its metrics to 6 decimals. */
    private static final int METRIC_DECIMALS = 6;

    private HappySummaryCsv()
    {
    }

    /** The whole file: header and the rows INDEL ALL, INDEL PASS, SNP ALL, SNP PASS. */
    static String format(final HappyTally tally)
    {
        final StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (final boolean indel : new boolean[] {true, false})
        {
            for (final boolean passOnly : new boolean[] {false, true})
            {
                row(sb, tally, indel, passOnly);
            }
        }
        return sb.toString();
    }

    private static void row(final StringBuilder sb, final HappyTally t, final boolean indel, final boolean passOnly)
    {
        final long truthTp = t.count(false, indel, passOnly, HappyTally.TP);
        final long truthFn = t.count(false, indel, passOnly, HappyTally.MISS);
        final long queryTp = t.count(true, indel, passOnly, HappyTally.TP);
        final long queryFp = t.count(true, indel, passOnly, HappyTally.MISS);
        final long queryUnk = t.count(true, indel, passOnly, HappyTally.UNK);
        final long truthTotal = truthTp + truthFn;
        final long queryTotal = queryTp + queryFp + queryUnk;
        // hap.py (Roc.hh): recall and precision are 0 when their totals are 0; F1 is NaN when both are 0.
        final double recall = truthTotal == 0 ? 0 : (double)truthTp / truthTotal;
        final double precision = queryTotal == 0 ? 0 : (double)queryTp / (queryTp + queryFp);
        final double fracNa = queryTotal == 0 ? 0 : (double)queryUnk / queryTotal;
        final double f1 = 2 * precision * recall / (precision + recall);
        sb.append(indel ? "INDEL" : "SNP").append(',').append(passOnly ? "PASS" : "ALL")
            .append(',').append(truthTotal).append(',').append(truthTp).append(',').append(truthFn)
            .append(',').append(queryTotal).append(',').append(queryFp).append(',').append(queryUnk)
            .append(",,")  // FP.gt, FP.al: not computed (no genotype-mismatch / local-match classification)
            .append(',').append(metric(recall)).append(',').append(metric(precision))
            .append(',').append(metric(fracNa)).append(',').append(metric(f1))
            // hap.py has no ti/tv counts for indels, so their ratios are always NaN (empty).
            .append(',').append(indel ? "" : ratio(t, false, false, passOnly, HappyTally.TI, HappyTally.TV))
            .append(',').append(indel ? "" : ratio(t, true, false, passOnly, HappyTally.TI, HappyTally.TV))
            .append(',').append(ratio(t, false, indel, passOnly, HappyTally.HET, HappyTally.HOMALT))
            .append(',').append(ratio(t, true, indel, passOnly, HappyTally.HET, HappyTally.HOMALT))
            .append('\n');
    }

    private static String ratio(final HappyTally t, final boolean query, final boolean indel, final boolean passOnly,
        final int num, final int den)
    {
        final long d = t.count(query, indel, passOnly, den);
        return d == 0 ? "" : decimal((double)t.count(query, indel, passOnly, num) / d);
    }

    /** A metric as hap.py prints it: rounded to 6 decimals, shortest form, at least one decimal; NaN empty. */
    static String metric(final double x)
    {
        if (Double.isNaN(x) || Double.isInfinite(x))
        {
            return "";
        }
        return withPoint(new BigDecimal(x).setScale(METRIC_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros()
            .toPlainString());
    }

    /** A ratio as Python prints a float: shortest round-trip form, at least one decimal. */
    static String decimal(final double x)
    {
        return withPoint(new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString());
    }

    private static String withPoint(final String s)
    {
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }
}

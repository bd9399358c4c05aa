package io.callscore.compare.report;

/**
 * Record counts behind summary.csv: per side (truth, query), class (SNP, INDEL) and filter (ALL, PASS), the
 * decisions plus the transition/transversion and het/homalt counts of the records in each side's TOTAL.
 * TRUTH.TOTAL is TP + FN (truth outside the evaluation regions is not counted, as hap.py leaves truth outside
 * its confident regions out); QUERY.TOTAL is TP + FP + UNK, as in hap.py.
 */
final class HappyTally
{
    static final int TP = 0;
    /** FN on the truth side, FP on the query side. */
    static final int MISS = 1;
    static final int UNK = 2;
    static final int TI = 3;
    static final int TV = 4;
    static final int HET = 5;
    static final int HOMALT = 6;
    private static final int METRICS = 7;

    private final long[] counts = new long[2 * 2 * 2 * METRICS];

    /** Counts one written record. */
    void add(final boolean query, final boolean indel, final boolean pass, final byte decision, final int tiTv,
        final byte zygosity)
    {
        final int metric = switch (decision)
        {
            case RecordDecisions.TP -> TP;
            case RecordDecisions.MISS -> MISS;
            case RecordDecisions.UNK -> query ? UNK : -1;
            default -> -1;
        };
        if (metric < 0)
        {
            return;
        }
        addTo(slot(query, indel, false), metric, tiTv, zygosity);
        if (pass)
        {
            addTo(slot(query, indel, true), metric, tiTv, zygosity);
        }
    }

    /** A count of one side, class and filter. */
    long count(final boolean query, final boolean indel, final boolean passOnly, final int metric)
    {
        return counts[slot(query, indel, passOnly) + metric];
    }

    private void addTo(final int slot, final int metric, final int tiTv, final byte zygosity)
    {
        counts[slot + metric]++;
        if ((tiTv & VcfDataLine.TRANSITION) != 0)
        {
            counts[slot + TI]++;
        }
        if ((tiTv & VcfDataLine.TRANSVERSION) != 0)
        {
            counts[slot + TV]++;
        }
        if (zygosity == Zygosity.HET)
        {
            counts[slot + HET]++;
        }
        else if (zygosity == Zygosity.HOMALT)
        {
            counts[slot + HOMALT]++;
        }
    }

    private static int slot(final boolean query, final boolean indel, final boolean passOnly)
    {
        return (((query ? 1 : 0) * 2 + (indel ? 1 : 0)) * 2 + (passOnly ? 1 : 0)) * METRICS;
    }
}

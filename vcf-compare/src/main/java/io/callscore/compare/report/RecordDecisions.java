package io.callscore.compare.report;

import io.callscore.compare.ComparisonResult;
import io.callscore.compare.ContigOutcome;
import io.callscore.compare.VariantStatus;
import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.VariantSet;

/**
 * What each data record of one input became in a comparison, indexed by record ordinal (0-based index of the data
 * line in the file). The output files are written by re-reading the inputs in file order, so the per-variant
 * statuses are turned once into this per-record table: one byte per record keeps a whole genome at a few MB.
 */
final class RecordDecisions
{
    /** Written nowhere: the record gave no variant (filtered, not a variant, skipped) or was too complex. */
    static final byte NONE = 0;
    /** Counted as TP (a call also needs a weight above zero). */
    static final byte TP = 1;
    /** Not matched and counted: FN on the baseline side, FP on the call side. */
    static final byte MISS = 2;
    /** Outside the evaluation regions and counted nowhere: hap.py's UNK. */
    static final byte UNK = 3;
    /** A call matched inside the evaluation regions with weight 0: counted nowhere, as vcfeval does. */
    static final byte UNCOUNTED = 4;

    private static final byte DECISION_MASK = 0x0F;
    private static final byte INDEL_CLASS = 0x10;

    private final byte[] codes;

    private RecordDecisions(final byte[] codes)
    {
        this.codes = codes;
    }

    /** Decisions for the records of the truth (baseline) input. */
    static RecordDecisions baseline(final ComparisonResult result)
    {
        final byte[] codes = new byte[tableSize(result.baseline())];
        for (final ContigOutcome outcome : result.contigs())
        {
            final ContigVariants b = outcome.baseline();
            if (b == null)
            {
                continue;
            }
            for (int v = 0; v < b.size(); v++)
            {
                final byte status = outcome.baselineStatus()[v];
                final byte decision;
                if (outcome.baselineCountsAsTp(v))
                {
                    decision = TP;
                }
                else if (outcome.baselineCountsAsFn(v))
                {
                    decision = MISS;
                }
                else if (b.isOutside(v) && (status == VariantStatus.TP || status == VariantStatus.NO_MATCH))
                {
                    decision = UNK;
                }
                else
                {
                    decision = NONE;
                }
                codes[b.recordOrdinal(v)] = code(decision, b.isIndelClass(v));
            }
        }
        return new RecordDecisions(codes);
    }

    /** Decisions for the records of the calls input. */
    static RecordDecisions calls(final ComparisonResult result)
    {
        final byte[] codes = new byte[tableSize(result.calls())];
        for (final ContigOutcome outcome : result.contigs())
        {
            final ContigVariants c = outcome.calls();
            if (c == null)
            {
                continue;
            }
            for (int v = 0; v < c.size(); v++)
            {
                final byte status = outcome.callStatus()[v];
                final byte decision;
                if (outcome.callCountsAsTp(v))
                {
                    decision = TP;
                }
                else if (outcome.callCountsAsFp(v))
                {
                    decision = MISS;
                }
                else if (c.isOutside(v) && (status == VariantStatus.TP || status == VariantStatus.NO_MATCH))
                {
                    decision = UNK;
                }
                else if (status == VariantStatus.TP)
                {
                    decision = UNCOUNTED;
                }
                else
                {
                    decision = NONE;
                }
                codes[c.recordOrdinal(v)] = code(decision, c.isIndelClass(v));
            }
        }
        return new RecordDecisions(codes);
    }

    private static byte code(final byte decision, final boolean indel)
    {
        return decision == NONE ? NONE : (byte)(decision | (indel ? INDEL_CLASS : 0));
    }

    /** Room for every record ordinal: the file's record count, or more when variants were built elsewhere. */
    private static int tableSize(final VariantSet set)
    {
        int max = set.records();
        for (final ContigVariants cv : set.contigs().values())
        {
            for (int v = 0; v < cv.size(); v++)
            {
                max = Math.max(max, cv.recordOrdinal(v) + 1);
            }
        }
        return max;
    }

    /** The decision for a record ({@link #NONE} beyond the table). */
    byte decision(final int ordinal)
    {
        return ordinal < codes.length ? (byte)(codes[ordinal] & DECISION_MASK) : NONE;
    }

    /** Whether the record's variant is in the INDEL class (REF and ALT lengths differ); SNP class otherwise. */
    boolean isIndelClass(final int ordinal)
    {
        return ordinal < codes.length && (codes[ordinal] & INDEL_CLASS) != 0;
    }

    /** Number of records with the given decision (for checks and tests). */
    long count(final byte decision)
    {
        long n = 0;
        for (final byte c : codes)
        {
            if (c != NONE && (c & DECISION_MASK) == decision)
            {
                n++;
            }
        }
        return n;
    }
}

package io.callscore.compare.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The vocabulary of the GA4GH benchmarking intermediate format as callscore writes it (ga4gh/benchmarking-tools
 * {@code doc/ref-impl/intermediate.md}; the FORMAT layout of hap.py's {@code -V} output, so that hap.py's
 * {@code qfy.py} and other GA4GH tooling can read the file).
 */
final class Ga4ghFormat
{
    /** Sample column names, in column order. */
    static final String TRUTH_SAMPLE = "TRUTH";
    static final String QUERY_SAMPLE = "QUERY";

    /** FORMAT of every record. */
    static final byte[] FORMAT = ascii("GT:BD:BK:BVT:BLT");
    /** Sample value of the side a line has no record from. */
    static final byte[] ABSENT_SAMPLE = ascii("./.:.:.:NOCALL:nocall");
    /** A missing value. */
    static final byte[] MISSING = ascii(".");

    /** Header lines describing the FORMAT fields. */
    static final List<String> FORMAT_HEADER_LINES = List.of(
        "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
        "##FORMAT=<ID=BD,Number=1,Type=String,Description=\"Decision for call (TP/FP/FN/UNK/N). UNK: outside the "
            + "evaluation regions, not counted. N: matched with call weight 0, not counted\">",
        "##FORMAT=<ID=BK,Number=1,Type=String,Description=\"Sub-type for decision (match/mismatch type): gm "
            + "genotype match, . none\">",
        "##FORMAT=<ID=BVT,Number=1,Type=String,Description=\"High-level variant type (SNP|INDEL|NOCALL). SNP: REF "
            + "and every ALT of the record have the same length; INDEL otherwise\">",
        "##FORMAT=<ID=BLT,Number=1,Type=String,Description=\"High-level location type "
            + "(het|homref|hetalt|homalt|hemi|halfcall|ambi|nocall)\">");

    private Ga4ghFormat()
    {
    }

    private static byte[] ascii(final String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

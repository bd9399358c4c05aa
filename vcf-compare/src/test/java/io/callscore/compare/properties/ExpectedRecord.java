package io.callscore.compare.properties;

/**
 * A generated record and whether the comparison is expected to match it (TP) or not (FN for truth, FP for
 * calls). Counts are asserted by class only, so where vcfeval's choice between two same-class records is a
 * tie-break, either record may carry the mark.
 */
record ExpectedRecord(VcfLine line, boolean matched)
{
}

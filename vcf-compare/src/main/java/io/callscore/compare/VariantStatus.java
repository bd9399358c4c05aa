package io.callscore.compare;

/** What the comparison decided for one variant. */
public final class VariantStatus
{
    /** Not part of the comparison: not a variant, filtered, or skipped while loading. */
    public static final byte NONE = 0;
    /** Matched (TP). */
    public static final byte TP = 1;
    /** Not matched: FN on the baseline side, FP on the call side. */
    public static final byte NO_MATCH = 2;
    /** In a too-complex region: left out of all counts. */
    public static final byte TOO_COMPLEX = 3;

    private VariantStatus()
    {
    }
}

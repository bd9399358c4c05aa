package io.callscore.engine.round;

import io.callscore.compare.ComparisonResult;

/**
 * The outcome of scoring one miner's response to one task.
 *
 * @param score          0..1; 0 whenever {@code reason} is not empty
 * @param reason         why the response scored 0 without comparison, or empty
 * @param result         the comparison (null when not compared)
 * @param fingerprint    canonical fingerprint of the call set (null when not loaded)
 * @param emptyCallSet   the call set had no variants
 * @param outsideWindow  call records ignored because they lie outside the task's regions
 */
public record TaskScore(double score, String reason, ComparisonResult result, String fingerprint,
    boolean emptyCallSet, int outsideWindow)
{
    /** Longest reason kept: reasons go into every round record and onto the operator's terminal. */
    static final int MAX_REASON_CHARS = 400;

    /**
     * Reasons quote miners' bytes (a bad line, a stderr tail): control characters become '?', so a hostile miner
     * cannot put terminal escape sequences on the leaderboard or break a record into lines.
     */
    public TaskScore
    {
        reason = printable(reason);
    }

    static String printable(final String text)
    {
        if (text == null)
        {
            return "";
        }
        final int n = Math.min(text.length(), MAX_REASON_CHARS);
        final StringBuilder sb = new StringBuilder(n + 3);
        for (int i = 0; i < n; i++)
        {
            final char c = text.charAt(i);
            sb.append(c < 0x20 || (c >= 0x7f && c < 0xa0) ? '?' : c);
        }
        return n < text.length() ? sb.append("...").toString() : sb.toString();
    }

    public static TaskScore zero(final String reason)
    {
        return new TaskScore(0.0, reason, null, null, false, 0);
    }

    public boolean compared()
    {
        return result != null;
    }

    /** The same outcome forced to 0 (duplicate detection acts after comparison). */
    public TaskScore zeroed(final String why)
    {
        return new TaskScore(0.0, why, result, fingerprint, emptyCallSet, outsideWindow);
    }
}

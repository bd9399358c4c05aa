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

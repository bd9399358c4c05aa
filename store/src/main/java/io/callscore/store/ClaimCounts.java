package io.callscore.store;

/**
 * Tasks per claim state.
 *
 * @param overdue claimed tasks whose deadline has passed but that no expiry sweep has retired yet (part of
 *                {@code claimed})
 */
public record ClaimCounts(int available, int claimed, int scored, int expired, int overdue)
{
    public int total()
    {
        return available + claimed + scored + expired;
    }
}

package io.callscore.store;

/** What {@link ClaimPool#markScored} did. */
public enum ScoreOutcome
{
    /** The task was claimed by this miner within its deadline and is now scored. */
    SCORED,
    /** The deadline had passed: the task is now expired and the result must not count. */
    EXPIRED,
    /** The task is unknown, not claimed, already finished, or claimed by another miner: nothing changed. */
    REFUSED
}

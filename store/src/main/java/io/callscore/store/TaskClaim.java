package io.callscore.store;

import java.util.UUID;

/**
 * One task's claim record, as read.
 *
 * @param taskId       the task
 * @param state        where it is in its life
 * @param hotkey       the miner that claimed it, or empty when never claimed
 * @param claimedAtMs  epoch milliseconds of the claim, 0 when never claimed
 * @param deadlineMs   epoch milliseconds by which the result must be scored, 0 when never claimed
 * @param finishedAtMs epoch milliseconds it was scored or expired, 0 before that
 */
public record TaskClaim(UUID taskId, ClaimState state, String hotkey, long claimedAtMs, long deadlineMs,
    long finishedAtMs)
{
}

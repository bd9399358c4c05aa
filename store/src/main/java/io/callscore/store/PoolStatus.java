package io.callscore.store;

import java.nio.file.Path;

/**
 * A pool at a glance.
 *
 * @param dir                the pool directory
 * @param sizing             the limits it was created with
 * @param truthRecords       tasks with a stored truth
 * @param claims             tasks per claim state
 * @param truthFileBytes     size of {@code truth.cmap} (sparse: the disk holds only pages written)
 * @param claimsFileBytes    size of {@code claims.cmap}
 * @param truthRecordBytes   bytes of all stored truth records
 * @param largestRecordBytes the largest truth record
 * @param truthVariants      truth variants over all tasks
 */
public record PoolStatus(Path dir, StoreSizing sizing, int truthRecords, ClaimCounts claims, long truthFileBytes,
    long claimsFileBytes, long truthRecordBytes, int largestRecordBytes, long truthVariants)
{
}

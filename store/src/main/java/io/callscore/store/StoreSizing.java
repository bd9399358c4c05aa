package io.callscore.store;

/**
 * How big a pool's maps are made, decided once by the pool build from the records it is about to store. A
 * memory-mapped map cannot grow safely, so it is sized up front with headroom, and the store refuses (with
 * {@link StoreFullException}) rather than write past what it was sized for.
 *
 * @param maxTasks           tasks the pool accepts; one more is refused
 * @param averageRecordBytes expected mean truth record size, headroom included (sizes the truth map)
 * @param maxRecordBytes     largest truth record accepted; a larger one is refused
 */
public record StoreSizing(int maxTasks, int averageRecordBytes, int maxRecordBytes)
{
    /** Default headroom over measured sizes: 25 %. */
    public static final double DEFAULT_HEADROOM = 0.25;
    /** A record may be this many times the (headroomed) average before it is refused. */
    public static final int MAX_TO_AVERAGE = 4;
    /** Smallest average record size used for sizing, so that tiny test pools still get sane chunks. */
    public static final int MIN_AVERAGE_RECORD_BYTES = 256;

    public StoreSizing
    {
        if (maxTasks < 1)
        {
            throw new IllegalArgumentException("maxTasks must be >= 1, got " + maxTasks);
        }
        if (averageRecordBytes < 1 || maxRecordBytes < averageRecordBytes)
        {
            throw new IllegalArgumentException("need 1 <= averageRecordBytes <= maxRecordBytes, got "
                + averageRecordBytes + " and " + maxRecordBytes);
        }
    }

    /**
     * Sizing for records already measured: room for {@code maxTasks} tasks, an average of the measured mean plus
     * headroom, and records up to {@link #MAX_TO_AVERAGE} times that average or the largest measured one plus
     * headroom, whichever is larger.
     */
    public static StoreSizing forMeasured(final int maxTasks, final long totalRecordBytes, final int records,
        final int largestRecordBytes, final double headroom)
    {
        if (headroom < 0 || !Double.isFinite(headroom))
        {
            throw new IllegalArgumentException("headroom must be >= 0, got " + headroom);
        }
        final double mean = records == 0 ? MIN_AVERAGE_RECORD_BYTES : (double)totalRecordBytes / records;
        final int average = (int)Math.min(Integer.MAX_VALUE / (2L * MAX_TO_AVERAGE),
            Math.max(MIN_AVERAGE_RECORD_BYTES, Math.ceil(mean * (1 + headroom))));
        final long largest = (long)Math.ceil(largestRecordBytes * (1 + headroom));
        final int max = (int)Math.min(Integer.MAX_VALUE / 2, Math.max((long)average * MAX_TO_AVERAGE, largest));
        return new StoreSizing(Math.max(1, maxTasks), average, max);
    }

    /** Entries the claim map and truth map are created for: the task cap plus headroom for hash imbalance. */
    long mapEntries()
    {
        return mapEntries(maxTasks);
    }

    static long mapEntries(final int maxTasks)
    {
        return (long)Math.ceil(maxTasks * (1 + DEFAULT_HEADROOM)) + 16;
    }
}

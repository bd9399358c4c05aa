package io.callscore.store;

import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static io.callscore.store.ClaimRecordDescriptor.*;

/**
 * Which tasks are available, claimed, scored or expired, in a persisted Chronicle map of fixed-size records
 * ({@link ClaimRecordDescriptor}). Every transition is a read-decide-write under the task's entry write lock, and
 * that lock lives in the mapped file, so threads and separate processes sharing the pool never hand the same task
 * to two miners. Finished tasks (scored, expired) are never re-issued.
 */
public final class ClaimPool implements AutoCloseable
{
    static final String MAP_NAME = "callscore-claims";

    private final Path file;
    private final ChronicleMap<byte[], byte[]> map;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    /** Ids seen available by this process, as msb/lsb pairs; only {@link #claimNext} uses them. */
    private volatile long[] candidates;
    private volatile int candidateCount;
    private final AtomicLong cursor = new AtomicLong(ThreadLocalRandom.current().nextInt(1 << 30));

    /** Per-thread key and value bytes, with Chronicle views of them so that queries allocate nothing. */
    private static final class Scratch
    {
        final byte[] key = new byte[TaskIds.KEY_BYTES];
        final byte[] value = new byte[LENGTH];
        final UnsafeBuffer buffer = new UnsafeBuffer(value);
        final BytesStore<?, ?> keyStore = BytesStore.wrap(key);
        final BytesStore<?, ?> valueStore = BytesStore.wrap(value);
        final byte[] hotkey = new byte[MAX_HOTKEY_BYTES];
    }

    private ClaimPool(final Path file, final ChronicleMap<byte[], byte[]> map)
    {
        this.file = file;
        this.map = map;
        final long[] found = new long[2 * (int)Math.max(16, map.longSize())];
        final int[] n = {0};
        map.forEachEntry(entry ->
        {
            final Data<byte[]> value = entry.value();
            if (value.bytes().readByte(value.offset() + STATE_OFFSET) == ClaimState.AVAILABLE.code())
            {
                final Data<byte[]> key = entry.key();
                final byte[] k = new byte[TaskIds.KEY_BYTES];
                key.bytes().read(key.offset(), k, 0, TaskIds.KEY_BYTES);
                found[2 * n[0]] = TaskIds.msb(k);
                found[2 * n[0] + 1] = TaskIds.lsb(k);
                n[0]++;
            }
        });
        candidates = found;
        candidateCount = n[0];
    }

    /** Creates a new, empty claim pool for up to {@code maxTasks} tasks; the file must not exist. */
    public static ClaimPool create(final Path file, final int maxTasks)
    {
        return new ClaimPool(file, ChronicleMaps.createConstant(file, MAP_NAME, StoreSizing.mapEntries(maxTasks),
            TaskIds.KEY_BYTES, LENGTH));
    }

    /** Opens an existing claim pool (shared with other processes that open the same file). */
    public static ClaimPool open(final Path file)
    {
        return new ClaimPool(file, ChronicleMaps.open(file, MAP_NAME, TaskIds.KEY_BYTES));
    }

    public Path file()
    {
        return file;
    }

    /** Tasks in the pool, in any state. */
    public int size()
    {
        return (int)map.longSize();
    }

    /** Adds a task as available; returns false (changing nothing) when the task is already in the pool. */
    public boolean add(final UUID id)
    {
        final Scratch s = scratch.get();
        TaskIds.put(s.key, id.getMostSignificantBits(), id.getLeastSignificantBits());
        Arrays.fill(s.value, (byte)0);
        s.buffer.putByte(STATE_OFFSET, ClaimState.AVAILABLE.code());
        try (ExternalMapQueryContext<byte[], byte[], ?> context = map.queryContext(s.keyStore, 0, TaskIds.KEY_BYTES))
        {
            context.writeLock().lock();
            if (context.entry() != null)
            {
                return false;
            }
            context.absentEntry().doInsert(context.wrapValueBytesAsData(s.valueStore, 0, LENGTH));
        }
        catch (final IllegalStateException e)
        {
            throw new StoreFullException(file, "no room for task " + id + ": " + ChronicleMaps.describe(e));
        }
        addCandidate(id.getMostSignificantBits(), id.getLeastSignificantBits());
        return true;
    }

    private synchronized void addCandidate(final long msb, final long lsb)
    {
        final int n = candidateCount;
        long[] array = candidates;
        if (2 * n + 2 > array.length)
        {
            array = Arrays.copyOf(array, 2 * array.length);
            candidates = array;
        }
        array[2 * n] = msb;
        array[2 * n + 1] = lsb;
        candidateCount = n + 1;
    }

    /**
     * Claims one available task for a miner. Returns its id, or null when no task is available. Atomic: a task
     * is returned to exactly one caller across all threads and processes sharing the pool.
     *
     * @param hotkey     the miner's hotkey (ASCII, 1 to 64 characters)
     * @param nowMs      the claim time, epoch milliseconds
     * @param deadlineMs when the result must be scored by, epoch milliseconds (after {@code nowMs})
     */
    public UUID claimNext(final String hotkey, final long nowMs, final long deadlineMs)
    {
        final Scratch s = prepareClaim(hotkey, nowMs, deadlineMs);
        final int n = candidateCount;
        final long[] ids = candidates;
        for (int attempt = 0; attempt < n; attempt++)
        {
            final int i = (int)Math.floorMod(cursor.getAndIncrement(), (long)n);
            if (claim(s, ids[2 * i], ids[2 * i + 1]))
            {
                return new UUID(ids[2 * i], ids[2 * i + 1]);
            }
        }
        return null;
    }

    /** Claims a given task if it is available; returns whether this call claimed it. */
    public boolean tryClaim(final UUID id, final String hotkey, final long nowMs, final long deadlineMs)
    {
        final Scratch s = prepareClaim(hotkey, nowMs, deadlineMs);
        return claim(s, id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    private Scratch prepareClaim(final String hotkey, final long nowMs, final long deadlineMs)
    {
        if (deadlineMs <= nowMs)
        {
            throw new IllegalArgumentException("deadline " + deadlineMs + " is not after the claim time " + nowMs);
        }
        final Scratch s = scratch.get();
        Arrays.fill(s.value, (byte)0);
        s.buffer.putByte(STATE_OFFSET, ClaimState.CLAIMED.code());
        s.buffer.putByte(HOTKEY_LENGTH_OFFSET, (byte)Hotkeys.put(s.value, HOTKEY_OFFSET, hotkey));
        s.buffer.putLong(CLAIMED_AT_OFFSET, nowMs, BYTE_ORDER);
        s.buffer.putLong(DEADLINE_OFFSET, deadlineMs, BYTE_ORDER);
        return s;
    }

    /** Writes the claim prepared in {@code s.value} if the task is available. */
    private boolean claim(final Scratch s, final long msb, final long lsb)
    {
        TaskIds.put(s.key, msb, lsb);
        try (ExternalMapQueryContext<byte[], byte[], ?> context = map.queryContext(s.keyStore, 0, TaskIds.KEY_BYTES))
        {
            context.writeLock().lock();
            final MapEntry<byte[], byte[]> entry = context.entry();
            if (entry == null || stateOf(entry) != ClaimState.AVAILABLE.code())
            {
                return false;
            }
            entry.doReplaceValue(context.wrapValueBytesAsData(s.valueStore, 0, LENGTH));
            return true;
        }
    }

    private static byte stateOf(final MapEntry<byte[], byte[]> entry)
    {
        final Data<byte[]> value = entry.value();
        return value.bytes().readByte(value.offset() + STATE_OFFSET);
    }

    /**
     * Records that a miner's result for a task was scored. Succeeds only for the miner holding the claim, before
     * its deadline; a result after the deadline expires the task instead.
     */
    public ScoreOutcome markScored(final UUID id, final String hotkey, final long nowMs)
    {
        final Scratch s = scratch.get();
        final byte[] expected = s.hotkey;
        final int expectedLength = Hotkeys.put(expected, 0, hotkey);
        TaskIds.put(s.key, id.getMostSignificantBits(), id.getLeastSignificantBits());
        try (ExternalMapQueryContext<byte[], byte[], ?> context = map.queryContext(s.keyStore, 0, TaskIds.KEY_BYTES))
        {
            context.writeLock().lock();
            final MapEntry<byte[], byte[]> entry = context.entry();
            if (entry == null)
            {
                return ScoreOutcome.REFUSED;
            }
            read(entry, s.value);
            if (s.buffer.getByte(STATE_OFFSET) != ClaimState.CLAIMED.code()
                || s.buffer.getByte(HOTKEY_LENGTH_OFFSET) != expectedLength
                || !Arrays.equals(s.value, HOTKEY_OFFSET, HOTKEY_OFFSET + expectedLength, expected, 0, expectedLength))
            {
                return ScoreOutcome.REFUSED;
            }
            final boolean late = nowMs > s.buffer.getLong(DEADLINE_OFFSET, BYTE_ORDER);
            s.buffer.putByte(STATE_OFFSET, (late ? ClaimState.EXPIRED : ClaimState.SCORED).code());
            s.buffer.putLong(FINISHED_AT_OFFSET, nowMs, BYTE_ORDER);
            entry.doReplaceValue(context.wrapValueBytesAsData(s.valueStore, 0, LENGTH));
            return late ? ScoreOutcome.EXPIRED : ScoreOutcome.SCORED;
        }
    }

    /** Retires every claimed task whose deadline is before {@code nowMs}; returns how many it expired. */
    public int expireOverdue(final long nowMs)
    {
        final byte[] value = new byte[LENGTH];
        final UnsafeBuffer buffer = new UnsafeBuffer(value);
        final int[] expired = {0};
        map.forEachEntry(entry ->
        {
            read(entry, value);
            if (buffer.getByte(STATE_OFFSET) == ClaimState.CLAIMED.code()
                && buffer.getLong(DEADLINE_OFFSET, BYTE_ORDER) < nowMs)
            {
                buffer.putByte(STATE_OFFSET, ClaimState.EXPIRED.code());
                buffer.putLong(FINISHED_AT_OFFSET, nowMs, BYTE_ORDER);
                entry.doReplaceValue(entry.context().wrapValueAsData(value));
                expired[0]++;
            }
        });
        return expired[0];
    }

    /** The task's claim record, or null when the task is not in the pool. */
    public TaskClaim claim(final UUID id)
    {
        final byte[] key = new byte[TaskIds.KEY_BYTES];
        final byte[] value = new byte[LENGTH];
        TaskIds.put(key, id.getMostSignificantBits(), id.getLeastSignificantBits());
        try (ExternalMapQueryContext<byte[], byte[], ?> context = map.queryContext(key))
        {
            final MapEntry<byte[], byte[]> entry = context.entry();
            if (entry == null)
            {
                return null;
            }
            read(entry, value);
        }
        return decode(id, value);
    }

    /** Tasks per state; claimed tasks past their deadline at {@code nowMs} are also counted as overdue. */
    public ClaimCounts counts(final long nowMs)
    {
        final int[] n = new int[5];
        final byte[] value = new byte[LENGTH];
        final UnsafeBuffer buffer = new UnsafeBuffer(value);
        map.forEachEntry(entry ->
        {
            read(entry, value);
            final byte state = buffer.getByte(STATE_OFFSET);
            if (ClaimState.ofCode(state) == null)
            {
                throw new StoreException(file, "damaged claim record (state byte " + state + ")");
            }
            n[state]++;
            if (state == ClaimState.CLAIMED.code() && buffer.getLong(DEADLINE_OFFSET, BYTE_ORDER) < nowMs)
            {
                n[0]++;
            }
        });
        return new ClaimCounts(n[1], n[2], n[3], n[4], n[0]);
    }

    /** Visits every task's claim record (order unspecified). */
    public void forEach(final Consumer<TaskClaim> visitor)
    {
        final byte[] key = new byte[TaskIds.KEY_BYTES];
        final byte[] value = new byte[LENGTH];
        map.forEachEntry(entry ->
        {
            final Data<byte[]> k = entry.key();
            k.bytes().read(k.offset(), key, 0, TaskIds.KEY_BYTES);
            read(entry, value);
            visitor.accept(decode(TaskIds.uuid(key), value));
        });
    }

    private static void read(final MapEntry<byte[], byte[]> entry, final byte[] into)
    {
        final Data<byte[]> value = entry.value();
        value.bytes().read(value.offset(), into, 0, LENGTH);
    }

    private TaskClaim decode(final UUID id, final byte[] value)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(value);
        final ClaimState state = ClaimState.ofCode(buffer.getByte(STATE_OFFSET));
        final int hotkeyLength = buffer.getByte(HOTKEY_LENGTH_OFFSET) & 0xFF;
        if (state == null || hotkeyLength > MAX_HOTKEY_BYTES)
        {
            throw new StoreException(file, "task " + id + ": damaged claim record (state byte "
                + buffer.getByte(STATE_OFFSET) + ", hotkey length " + hotkeyLength + ")");
        }
        return new TaskClaim(id, state, new String(value, HOTKEY_OFFSET, hotkeyLength, StandardCharsets.US_ASCII),
            buffer.getLong(CLAIMED_AT_OFFSET, BYTE_ORDER), buffer.getLong(DEADLINE_OFFSET, BYTE_ORDER),
            buffer.getLong(FINISHED_AT_OFFSET, BYTE_ORDER));
    }

    @Override
    public void close()
    {
        map.close();
    }
}

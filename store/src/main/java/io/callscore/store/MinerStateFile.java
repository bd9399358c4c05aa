package io.callscore.store;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

import static io.callscore.store.MinerStateDescriptor.*;

/**
 * Per-miner validator state (hotkey, EMA, boost, scored tasks, recent scores, last round seen) in a memory-mapped
 * file ({@link MinerStateDescriptor}), committed once per round and crash-safe.
 *
 * <p>Changes go to an in-memory working copy. {@link #commit(long)} writes the whole working copy, with its round
 * and a CRC32C, into the slot that is not active, forces it to disk, then writes the header's commit word (round
 * and slot in one aligned 8-byte store) and forces that. The commit word is the commit point: a crash before it
 * leaves the previous round active, untouched; a crash after it leaves the new round active, complete. Opening
 * checks the active slot's checksum and round against the commit word, so a torn or damaged slot, a truncated
 * file or a foreign file is reported, never silently reset.
 *
 * <p>One writer at a time (an OS file lock, released by the OS if the writer dies); any number of readers of the
 * committed state. Not thread-safe.
 */
public final class MinerStateFile implements AutoCloseable
{
    public static final String FILE_NAME = "miners.state";
    public static final int DEFAULT_UIDS = 256;
    public static final int DEFAULT_RING = 64;

    /** The commit word is stored with a volatile (single, atomic) native store; swap it on big-endian hosts. */
    private static final boolean NATIVE_IS_FILE_ORDER = java.nio.ByteOrder.nativeOrder() == BYTE_ORDER;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer disk;
    private final boolean writable;
    private final int uids;
    private final int ring;
    private final int recordLength;
    private final int slotLength;
    private final int dataLength;
    private final byte[] working;
    private final UnsafeBuffer state;
    private final CRC32C crc = new CRC32C();
    private final byte[] hotkeyScratch = new byte[MAX_HOTKEY_BYTES];
    private long committedRound;
    private int activeSlot;

    private MinerStateFile(final Path file, final FileChannel channel, final FileLock lock,
        final MappedByteBuffer mapped, final boolean writable)
    {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.mapped = mapped;
        this.disk = new UnsafeBuffer(mapped);
        this.writable = writable;
        this.uids = disk.getInt(UID_CAPACITY_OFFSET, BYTE_ORDER);
        this.ring = disk.getInt(RING_CAPACITY_OFFSET, BYTE_ORDER);
        this.recordLength = disk.getInt(RECORD_LENGTH_OFFSET, BYTE_ORDER);
        this.slotLength = disk.getInt(SLOT_LENGTH_OFFSET, BYTE_ORDER);
        this.dataLength = slotDataLength(uids, ring);
        this.working = new byte[dataLength];
        this.state = new UnsafeBuffer(working);
        loadCommitted();
    }

    /**
     * Creates {@code dir/miners.state} for {@code uids} uids keeping {@code ringCapacity} recent scores each, at
     * round 0 with every uid unused. The file appears whole or not at all (written aside, then renamed).
     */
    public static MinerStateFile create(final Path dir, final int uids, final int ringCapacity)
    {
        if (uids < 1 || uids > MAX_UIDS || ringCapacity < 1 || ringCapacity > MAX_RING)
        {
            throw new IllegalArgumentException("need 1 <= uids <= " + MAX_UIDS + " and 1 <= ring <= " + MAX_RING
                + ", got " + uids + " and " + ringCapacity);
        }
        final Path file = dir.resolve(FILE_NAME);
        if (Files.exists(file))
        {
            throw new StoreException(file, "already exists; miner state is never overwritten");
        }
        if (fileLength(slotLength(uids, ringCapacity)) > Integer.MAX_VALUE - 8)
        {
            throw new IllegalArgumentException(uids + " uids with " + ringCapacity + " recent scores exceed 2 GiB");
        }
        final int slot = slotLength(uids, ringCapacity);
        final byte[] image = new byte[(int)Math.min(Integer.MAX_VALUE - 8, fileLength(slot))];
        final UnsafeBuffer buffer = new UnsafeBuffer(image);
        buffer.putLong(MAGIC_OFFSET, MAGIC, BYTE_ORDER);
        buffer.putInt(VERSION_OFFSET, VERSION, BYTE_ORDER);
        buffer.putInt(UID_CAPACITY_OFFSET, uids, BYTE_ORDER);
        buffer.putInt(RING_CAPACITY_OFFSET, ringCapacity, BYTE_ORDER);
        buffer.putInt(RECORD_LENGTH_OFFSET, recordLength(ringCapacity), BYTE_ORDER);
        buffer.putInt(SLOT_LENGTH_OFFSET, slot, BYTE_ORDER);
        buffer.putInt(HEADER_CHECKSUM_OFFSET, checksum(new CRC32C(), image, 0, HEADER_CHECKSUM_OFFSET), BYTE_ORDER);
        final int slot0 = HEADER_LENGTH;
        buffer.putInt(slot0 + SLOT_CHECKSUM_OFFSET, checksum(new CRC32C(), image, slot0 + 4,
            slotDataLength(uids, ringCapacity) - 4), BYTE_ORDER);
        buffer.putLong(COMMIT_WORD_OFFSET, 0L, BYTE_ORDER);
        final Path temporary = dir.resolve(FILE_NAME + ".new");
        try
        {
            Files.createDirectories(dir);
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                out.write(java.nio.ByteBuffer.wrap(image));
                out.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            throw new StoreException(file, "cannot create: " + e.getMessage(), e);
        }
        return open(dir);
    }

    /** Opens {@code dir/miners.state} for writing (one writer at a time), at its last committed round. */
    public static MinerStateFile open(final Path dir)
    {
        return open(dir.resolve(FILE_NAME), true);
    }

    /** Opens {@code dir/miners.state} to read its last committed round; any number of readers. */
    public static MinerStateFile openReadOnly(final Path dir)
    {
        return open(dir.resolve(FILE_NAME), false);
    }

    private static MinerStateFile open(final Path file, final boolean writable)
    {
        FileChannel channel = null;
        MappedByteBuffer mapped = null;
        try
        {
            channel = writable
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ);
            FileLock lock = null;
            if (writable)
            {
                try
                {
                    lock = channel.tryLock();
                }
                catch (final OverlappingFileLockException e)
                {
                    lock = null;
                }
                if (lock == null)
                {
                    throw new StoreException(file, "another writer has this miner state open");
                }
            }
            final long size = channel.size();
            checkHeader(file, channel, size);
            mapped = channel.map(writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY, 0, size);
            return new MinerStateFile(file, channel, lock, mapped, writable);
        }
        catch (final NoSuchFileException e)
        {
            closeQuietly(channel, mapped);
            throw new StoreException(file, "miner state file not found");
        }
        catch (final IOException e)
        {
            closeQuietly(channel, mapped);
            throw new StoreException(file, "cannot open: " + e.getMessage(), e);
        }
        catch (final RuntimeException e)
        {
            closeQuietly(channel, mapped);
            throw e;
        }
    }

    /** Validates the header page through plain reads, before anything is mapped. */
    private static void checkHeader(final Path file, final FileChannel channel, final long size) throws IOException
    {
        if (size < HEADER_LENGTH)
        {
            throw new StoreException(file, "truncated: " + size + " bytes, but a miner state file starts with a "
                + HEADER_LENGTH + "-byte header");
        }
        final byte[] header = new byte[HEADER_LENGTH];
        final java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(header);
        while (in.hasRemaining())
        {
            if (channel.read(in, in.position()) < 0)
            {
                throw new StoreException(file, "truncated while reading its header");
            }
        }
        final UnsafeBuffer h = new UnsafeBuffer(header);
        if (h.getLong(MAGIC_OFFSET, BYTE_ORDER) != MAGIC)
        {
            throw new StoreException(file, "not a callscore miner state file (no CSMINERS magic)");
        }
        final int version = h.getInt(VERSION_OFFSET, BYTE_ORDER);
        if (version != VERSION)
        {
            throw new StoreException(file, "miner state format version " + version + "; this build reads version "
                + VERSION);
        }
        if (h.getInt(HEADER_CHECKSUM_OFFSET, BYTE_ORDER) != checksum(new CRC32C(), header, 0, HEADER_CHECKSUM_OFFSET))
        {
            throw new StoreException(file, "corrupted: the header fails its checksum");
        }
        final int uids = h.getInt(UID_CAPACITY_OFFSET, BYTE_ORDER);
        final int ring = h.getInt(RING_CAPACITY_OFFSET, BYTE_ORDER);
        if (uids < 1 || uids > MAX_UIDS || ring < 1 || ring > MAX_RING
            || h.getInt(RECORD_LENGTH_OFFSET, BYTE_ORDER) != recordLength(ring)
            || h.getInt(SLOT_LENGTH_OFFSET, BYTE_ORDER) != slotLength(uids, ring))
        {
            throw new StoreException(file, "corrupted: inconsistent geometry (uids " + uids + ", ring " + ring + ")");
        }
        final long expected = fileLength(slotLength(uids, ring));
        if (size != expected)
        {
            throw new StoreException(file, (size < expected ? "truncated: " : "damaged: ") + size
                + " bytes, but " + uids + " uids with " + ring + " recent scores take " + expected);
        }
    }

    /** Copies the active slot into the working copy after checking it against the commit word. */
    private void loadCommitted()
    {
        final long raw = disk.getLongVolatile(COMMIT_WORD_OFFSET);
        final long word = NATIVE_IS_FILE_ORDER ? raw : Long.reverseBytes(raw);
        final int slot = (int)(word & 1);
        final long round = word >>> 1;
        final long at = slotOffset(slot, slotLength);
        disk.getBytes((int)at, working, 0, dataLength);
        final int stored = state.getInt(SLOT_CHECKSUM_OFFSET, BYTE_ORDER);
        if (stored != checksum(crc, working, 4, dataLength - 4))
        {
            throw new StoreException(file, "corrupted: committed slot " + slot + " (round " + round
                + ") fails its checksum");
        }
        final long slotRound = state.getLong(SLOT_ROUND_OFFSET, BYTE_ORDER);
        if (slotRound != round)
        {
            throw new StoreException(file, "corrupted: the header commits round " + round + " but slot " + slot
                + " holds round " + slotRound);
        }
        committedRound = round;
        activeSlot = slot;
    }

    private static int checksum(final CRC32C crc, final byte[] bytes, final int from, final int length)
    {
        crc.reset();
        crc.update(bytes, from, length);
        return (int)crc.getValue();
    }

    public Path file()
    {
        return file;
    }

    /** The round of the last commit (0 for a new file). */
    public long committedRound()
    {
        return committedRound;
    }

    public int uidCapacity()
    {
        return uids;
    }

    /** Recent scores kept per uid. */
    public int ringCapacity()
    {
        return ring;
    }

    // ---- reading (the working copy: committed state plus changes not yet committed) --------------------------

    private int record(final int uid)
    {
        if (uid < 0 || uid >= uids)
        {
            throw new IndexOutOfBoundsException("uid " + uid + " is outside 0.." + (uids - 1));
        }
        return recordOffset(uid, recordLength);
    }

    /** Whether a hotkey is registered on the uid. */
    public boolean isOccupied(final int uid)
    {
        return state.getByte(record(uid) + HOTKEY_LENGTH_OFFSET) != 0;
    }

    /** The uid's hotkey, or "" when unused. */
    public String hotkey(final int uid)
    {
        final int r = record(uid);
        final int n = state.getByte(r + HOTKEY_LENGTH_OFFSET) & 0xFF;
        return new String(working, r + HOTKEY_OFFSET, Math.min(n, MAX_HOTKEY_BYTES),
            java.nio.charset.StandardCharsets.US_ASCII);
    }

    public double ema(final int uid)
    {
        return state.getDouble(record(uid) + EMA_OFFSET, BYTE_ORDER);
    }

    public double boostValue(final int uid)
    {
        return state.getDouble(record(uid) + BOOST_VALUE_OFFSET, BYTE_ORDER);
    }

    /** Round the boost started in, 0 when there is none. */
    public long boostStartRound(final int uid)
    {
        return state.getLong(record(uid) + BOOST_START_OFFSET, BYTE_ORDER);
    }

    public long scoredTasks(final int uid)
    {
        return state.getLong(record(uid) + SCORED_TASKS_OFFSET, BYTE_ORDER);
    }

    /** Last round the uid was seen in, 0 when never. */
    public long lastRoundSeen(final int uid)
    {
        return state.getLong(record(uid) + LAST_ROUND_OFFSET, BYTE_ORDER);
    }

    /** Recent scores held (at most {@link #ringCapacity()}). */
    public int recentScoreCount(final int uid)
    {
        return state.getInt(record(uid) + RING_COUNT_OFFSET, BYTE_ORDER);
    }

    /** Recent score i, 0 the oldest held, {@code recentScoreCount - 1} the newest. */
    public double recentScore(final int uid, final int i)
    {
        final int r = record(uid);
        final int count = state.getInt(r + RING_COUNT_OFFSET, BYTE_ORDER);
        if (i < 0 || i >= count)
        {
            throw new IndexOutOfBoundsException("recent score " + i + " of " + count);
        }
        final int head = state.getInt(r + RING_HEAD_OFFSET, BYTE_ORDER);
        final int slot = Math.floorMod(head - count + i, ring);
        return state.getDouble(r + RING_OFFSET + 8 * slot, BYTE_ORDER);
    }

    // ---- changing (pending until commit) ---------------------------------------------------------------------

    private int writableRecord(final int uid)
    {
        if (!writable)
        {
            throw new IllegalStateException(file + ": opened read-only");
        }
        return record(uid);
    }

    /**
     * Registers a hotkey on a uid. A different hotkey than the one held means a new miner took the uid: its
     * record starts afresh. The same hotkey changes nothing.
     */
    public void register(final int uid, final String hotkey)
    {
        final int r = writableRecord(uid);
        final int n = Hotkeys.put(hotkeyScratch, 0, hotkey);
        if (hotkey.equals(hotkey(uid)))
        {
            return;
        }
        Arrays.fill(working, r, r + recordLength, (byte)0);
        System.arraycopy(hotkeyScratch, 0, working, r + HOTKEY_OFFSET, n);
        state.putByte(r + HOTKEY_LENGTH_OFFSET, (byte)n);
    }

    /** Clears a uid (deregistered): every field back to zero. */
    public void clear(final int uid)
    {
        final int r = writableRecord(uid);
        Arrays.fill(working, r, r + recordLength, (byte)0);
    }

    public void ema(final int uid, final double value)
    {
        state.putDouble(writableRecord(uid) + EMA_OFFSET, value, BYTE_ORDER);
    }

    /** Sets the uid's boost; a start round of 0 means no boost. */
    public void boost(final int uid, final double value, final long startRound)
    {
        final int r = writableRecord(uid);
        state.putDouble(r + BOOST_VALUE_OFFSET, value, BYTE_ORDER);
        state.putLong(r + BOOST_START_OFFSET, startRound, BYTE_ORDER);
    }

    /** Records a scored task: one more scored task, the score into the ring, and the round as last seen. */
    public void recordScore(final int uid, final double score, final long round)
    {
        final int r = writableRecord(uid);
        state.putLong(r + SCORED_TASKS_OFFSET, state.getLong(r + SCORED_TASKS_OFFSET, BYTE_ORDER) + 1, BYTE_ORDER);
        final int head = state.getInt(r + RING_HEAD_OFFSET, BYTE_ORDER);
        state.putDouble(r + RING_OFFSET + 8 * head, score, BYTE_ORDER);
        state.putInt(r + RING_HEAD_OFFSET, (head + 1) % ring, BYTE_ORDER);
        final int count = state.getInt(r + RING_COUNT_OFFSET, BYTE_ORDER);
        state.putInt(r + RING_COUNT_OFFSET, Math.min(count + 1, ring), BYTE_ORDER);
        seen(uid, round);
    }

    /** Marks the uid as seen in a round (kept monotonic: an older round changes nothing). */
    public void seen(final int uid, final long round)
    {
        final int r = writableRecord(uid);
        if (round > state.getLong(r + LAST_ROUND_OFFSET, BYTE_ORDER))
        {
            state.putLong(r + LAST_ROUND_OFFSET, round, BYTE_ORDER);
        }
    }

    /** Drops every change since the last commit. */
    public void discard()
    {
        if (!writable)
        {
            throw new IllegalStateException(file + ": opened read-only");
        }
        loadCommitted();
    }

    /**
     * Commits the working copy as {@code round} (greater than the committed round): written to the inactive slot
     * with its checksum and forced, then made active by one 8-byte store of the commit word, forced too. On return
     * the round is durable.
     */
    public void commit(final long round)
    {
        if (!writable)
        {
            throw new IllegalStateException(file + ": opened read-only");
        }
        if (round <= committedRound || round > (Long.MAX_VALUE >>> 1))
        {
            throw new IllegalArgumentException("round " + round + " must be after the committed round "
                + committedRound);
        }
        final int slot = 1 - activeSlot;
        final int at = (int)slotOffset(slot, slotLength);
        state.putLong(SLOT_ROUND_OFFSET, round, BYTE_ORDER);
        state.putInt(SLOT_CHECKSUM_OFFSET, checksum(crc, working, 4, dataLength - 4), BYTE_ORDER);
        disk.putBytes(at, working, 0, dataLength);
        mapped.force(at, dataLength);
        final long word = (round << 1) | slot;
        disk.putLongVolatile(COMMIT_WORD_OFFSET, NATIVE_IS_FILE_ORDER ? word : Long.reverseBytes(word));
        mapped.force(0, HEADER_LENGTH);
        committedRound = round;
        activeSlot = slot;
    }

    @Override
    public void close()
    {
        closeQuietly(channel, mapped);
    }

    private static void closeQuietly(final FileChannel channel, final MappedByteBuffer mapped)
    {
        if (mapped != null)
        {
            IoUtil.unmap(mapped);
        }
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // Closing releases the lock; nothing is pending (every commit was forced).
            }
        }
    }
}

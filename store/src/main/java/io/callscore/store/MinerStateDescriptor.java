package io.callscore.store;

import java.nio.ByteOrder;

/**
 * Layout of the miner state file ({@code miners.state}). All numbers {@link ByteOrder#LITTLE_ENDIAN}.
 *
 * <pre>
 * File: header page (4096 bytes) | slot 0 | slot 1          (each slot a whole number of 4096-byte pages)
 *
 * Header
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                 magic "CSMINERS" (8 ASCII bytes)              |  0
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 format version                                |  8
 * |                 uid capacity U                                | 12
 * |                 ring capacity R (recent scores per uid)       | 16
 * |                 record length L                               | 20
 * |                 slot length S                                 | 24
 * |                 CRC32C of header bytes 0..27                  | 28
 * +---------------------------------------------------------------+
 * |                 reserved (zero)                               | 32..63
 * +---------------------------------------------------------------+
 * |     commit word (i64) = committed round << 1 | active slot    | 64   written alone, last
 * +---------------------------------------------------------------+
 *
 * Slot (at 4096 + slot * S)
 * +---------------------------------------------------------------+
 * |   CRC32C of slot bytes 4 .. 16 + U*L                          |  0
 * |   reserved (zero)                                             |  4
 * |   round (i64) this slot holds                                 |  8
 * |                                                               |
 * +---------------------------------------------------------------+
 * |   uid 0 record | uid 1 record | ... | uid U-1 record          | 16
 * +---------------------------------------------------------------+
 *
 * Uid record (L = 120 + 8*R rounded up to 8)
 * +---------------------------------------------------------------+
 * |   last round seen (i64, 0 = never)                            |  0
 * |   EMA (f64)                                                   |  8
 * |   boost value (f64)                                           | 16
 * |   boost start round (i64, 0 = no boost)                       | 24
 * |   scored tasks (i64)                                          | 32
 * |   ring head (i32, next index written)                         | 40
 * |   ring count (i32, scores held, at most R)                    | 44
 * +---------------+-----------------------------------------------+
 * | hotkey length |  reserved (zero)                              | 48   hotkey length 0 = uid unused
 * +---------------+-----------------------------------------------+
 * |   hotkey (ASCII, 64 bytes, zero padded)                       | 56
 * +---------------------------------------------------------------+
 * |   recent scores (f64 x R), a ring: oldest at (head-count) mod R | 120
 * +---------------------------------------------------------------+
 * </pre>
 *
 * An all-zero record is an unused uid, and an all-zero slot with round 0 is the state of a new file.
 */
public final class MinerStateDescriptor
{
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;
    /** "CSMINERS" read as a little-endian long. */
    public static final long MAGIC = 0x5352454E494D5343L;
    public static final int VERSION = 1;
    public static final int PAGE = 4096;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 8;
    public static final int UID_CAPACITY_OFFSET = 12;
    public static final int RING_CAPACITY_OFFSET = 16;
    public static final int RECORD_LENGTH_OFFSET = 20;
    public static final int SLOT_LENGTH_OFFSET = 24;
    public static final int HEADER_CHECKSUM_OFFSET = 28;
    public static final int COMMIT_WORD_OFFSET = 64;
    public static final int HEADER_LENGTH = PAGE;

    public static final int SLOT_CHECKSUM_OFFSET = 0;
    public static final int SLOT_ROUND_OFFSET = 8;
    public static final int SLOT_RECORDS_OFFSET = 16;

    public static final int LAST_ROUND_OFFSET = 0;
    public static final int EMA_OFFSET = 8;
    public static final int BOOST_VALUE_OFFSET = 16;
    public static final int BOOST_START_OFFSET = 24;
    public static final int SCORED_TASKS_OFFSET = 32;
    public static final int RING_HEAD_OFFSET = 40;
    public static final int RING_COUNT_OFFSET = 44;
    public static final int HOTKEY_LENGTH_OFFSET = 48;
    public static final int HOTKEY_OFFSET = 56;
    public static final int MAX_HOTKEY_BYTES = 64;
    public static final int RING_OFFSET = HOTKEY_OFFSET + MAX_HOTKEY_BYTES;

    public static final int MAX_UIDS = 1 << 16;
    public static final int MAX_RING = 1 << 12;

    private MinerStateDescriptor()
    {
    }

    public static int recordLength(final int ringCapacity)
    {
        return RING_OFFSET + 8 * ringCapacity;
    }

    /** Bytes of a slot covered by its checksum, from its start. */
    public static int slotDataLength(final int uids, final int ringCapacity)
    {
        return SLOT_RECORDS_OFFSET + uids * recordLength(ringCapacity);
    }

    /** Bytes of a slot in the file: its data rounded up to whole pages. */
    public static int slotLength(final int uids, final int ringCapacity)
    {
        return (slotDataLength(uids, ringCapacity) + PAGE - 1) & -PAGE;
    }

    public static long fileLength(final int slotLength)
    {
        return HEADER_LENGTH + 2L * slotLength;
    }

    public static long slotOffset(final int slot, final int slotLength)
    {
        return HEADER_LENGTH + (long)slot * slotLength;
    }

    public static int recordOffset(final int uid, final int recordLength)
    {
        return SLOT_RECORDS_OFFSET + uid * recordLength;
    }
}

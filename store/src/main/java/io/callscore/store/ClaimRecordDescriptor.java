package io.callscore.store;

import java.nio.ByteOrder;

/**
 * Layout of a claim record, the fixed-size value of one task in the claim map. {@link ByteOrder#LITTLE_ENDIAN}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+---------------+-------------------------------+
 * |  state (u8)   | hotkey length |           reserved            |  0
 * +---------------+---------------+-------------------------------+
 * |                           reserved                            |  4
 * +---------------------------------------------------------------+
 * |                   claimed at (epoch ms, i64)                  |  8
 * |                                                               |
 * |                   deadline (epoch ms, i64)                    | 16
 * |                                                               |
 * |                 scored or expired at (epoch ms, i64)          | 24
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 hotkey (ASCII, up to 64 bytes, zero padded)    | 32
 * |                              ...                              |
 * +---------------------------------------------------------------+ 96
 * </pre>
 *
 * State codes are those of {@link ClaimState#code()}. A record changes only under its Chronicle entry's write
 * lock, which is shared by every process that maps the file, so a read-decide-write is atomic across processes.
 */
public final class ClaimRecordDescriptor
{
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;
    public static final int STATE_OFFSET = 0;
    public static final int HOTKEY_LENGTH_OFFSET = 1;
    public static final int CLAIMED_AT_OFFSET = 8;
    public static final int DEADLINE_OFFSET = 16;
    public static final int FINISHED_AT_OFFSET = 24;
    public static final int HOTKEY_OFFSET = 32;
    public static final int MAX_HOTKEY_BYTES = 64;
    public static final int LENGTH = HOTKEY_OFFSET + MAX_HOTKEY_BYTES;

    private ClaimRecordDescriptor()
    {
    }
}

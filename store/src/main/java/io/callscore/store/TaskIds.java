package io.callscore.store;

import java.util.UUID;

/** Task ids as the 16 key bytes of the maps: most significant long first, big-endian (UUID text order). */
final class TaskIds
{
    static final int KEY_BYTES = 16;

    private TaskIds()
    {
    }

    static void put(final byte[] key, final long msb, final long lsb)
    {
        for (int i = 0; i < 8; i++)
        {
            key[i] = (byte)(msb >>> (56 - 8 * i));
            key[8 + i] = (byte)(lsb >>> (56 - 8 * i));
        }
    }

    static long msb(final byte[] key)
    {
        return read(key, 0);
    }

    static long lsb(final byte[] key)
    {
        return read(key, 8);
    }

    static UUID uuid(final byte[] key)
    {
        return new UUID(msb(key), lsb(key));
    }

    private static long read(final byte[] key, final int at)
    {
        long value = 0;
        for (int i = 0; i < 8; i++)
        {
            value = (value << 8) | (key[at + i] & 0xFFL);
        }
        return value;
    }
}

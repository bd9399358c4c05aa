package io.callscore.engine.pool;

/**
 * A fixed set of 64-bit hashes with open addressing: the streaming pass asks it, for every read, whether the read's
 * fragment was edited, in constant time and without boxing.
 */
final class LongHashSet
{
    private final long[] slots;
    private final boolean hasZero;
    private final int mask;

    LongHashSet(final long[] values)
    {
        int size = 16;
        while (size < values.length * 4)
        {
            size <<= 1;
        }
        slots = new long[size];
        mask = size - 1;
        boolean zero = false;
        for (final long v : values)
        {
            if (v == 0)
            {
                zero = true;
                continue;
            }
            int i = index(v);
            while (slots[i] != 0 && slots[i] != v)
            {
                i = (i + 1) & mask;
            }
            slots[i] = v;
        }
        hasZero = zero;
    }

    boolean contains(final long v)
    {
        if (v == 0)
        {
            return hasZero;
        }
        int i = index(v);
        while (slots[i] != 0)
        {
            if (slots[i] == v)
            {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private int index(final long v)
    {
        return (int)(v ^ (v >>> 32)) & mask;
    }
}

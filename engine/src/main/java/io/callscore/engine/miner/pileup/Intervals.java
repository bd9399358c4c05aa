package io.callscore.engine.miner.pileup;

import java.util.Arrays;

/** Closed 0-based intervals {@code [start, end]} in growable arrays, cleared and reused from window to window. */
final class Intervals
{
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private int size;

    void clear()
    {
        size = 0;
    }

    void add(final int start, final int end)
    {
        if (size == starts.length)
        {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    int size()
    {
        return size;
    }

    int start(final int i)
    {
        return starts[i];
    }

    int end(final int i)
    {
        return ends[i];
    }

    /** Whether an interval holds {@code pos}: a linear scan, for the few intervals of a window. */
    boolean contains(final int pos)
    {
        for (int i = 0; i < size; i++)
        {
            if (pos >= starts[i] && pos <= ends[i])
            {
                return true;
            }
        }
        return false;
    }
}

package io.callscore.engine.miner.pileup;

import java.util.Arrays;

/**
 * Where the indels called in a window make SNV evidence doubtful. Reads that end inside or just past an indel's
 * repeat are often aligned without the gap and show a few mismatches instead; those mismatches pile up as a
 * low-fraction "SNV" near the indel. And no SNV can sit on bases that a hom-alt deletion removes from both
 * haplotypes. Positions are 0-based; a window has few indels, so lookups are linear scans.
 */
final class IndelZones
{
    private int[] nearStarts = new int[64];
    private int[] nearEnds = new int[64];
    private int near;
    private int[] deletedStarts = new int[64];
    private int[] deletedEnds = new int[64];
    private int deleted;

    void clear()
    {
        near = 0;
        deleted = 0;
    }

    /** An indel whose repeat (the stretch it can slide in) is {@code [from, to]}, widened by {@code distance}. */
    void addIndel(final int from, final int to, final int distance)
    {
        if (near == nearStarts.length)
        {
            nearStarts = Arrays.copyOf(nearStarts, near * 2);
            nearEnds = Arrays.copyOf(nearEnds, near * 2);
        }
        nearStarts[near] = from - distance;
        nearEnds[near] = to + distance;
        near++;
    }

    /** Bases {@code [from, to]} are deleted on both haplotypes. */
    void addHomDeletion(final int from, final int to)
    {
        if (deleted == deletedStarts.length)
        {
            deletedStarts = Arrays.copyOf(deletedStarts, deleted * 2);
            deletedEnds = Arrays.copyOf(deletedEnds, deleted * 2);
        }
        deletedStarts[deleted] = from;
        deletedEnds[deleted] = to;
        deleted++;
    }

    boolean nearIndel(final int pos)
    {
        return inside(nearStarts, nearEnds, near, pos);
    }

    boolean deletedOnBothHaplotypes(final int pos)
    {
        return inside(deletedStarts, deletedEnds, deleted, pos);
    }

    private static boolean inside(final int[] starts, final int[] ends, final int n, final int pos)
    {
        for (int i = 0; i < n; i++)
        {
            if (pos >= starts[i] && pos <= ends[i])
            {
                return true;
            }
        }
        return false;
    }
}

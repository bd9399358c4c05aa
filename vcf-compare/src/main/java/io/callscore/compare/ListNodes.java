package io.callscore.compare;

import java.util.Arrays;

/**
 * Persistent lists of ints, newest first, whose nodes live in flat arrays: a path's excluded variants, included
 * variants (with their orientation) and sync points. Paths that branch share their common tail, so a branch costs
 * one node and no object. A list is the index of its newest node, or {@link #NIL} when empty.
 *
 * <p>Lifetime: nodes are never freed one by one. The search {@link #clear() clears} the whole store when no path
 * refers to any node: at the start of a contig, and whenever its single live path has been absorbed into
 * {@link SettledDecisions} (which empties that path's lists). The arrays keep their capacity, so a search in the
 * steady state allocates nothing here.
 */
final class ListNodes
{
    /** The empty list. */
    static final int NIL = -1;

    private int[] value = new int[64];
    private int[] tail = new int[64];
    private int[] size = new int[64];
    private int[][] orientation = new int[64][];
    private int count;

    /** A new list: {@code value} (and, for included variants, its orientation, else null) in front of {@code tail}. */
    int push(final int tail, final int value, final int[] orientation)
    {
        if (count == this.value.length)
        {
            final int capacity = count * 2;
            this.value = Arrays.copyOf(this.value, capacity);
            this.tail = Arrays.copyOf(this.tail, capacity);
            this.size = Arrays.copyOf(this.size, capacity);
            this.orientation = Arrays.copyOf(this.orientation, capacity);
        }
        final int node = count++;
        this.value[node] = value;
        this.tail[node] = tail;
        this.size[node] = tail == NIL ? 1 : this.size[tail] + 1;
        this.orientation[node] = orientation;
        return node;
    }

    /** A new list of a plain int in front of {@code tail}. */
    int push(final int tail, final int value)
    {
        return push(tail, value, null);
    }

    int value(final int node)
    {
        return value[node];
    }

    int tail(final int node)
    {
        return tail[node];
    }

    /** The orientation stored with an included variant (shared, never modified). */
    int[] orientation(final int node)
    {
        return orientation[node];
    }

    /** Number of entries of the list starting at {@code node}. */
    int size(final int node)
    {
        return node == NIL ? 0 : size[node];
    }

    /** Forgets every node; only when no path refers to one (see the class comment). */
    void clear()
    {
        count = 0;
    }
}

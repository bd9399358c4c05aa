package io.callscore.compare;

import java.util.Arrays;

/**
 * Recycled {@link Path} objects of one search workspace (one thread): a free list. The search takes a path with
 * {@link #acquire()} for every child of a branch and every finished path, and gives it back with
 * {@link #release} as soon as nothing refers to it any more (dropped by the merge, dead, branched, or at the end of a
 * contig). A path that is never released is only garbage, never shared; a path released twice is a bug and throws.
 *
 * <p>The pool keeps as many paths as were ever live at once (with their grown arrays), so the steady state
 * allocates nothing.
 */
final class PathPool
{
    private final ListNodes nodes;
    private Path[] free = new Path[16];
    private int freeCount;

    PathPool(final ListNodes nodes)
    {
        this.nodes = nodes;
    }

    /** A path to be given its state by {@link Path#start} or {@link Path#copyFrom}. */
    Path acquire()
    {
        if (freeCount == 0)
        {
            return new Path(nodes);
        }
        final Path p = free[--freeCount];
        free[freeCount] = null;
        p.pooled = false;
        return p;
    }

    /** Takes back a path nothing refers to any more. */
    void release(final Path p)
    {
        if (p.pooled)
        {
            throw new IllegalStateException("path released twice");
        }
        p.pooled = true;
        p.left = null;
        p.right = null;
        if (freeCount == free.length)
        {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = p;
    }
}

package io.callscore.compare;

/**
 * The live paths of a search, ordered by replay state ({@link Path#compareTo}); a path whose state equals a live
 * one merges with it, the one {@link PathPreference} prefers staying. The search takes the least advanced path first.
 *
 * <p>A treap whose nodes are the paths themselves ({@link Path#left}, {@link Path#right}, {@link Path#priority}),
 * so adding and taking allocate nothing. Priorities come from a fixed-seed generator; the shape of the tree never
 * changes which path is least or which paths merge.
 */
final class LivePaths
{
    private Path root;
    private int size;
    private int seed = 0x2545F491;
    /** The path the last {@link #add} dropped, if any. */
    private Path dropped;

    /**
     * Forgets every path without returning it to the pool (they become garbage): for a search that starts after
     * one that failed half-way, whose paths may be anywhere.
     */
    void forgetAll()
    {
        root = null;
        size = 0;
        dropped = null;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    int size()
    {
        return size;
    }

    /**
     * Adds a path, merging it with a live path of equal state: the newcomer replaces it only when preferred
     * ({@code PathPreference.better(add, existing)}). Returns the path that left the set (the newcomer or the one it
     * replaced), or null when the set grew.
     */
    Path add(final Path add)
    {
        dropped = null;
        root = insert(root, add);
        final Path out = dropped;
        dropped = null;
        return out;
    }

    /** Removes and returns the least advanced path; the set must not be empty. */
    Path pollFirst()
    {
        Path parent = null;
        Path n = root;
        while (n.left != null)
        {
            parent = n;
            n = n.left;
        }
        if (parent == null)
        {
            root = n.right;
        }
        else
        {
            parent.left = n.right;
        }
        n.right = null;
        size--;
        return n;
    }

    private Path insert(final Path node, final Path add)
    {
        if (node == null)
        {
            add.left = null;
            add.right = null;
            add.priority = nextPriority();
            size++;
            return add;
        }
        final int c = add.compareTo(node);
        if (c == 0)
        {
            if (PathPreference.better(add, node) == add)
            {
                add.left = node.left;
                add.right = node.right;
                add.priority = node.priority;
                node.left = null;
                node.right = null;
                dropped = node;
                return add;
            }
            dropped = add;
            return node;
        }
        if (c < 0)
        {
            node.left = insert(node.left, add);
            if (node.left.priority > node.priority)
            {
                final Path l = node.left;
                node.left = l.right;
                l.right = node;
                return l;
            }
        }
        else
        {
            node.right = insert(node.right, add);
            if (node.right.priority > node.priority)
            {
                final Path r = node.right;
                node.right = r.left;
                r.left = node;
                return r;
            }
        }
        return node;
    }

    private int nextPriority()
    {
        // xorshift32: cheap, deterministic.
        int x = seed;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        seed = x;
        return x;
    }
}

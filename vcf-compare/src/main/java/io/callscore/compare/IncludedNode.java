package io.callscore.compare;

/**
 * Persistent list of variants included on one side of a path, newest first. Paths that branch share their
 * common tail, so a branch costs one node.
 */
record IncludedNode(int variant, int[] alleleIds, IncludedNode tail, int size)
{
    static IncludedNode push(final IncludedNode tail, final int variant, final int[] alleleIds)
    {
        return new IncludedNode(variant, alleleIds, tail, tail == null ? 1 : tail.size + 1);
    }

    static int size(final IncludedNode node)
    {
        return node == null ? 0 : node.size;
    }
}

package io.callscore.compare;

/**
 * Everything the per-contig search and its evaluation reuse, for one thread: the paths' pool and list nodes, the
 * live set, the settled decisions, both sides' sorted views and scratch columns. Contigs are searched one after
 * another with the same workspace; each search resets what it uses, and every array keeps its capacity, so the
 * steady state allocates nothing per variant or per cluster. Not thread-safe: one per thread.
 */
final class SearchWorkspace
{
    final ListNodes nodes = new ListNodes();
    final PathPool pool = new PathPool(nodes);
    final LivePaths live = new LivePaths();
    final SettledDecisions settled = new SettledDecisions(nodes);
    final SideVariants baseline = new SideVariants();
    final SideVariants calls = new SideVariants();
    /** Sorted indices of the included baseline and call variants; per-sync-region tallies. */
    int[] baselineTp = new int[0];
    int[] callTp = new int[0];
    int[] baselineCount = new int[0];
    int[] baselineInside = new int[0];
    int[] callCount = new int[0];

    /** {@code array} if it holds {@code n} ints, else a new one; contents unspecified. */
    static int[] atLeast(final int[] array, final int n)
    {
        return array.length >= n ? array : new int[Math.max(n, array.length * 2)];
    }
}

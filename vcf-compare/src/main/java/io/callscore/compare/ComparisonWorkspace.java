package io.callscore.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Reusable memory for comparisons run one after another on one thread (a batch worker, a benchmark): the path
 * search's pools and the per-variant result columns. With it, a comparison in the steady state allocates only a
 * few objects per contig, nothing per variant.
 *
 * <p>Lifetime: a {@link ComparisonResult} computed with a workspace shares its per-variant columns
 * ({@link ContigOutcome}'s arrays) with it, so it stays valid only until the next comparison that uses the same
 * workspace. Not thread-safe: one workspace per thread.
 */
public final class ComparisonWorkspace
{
    final SearchWorkspace search = new SearchWorkspace();
    private final List<OutcomeColumns> columns = new ArrayList<>();

    /** The result columns for the contig at position {@code index} of a comparison. */
    OutcomeColumns columns(final int index)
    {
        while (columns.size() <= index)
        {
            columns.add(new OutcomeColumns());
        }
        return columns.get(index);
    }
}

package io.callscore.engine.user;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.VcfComparator;
import io.callscore.engine.round.TaskScore;
import io.callscore.engine.round.TaskScorer;
import io.callscore.engine.transport.MinerResponse;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.VariantSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Scores the miners of one user job against each other (docs/user-mode.md):
 * <ol>
 * <li>Unusable responses (no answer, foreign hotkey, bad VCF) score 0 as in benchmark rounds.</li>
 * <li><b>Duplicates.</b> In arrival order, a non-empty call set with the fingerprint of, or equivalent by the
 * comparator to, one an earlier miner returned is a duplicate: 0, and no vote.</li>
 * <li><b>Leave-one-out consensus.</b> Each remaining miner (a voter) is compared, as the calls, with the
 * {@link MajorityConsensus} of the other voters as the baseline; its score is {@code w·F1_snp + (1-w)·F1_indel}
 * of that comparison. At least {@value UserJob#MIN_MINERS} voters are needed.</li>
 * <li><b>Consensus copies.</b> A non-empty call set that matches its leave-one-out consensus completely (no FP, no
 * FN), while the other voters' own call sets differ from their consensus by a median of at least
 * {@code minDiscordance} records, is flagged: 0, and no vote. The others' discordance estimates what an independent
 * caller gets wrong here; an independent caller with that many expected disagreements matches exactly with
 * probability about {@code e^-minDiscordance}. Flagged voters leave the group and the rest are scored again.</li>
 * </ol>
 */
public final class ConsensusScoring
{
    /** Default median discordance of the others above which an exact match with the consensus is flagged. */
    public static final int DEFAULT_MIN_DISCORDANCE = 10;

    /**
     * One miner's response to the job.
     *
     * @param uid      miner uid
     * @param hotkey   miner hotkey (the canonical voter order)
     * @param response what came back (its time is the arrival order for duplicates)
     * @param checked  the checked and loaded calls, or why not
     */
    public record Entry(int uid, String hotkey, MinerResponse response, TaskScorer.CheckedCalls checked)
    {
        public long elapsedMs()
        {
            return response.elapsedMs();
        }
    }

    /**
     * What one miner got.
     *
     * @param entry         the response
     * @param score         its score: against its leave-one-out consensus, or 0 with the reason
     * @param voter         its calls were part of the consensus
     * @param duplicateOf   uid whose calls it duplicated, or -1
     * @param consensusCopy it matched the consensus of the others exactly (see the class comment)
     * @param discordance   FP + FN against its leave-one-out consensus (-1 when not compared)
     * @param rewarded      the score is the miner's doing and may count toward weights (false only when no
     *                      consensus could be formed, which is not the miner's fault)
     */
    public record MinerScore(Entry entry, TaskScore score, boolean voter, int duplicateOf, boolean consensusCopy,
        long discordance, boolean rewarded)
    {
        /** Scored against a consensus and not flagged. */
        public boolean scored()
        {
            return voter && score.compared();
        }
    }

    /**
     * The job's scoring.
     *
     * @param scores    one per entry, in entry order
     * @param consensus the consensus of all voters (the user's call set), null when none could be formed
     * @param voters    hotkeys of the voters, in canonical order
     * @param problem   why no consensus could be formed, or null
     */
    public record Outcome(List<MinerScore> scores, VariantSet consensus, List<String> voters, String problem)
    {
        public boolean hasConsensus()
        {
            return problem == null;
        }
    }

    private final ReferenceGenome reference;
    private final CompareOptions options;
    private final double snpWeight;
    private final long minDiscordance;
    private final ExecutorService pool;

    public ConsensusScoring(final ReferenceGenome reference, final CompareOptions options, final double snpWeight,
        final long minDiscordance, final ExecutorService pool)
    {
        this.reference = reference;
        this.options = options;
        this.snpWeight = snpWeight;
        this.minDiscordance = minDiscordance;
        this.pool = pool;
    }

    private record Loo(ComparisonResult result, long discordance, boolean complete)
    {
    }

    public Outcome score(final List<Entry> entries)
    {
        final MinerScore[] out = new MinerScore[entries.size()];
        final List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++)
        {
            final Entry e = entries.get(i);
            if (e.checked().usable())
            {
                usable.add(i);
            }
            else
            {
                out[i] = new MinerScore(e, e.checked().rejected(), false, -1, false, -1, true);
            }
        }
        usable.sort(Comparator.comparing(i -> entries.get(i).hotkey()));
        final int n = usable.size();
        final List<VariantSet> sets = usable.stream().map(i -> entries.get(i).checked().calls()).toList();
        final MajorityConsensus votes = MajorityConsensus.of(sets, reference, options, pool);

        // Duplicates, in arrival order: the first to return a call set owns it.
        final Integer[] arrival = new Integer[n];
        for (int v = 0; v < n; v++)
        {
            arrival[v] = v;
        }
        Arrays.sort(arrival, Comparator.<Integer>comparingLong(v -> entries.get(usable.get(v)).elapsedMs())
            .thenComparingInt(v -> entries.get(usable.get(v)).uid()));
        long group = 0;
        final List<Integer> owners = new ArrayList<>();
        for (final int v : arrival)
        {
            final Entry e = entries.get(usable.get(v));
            int owner = -1;
            if (!empty(e))
            {
                for (final int o : owners)
                {
                    final Entry oe = entries.get(usable.get(o));
                    if (!empty(oe) && (oe.checked().fingerprint().equals(e.checked().fingerprint())
                        || votes.equivalent(v, o)))
                    {
                        owner = o;
                        break;
                    }
                }
            }
            if (owner < 0)
            {
                owners.add(v);
                group |= 1L << v;
            }
            else
            {
                final Entry oe = entries.get(usable.get(owner));
                final String how = oe.checked().fingerprint().equals(e.checked().fingerprint()) ? ""
                    : " (the same calls written differently)";
                out[usable.get(v)] = new MinerScore(e, new TaskScore(0.0, "duplicate of the calls of uid " + oe.uid()
                    + how, null, e.checked().fingerprint(), false, e.checked().calls().outsideLoadRegions()), false,
                    oe.uid(), false, -1, true);
            }
        }

        // Leave-one-out consensus scores; flagged consensus copies leave the group and the rest are scored again.
        Loo[] loo = new Loo[n];
        String problem = null;
        while (true)
        {
            if (Long.bitCount(group) < UserJob.MIN_MINERS)
            {
                problem = "too few independent call sets for a consensus: " + Long.bitCount(group) + " (at least "
                    + UserJob.MIN_MINERS + " are needed)";
                break;
            }
            loo = leaveOneOut(votes, sets, group);
            long flagged = 0;
            for (int x = 0; x < n; x++)
            {
                if ((group >>> x & 1) != 0 && loo[x].complete() && sets.get(x).variantCount() > 0
                    && medianDiscordance(loo, group, x) >= minDiscordance)
                {
                    flagged |= 1L << x;
                }
            }
            if (flagged == 0)
            {
                break;
            }
            for (int x = 0; x < n; x++)
            {
                if ((flagged >>> x & 1) != 0)
                {
                    final Entry e = entries.get(usable.get(x));
                    out[usable.get(x)] = new MinerScore(e, taskScore(e, loo[x].result()).zeroed(
                        "matches the consensus of the other miners exactly, while they differ from it by a median of "
                            + medianDiscordance(loo, group, x) + " records: a copy of their consensus"), false, -1,
                        true, 0, true);
                }
            }
            group &= ~flagged;
        }
        final List<String> voterKeys = new ArrayList<>();
        for (int x = 0; x < n; x++)
        {
            if ((group >>> x & 1) == 0)
            {
                continue;
            }
            final Entry e = entries.get(usable.get(x));
            voterKeys.add(e.hotkey());
            if (problem != null)
            {
                out[usable.get(x)] = new MinerScore(e, new TaskScore(0.0, "no consensus: " + problem, null,
                    e.checked().fingerprint(), empty(e), e.checked().calls().outsideLoadRegions()), true, -1, false,
                    -1, false);
            }
            else
            {
                out[usable.get(x)] = new MinerScore(e, taskScore(e, loo[x].result()), true, -1, false,
                    loo[x].discordance(), true);
            }
        }
        return new Outcome(List.of(out), problem == null ? votes.consensus(group) : null, voterKeys, problem);
    }

    private TaskScore taskScore(final Entry e, final ComparisonResult r)
    {
        return new TaskScore(r.score(snpWeight), "", r, e.checked().fingerprint(), empty(e),
            e.checked().calls().outsideLoadRegions());
    }

    private static boolean empty(final Entry e)
    {
        return e.checked().calls().variantCount() == 0;
    }

    /** Each voter of the group against the consensus of the others, on the pool. */
    private Loo[] leaveOneOut(final MajorityConsensus votes, final List<VariantSet> sets, final long group)
    {
        final Loo[] out = new Loo[sets.size()];
        final List<Future<Loo>> futures = new ArrayList<>();
        final List<Integer> members = new ArrayList<>();
        for (int x = 0; x < sets.size(); x++)
        {
            if ((group >>> x & 1) == 0)
            {
                continue;
            }
            final int voter = x;
            members.add(x);
            futures.add(pool == null ? java.util.concurrent.CompletableFuture.completedFuture(
                against(votes, sets.get(voter), group & ~(1L << voter)))
                : pool.submit(() -> against(votes, sets.get(voter), group & ~(1L << voter))));
        }
        for (int i = 0; i < members.size(); i++)
        {
            try
            {
                out[members.get(i)] = futures.get(i).get();
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("consensus interrupted", e);
            }
            catch (final ExecutionException e)
            {
                throw e.getCause() instanceof RuntimeException re ? re
                    : new IllegalStateException("consensus failed", e.getCause());
            }
        }
        return out;
    }

    private Loo against(final MajorityConsensus votes, final VariantSet calls, final long others)
    {
        final ComparisonResult r = VcfComparator.compare(votes.consensus(others), calls, reference, options);
        final long discordance = r.counts().total().fp() + r.counts().total().fn();
        return new Loo(r, discordance, MajorityConsensus.matchesCompletely(r));
    }

    /** Median discordance of the group's voters other than x. */
    private static long medianDiscordance(final Loo[] loo, final long group, final int x)
    {
        final List<Long> d = new ArrayList<>();
        for (int y = 0; y < loo.length; y++)
        {
            if (y != x && (group >>> y & 1) != 0)
            {
                d.add(loo[y].discordance());
            }
        }
        d.sort(null);
        final int m = d.size();
        return m == 0 ? 0 : m % 2 == 1 ? d.get(m / 2) : (d.get(m / 2 - 1) + d.get(m / 2)) / 2;
    }
}

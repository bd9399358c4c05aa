package io.callscore.engine.round;

import io.callscore.engine.weights.EmaUpdate;
import io.callscore.engine.weights.InnovationBoost;

import java.nio.file.Path;
import java.util.List;

/**
 * How a validator runs its rounds; {@link #defaults()} gives the documented defaults.
 *
 * @param tasksPerRound     tasks sampled per round (0: one per queried miner)
 * @param minersPerRound    miners queried per round (0: all)
 * @param alpha             EMA smoothing (the subnet template's 0.1)
 * @param boost             innovation boost test and decay
 * @param maxWeight         largest share one uid may get before u16 scaling (1.0: no cap)
 * @param snpWeight         weight of F1_snp in the task score (0.7); F1_indel gets the rest
 * @param queryThreads      miners queried at once
 * @param scoreThreads      responses scored at once (default: cores)
 * @param lookBackRounds    rounds over which identical call sets from different miners are flagged
 * @param claimDeadlineMs   how long a claimed task stays valid (after it, the claim expires for good)
 * @param seed              random seed of task and miner sampling (rounds mix it with the round number)
 * @param submitCommand     run with weights.json after each round to hand weights to the chain SDK; empty: none
 * @param keyFile           validator key that signs score certificates; null: no certificates
 * @param refBuild          reference build named in task JSON
 * @param maxVcfTextBytes   decompressed VCF text accepted from one miner for one task (a gzip bomb's cap)
 */
public record RoundSettings(int tasksPerRound, int minersPerRound, double alpha, InnovationBoost boost,
    double maxWeight, double snpWeight, int queryThreads, int scoreThreads, int lookBackRounds,
    long claimDeadlineMs, long seed, List<String> submitCommand, Path keyFile, String refBuild, long maxVcfTextBytes)
{
    public static RoundSettings defaults()
    {
        return new RoundSettings(0, 0, EmaUpdate.DEFAULT_ALPHA, InnovationBoost.defaults(), 1.0, 0.7, 32,
            Runtime.getRuntime().availableProcessors(), 20, 6L * 3600 * 1000, 1, List.of(), null, "GRCh38",
            TaskScorer.DEFAULT_MAX_VCF_TEXT_BYTES);
    }

    public RoundSettings withSizes(final int tasks, final int miners)
    {
        return new RoundSettings(tasks, miners, alpha, boost, maxWeight, snpWeight, queryThreads, scoreThreads,
            lookBackRounds, claimDeadlineMs, seed, submitCommand, keyFile, refBuild, maxVcfTextBytes);
    }

    public RoundSettings withSeed(final long s)
    {
        return new RoundSettings(tasksPerRound, minersPerRound, alpha, boost, maxWeight, snpWeight, queryThreads,
            scoreThreads, lookBackRounds, claimDeadlineMs, s, submitCommand, keyFile, refBuild, maxVcfTextBytes);
    }

    public RoundSettings withSubmitCommand(final List<String> command)
    {
        return new RoundSettings(tasksPerRound, minersPerRound, alpha, boost, maxWeight, snpWeight, queryThreads,
            scoreThreads, lookBackRounds, claimDeadlineMs, seed, List.copyOf(command), keyFile, refBuild,
            maxVcfTextBytes);
    }

    public RoundSettings withKeyFile(final Path key)
    {
        return new RoundSettings(tasksPerRound, minersPerRound, alpha, boost, maxWeight, snpWeight, queryThreads,
            scoreThreads, lookBackRounds, claimDeadlineMs, seed, submitCommand, key, refBuild, maxVcfTextBytes);
    }

    public RoundSettings withMaxWeight(final double cap)
    {
        return new RoundSettings(tasksPerRound, minersPerRound, alpha, boost, cap, snpWeight, queryThreads,
            scoreThreads, lookBackRounds, claimDeadlineMs, seed, submitCommand, keyFile, refBuild, maxVcfTextBytes);
    }

    public RoundSettings withBoost(final InnovationBoost b)
    {
        return new RoundSettings(tasksPerRound, minersPerRound, alpha, b, maxWeight, snpWeight, queryThreads,
            scoreThreads, lookBackRounds, claimDeadlineMs, seed, submitCommand, keyFile, refBuild, maxVcfTextBytes);
    }

    public RoundSettings withMaxVcfTextBytes(final long bytes)
    {
        return new RoundSettings(tasksPerRound, minersPerRound, alpha, boost, maxWeight, snpWeight, queryThreads,
            scoreThreads, lookBackRounds, claimDeadlineMs, seed, submitCommand, keyFile, refBuild, bytes);
    }

    public RoundSettings withThreads(final int query, final int score)
    {
        return new RoundSettings(tasksPerRound, minersPerRound, alpha, boost, maxWeight, snpWeight, query, score,
            lookBackRounds, claimDeadlineMs, seed, submitCommand, keyFile, refBuild, maxVcfTextBytes);
    }
}

package io.callscore.engine.user;

import io.callscore.engine.round.TaskScorer;

/**
 * How a validator handles user jobs; {@link #defaults()} gives the documented defaults.
 *
 * @param scoresInWeights  user (consensus) scores also feed the EMA and so the weights; off by default, since a
 *                         consensus is only as honest as the majority of the job's miners
 * @param minDiscordance   median discordance of the other miners above which an exact match with their consensus is
 *                         flagged as a copy ({@link ConsensusScoring})
 * @param maxAttempts      dispatches of a job that end without a consensus before it fails
 * @param snpWeight        weight of F1_snp in the score (0.7)
 * @param maxVcfTextBytes  decompressed VCF text accepted from one miner for one job
 */
public record UserSettings(boolean scoresInWeights, long minDiscordance, int maxAttempts, double snpWeight,
    long maxVcfTextBytes)
{
    public static UserSettings defaults()
    {
        return new UserSettings(false, ConsensusScoring.DEFAULT_MIN_DISCORDANCE, 3, 0.7,
            TaskScorer.DEFAULT_MAX_VCF_TEXT_BYTES);
    }

    public UserSettings withScoresInWeights(final boolean on)
    {
        return new UserSettings(on, minDiscordance, maxAttempts, snpWeight, maxVcfTextBytes);
    }
}

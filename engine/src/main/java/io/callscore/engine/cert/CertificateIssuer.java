package io.callscore.engine.cert;

import io.callscore.compare.ComparisonResult;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Signs score certificates with the validator's key: one per scored task and miner, as the round loop scores it.
 * The clock is a parameter so that tests (and replays) issue the same bytes twice.
 */
public final class CertificateIssuer
{
    private final ValidatorKey key;
    private final String software;
    private final Clock clock;

    /**
     * @param key      the validator's signing key
     * @param software what issued the certificate, {@code "callscore <version>"}
     * @param clock    the source of {@code issued_at} (truncated to whole seconds)
     */
    public CertificateIssuer(final ValidatorKey key, final String software, final Clock clock)
    {
        if (software == null || software.isEmpty() || !CanonicalJson.isPrintableAscii(software))
        {
            throw new IllegalArgumentException("software must be non-empty printable ASCII");
        }
        this.key = key;
        this.software = software;
        this.clock = clock;
    }

    /** A signed certificate for a comparison, with its default score ({@link ComparisonResult#score()}). */
    public ScoreCertificate issue(final String taskId, final ScoreCertificate.Mode mode, final String minerHotkey,
        final String vcfSha256, final ComparisonResult result)
    {
        return issue(taskId, mode, minerHotkey, vcfSha256, ScoreCertificate.Metrics.of(result.counts()),
            result.score());
    }

    /** A signed certificate for any metrics and score (for scores not computed with the default weights). */
    public ScoreCertificate issue(final String taskId, final ScoreCertificate.Mode mode, final String minerHotkey,
        final String vcfSha256, final ScoreCertificate.Metrics metrics, final double score)
    {
        final ScoreCertificate unsigned = new ScoreCertificate(ScoreCertificate.FORMAT_VERSION, taskId, mode,
            minerHotkey, vcfSha256, metrics, score, key.keyId(), key.publicKeyBase64(),
            clock.instant().truncatedTo(ChronoUnit.SECONDS), software, null);
        return unsigned.withSignature(Base64.getEncoder().encodeToString(key.sign(unsigned.signedBytes())));
    }
}

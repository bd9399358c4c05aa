package io.callscore.engine.cert;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ReferenceGenome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateIssuerTest
{
    private static Path resource(final String name) throws Exception
    {
        return Path.of(CertificateIssuerTest.class.getResource("/cert/" + name).toURI());
    }

    @Test
    void shouldCarryCountsRatiosAndScoreOfTheComparisonWhenIssuedFromAResult() throws Exception
    {
        final Path calls = resource("calls.vcf");
        final ComparisonResult result = VcfComparator.compare(resource("truth.vcf"), calls,
            ReferenceGenome.open(resource("ref.fa")), null, CompareOptions.defaults());
        final CertificateIssuer issuer = new CertificateIssuer(TestKeys.first(), "callscore 0.1.0",
            Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));
        final ScoreCertificate c = issuer.issue("task-0001", ScoreCertificate.Mode.BENCHMARK, "minerA",
            Sha256.ofFile(calls), result);

        assertEquals(new ScoreCertificate.ClassMetrics(2, 2, 1, 0, 2.0 / 3, 1.0, 0.8), c.metrics().snp());
        assertEquals(new ScoreCertificate.ClassMetrics(1, 1, 1, 1, 0.5, 0.5, 0.5), c.metrics().indel());
        assertEquals(3, c.metrics().total().tpBase());
        assertEquals(2, c.metrics().total().fp());
        assertEquals(result.score(), c.score());
        assertEquals("21fe31dfa154a261", c.validatorKeyId());
        assertEquals(Instant.parse("2026-03-01T12:00:00Z"), c.issuedAt());
        assertTrue(CertificateVerifier.embeddedKey().verify(c, calls).valid());
    }
}

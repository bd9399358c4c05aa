package io.callscore.engine.cert;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact bytes signed, pinned: a fixed certificate and the RFC 8032 TEST 1 key give this canonical text and
 * this signature, both computed independently with Python ({@code json.dumps(..., sort_keys=True,
 * separators=(",", ":"))} and the {@code cryptography} package). If this test fails, certificates already issued
 * would no longer verify: change the format version instead.
 */
class CertificateGoldenTest
{
    static final String EXPECTED_SIGNED_TEXT = "{\"issued_at\":\"2026-03-01T12:00:00Z\",\"metrics\":{\"indel\":"
        + "{\"f1\":\"0.5\",\"fn\":1,\"fp\":1,\"precision\":\"0.5\",\"recall\":\"0.5\",\"tp_base\":1,\"tp_call\":1},"
        + "\"snp\":{\"f1\":\"0.8\",\"fn\":0,\"fp\":1,\"precision\":\"0.6666666666666666\",\"recall\":\"1.0\","
        + "\"tp_base\":2,\"tp_call\":2},\"total\":{\"f1\":\"0.6666666666666665\",\"fn\":1,\"fp\":2,"
        + "\"precision\":\"0.6\",\"recall\":\"0.75\",\"tp_base\":3,\"tp_call\":3}},"
        + "\"miner_hotkey\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",\"mode\":\"benchmark\","
        + "\"score\":\"0.71\",\"software\":\"callscore 0.1.0\",\"task_id\":\"task-0001\","
        + "\"validator_key_id\":\"21fe31dfa154a261\","
        + "\"validator_public_key\":\"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\","
        + "\"vcf_sha256\":\"ce31594f9acbe614b2c4cf7303773109a88a507fe58209ec89b797634e4817bd\",\"version\":1}";

    static final String EXPECTED_SIGNATURE =
        "BDrEaQmZFlMt/Rb6+Ga7BsSd1IpS0wvo3h5utpXWwl4qs7xMWDUR938YeycW9drX5Ygvy3eQCK3c2/0vg0tPDw==";

    /** SHA-256 of the 21 bytes {@code "##fileformat=VCFv4.2\n"}. */
    static final String VCF_SHA256 = "ce31594f9acbe614b2c4cf7303773109a88a507fe58209ec89b797634e4817bd";

    static ScoreCertificate goldenCertificate()
    {
        final ScoreCertificate.Metrics metrics = new ScoreCertificate.Metrics(
            new ScoreCertificate.ClassMetrics(2, 2, 1, 0, 2.0 / 3, 1.0, 0.8),
            new ScoreCertificate.ClassMetrics(1, 1, 1, 1, 0.5, 0.5, 0.5),
            new ScoreCertificate.ClassMetrics(3, 3, 2, 1, 0.6, 0.75, 2 * 0.6 * 0.75 / (0.6 + 0.75)));
        final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00.750Z"), ZoneOffset.UTC);
        return new CertificateIssuer(TestKeys.first(), "callscore 0.1.0", clock).issue("task-0001",
            ScoreCertificate.Mode.BENCHMARK, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", VCF_SHA256, metrics,
            0.7 * 0.8 + (1 - 0.7) * 0.5);
    }

    @Test
    void shouldSignExactlyTheCanonicalBytesPythonWritesWhenCertificateIsFixed()
    {
        final ScoreCertificate c = goldenCertificate();
        assertEquals(EXPECTED_SIGNED_TEXT, new String(c.signedBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void shouldProduceTheSignaturePythonProducesWhenKeyAndCertificateAreFixed()
    {
        assertEquals(EXPECTED_SIGNATURE, goldenCertificate().signature());
    }

    @Test
    void shouldStoreSignatureAsOneMoreSortedFieldWhenWritingJson()
    {
        final String json = goldenCertificate().toJson();
        final String expected = EXPECTED_SIGNED_TEXT.replace(",\"software\":",
            ",\"signature\":\"" + EXPECTED_SIGNATURE + "\",\"software\":");
        assertEquals(expected, json);
        assertTrue(CertificateVerifier.embeddedKey().verify(ScoreCertificate.parse(json, "golden")).valid());
    }
}

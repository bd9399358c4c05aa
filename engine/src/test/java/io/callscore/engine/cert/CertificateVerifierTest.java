package io.callscore.engine.cert;

import io.callscore.vcf.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.callscore.engine.cert.CertificateGoldenTest.goldenCertificate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class CertificateVerifierTest
{
    private static final CertificateVerifier ANY_KEY = CertificateVerifier.embeddedKey();

    @TempDir
    Path tmp;

    @Test
    void shouldVerifyWhenCertificateIsSignedAndUnchanged()
    {
        final CertificateVerifier.Verdict verdict = ANY_KEY.verify(goldenCertificate());
        assertTrue(verdict.valid(), verdict.problem());
    }

    @Test
    void shouldVerifyAfterRoundTripThroughJsonWhenUnchanged()
    {
        final ScoreCertificate parsed = ScoreCertificate.parse(goldenCertificate().toJson(), "test");
        assertEquals(goldenCertificate(), parsed);
        assertTrue(ANY_KEY.verify(parsed).valid());
    }

    /** One field changed in the stored JSON, the way someone editing the file would change it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"score\":\"0.71\"|\"score\":\"0.91\"",
        "\"fp\":2|\"fp\":1",
        "\"tp_base\":2|\"tp_base\":3",
        "\"recall\":\"0.75\"|\"recall\":\"0.8\"",
        "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY|5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
        "\"task_id\":\"task-0001\"|\"task_id\":\"task-0002\"",
        "\"vcf_sha256\":\"ce31|\"vcf_sha256\":\"ce32",
        "2026-03-01T12:00:00Z|2026-03-01T12:00:01Z",
        "\"mode\":\"benchmark\"|\"mode\":\"user\"",
        "callscore 0.1.0|callscore 0.1.1",
    })
    void shouldFailWhenOneFieldIsTampered(final String original, final String tampered)
    {
        final String json = goldenCertificate().toJson();
        assertTrue(json.contains(original), original);
        final ScoreCertificate changed = ScoreCertificate.parse(json.replaceFirst(Pattern.quote(original),
            Matcher.quoteReplacement(tampered)), "tampered");
        final CertificateVerifier.Verdict verdict = ANY_KEY.verify(changed);
        assertFalse(verdict.valid());
        assertTrue(verdict.problem().startsWith("signature does not verify"), verdict.problem());
    }

    @Test
    void shouldRejectEverySingleCharacterChangeWhenStoredJsonIsEdited()
    {
        final String json = goldenCertificate().toJson();
        qt().withFixedSeed(8L).withExamples(3000)
            .forAll(integers().between(0, json.length() - 1), integers().between(0x20, 0x7e))
            .assuming((at, c) -> json.charAt(at) != c)
            .check((at, c) ->
            {
                final String edited = json.substring(0, at) + (char)(int)c + json.substring(at + 1);
                try
                {
                    return !ANY_KEY.verify(ScoreCertificate.parse(edited, "edited")).valid();
                }
                catch (final InputException e)
                {
                    return true;
                }
            });
    }

    @Test
    void shouldFailWhenAnotherKeyIsEmbeddedWithItsOwnKeyId()
    {
        final ScoreCertificate c = goldenCertificate();
        final ValidatorKey other = TestKeys.second();
        final ScoreCertificate swapped = new ScoreCertificate(c.version(), c.taskId(), c.mode(), c.minerHotkey(),
            c.vcfSha256(), c.metrics(), c.score(), other.keyId(), other.publicKeyBase64(), c.issuedAt(),
            c.software(), c.signature());
        final CertificateVerifier.Verdict verdict = ANY_KEY.verify(swapped);
        assertFalse(verdict.valid());
        assertTrue(verdict.problem().startsWith("signature does not verify"), verdict.problem());
    }

    @Test
    void shouldFailWhenKeyIdDoesNotNameTheEmbeddedKey()
    {
        final ScoreCertificate c = goldenCertificate();
        final ScoreCertificate relabelled = new ScoreCertificate(c.version(), c.taskId(), c.mode(), c.minerHotkey(),
            c.vcfSha256(), c.metrics(), c.score(), TestKeys.second().keyId(), c.validatorPublicKey(), c.issuedAt(),
            c.software(), c.signature());
        final CertificateVerifier.Verdict verdict = ANY_KEY.verify(relabelled);
        assertFalse(verdict.valid());
        assertTrue(verdict.problem().contains("does not name the embedded public key"), verdict.problem());
    }

    @Test
    void shouldFailWhenSignedByAValidKeyThatIsNotTheTrustedOne()
    {
        final ValidatorKey other = TestKeys.second();
        final CertificateVerifier.Verdict verdict = CertificateVerifier.trustingPublicKey(other.rawPublicKey())
            .verify(goldenCertificate());
        assertFalse(verdict.valid());
        assertTrue(verdict.problem().contains("not by the trusted key"), verdict.problem());
        assertTrue(CertificateVerifier.trustingPublicKey(TestKeys.first().rawPublicKey())
            .verify(goldenCertificate()).valid());
    }

    @Test
    void shouldFailWhenKeyIdIsNotTheTrustedOne()
    {
        assertFalse(CertificateVerifier.trustingKeyId(TestKeys.second().keyId()).verify(goldenCertificate())
            .valid());
        assertTrue(CertificateVerifier.trustingKeyId("21fe31dfa154a261").verify(goldenCertificate()).valid());
    }

    @Test
    void shouldVerifyWhenVcfIsTheOneNamed() throws Exception
    {
        final Path vcf = Files.writeString(tmp.resolve("calls.vcf"), "##fileformat=VCFv4.2\n");
        final CertificateVerifier.Verdict verdict = ANY_KEY.verify(goldenCertificate(), vcf);
        assertTrue(verdict.valid(), verdict.problem());
    }

    @Test
    void shouldFailWhenVcfIsTampered() throws Exception
    {
        final Path vcf = Files.writeString(tmp.resolve("calls.vcf"), "##fileformat=VCFv4.3\n");
        final CertificateVerifier.Verdict verdict = ANY_KEY.verify(goldenCertificate(), vcf);
        assertFalse(verdict.valid());
        assertTrue(verdict.problem().contains("has sha256"), verdict.problem());
    }

    @Test
    void shouldNameTheFileWhenVcfIsMissing()
    {
        final InputException e = assertThrows(InputException.class,
            () -> ANY_KEY.verify(goldenCertificate(), tmp.resolve("missing.vcf")));
        assertTrue(e.getMessage().endsWith("missing.vcf: file not found"), e.getMessage());
    }

    @Test
    void shouldHashFileBytesAsStoredWhenComputingVcfSha256() throws Exception
    {
        final Path vcf = Files.write(tmp.resolve("x.vcf"), "##fileformat=VCFv4.2\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(CertificateGoldenTest.VCF_SHA256, Sha256.ofFile(vcf));
    }
}

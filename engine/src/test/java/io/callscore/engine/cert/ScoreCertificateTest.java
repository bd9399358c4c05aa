package io.callscore.engine.cert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callscore.vcf.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.callscore.engine.cert.CertificateGoldenTest.goldenCertificate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

class ScoreCertificateTest
{
    @Test
    void shouldWriteShortestRoundTripDecimalsWithoutExponentWhenFormattingRatios()
    {
        assertEquals("0.6", CertificateJson.decimal(0.6));
        assertEquals("1.0", CertificateJson.decimal(1.0));
        assertEquals("0.0", CertificateJson.decimal(0.0));
        assertEquals("0.00005", CertificateJson.decimal(1.0 / 20000));
        assertEquals("0.001", CertificateJson.decimal(0.001));
        assertEquals("0.7100000000000001", CertificateJson.decimal(0.7100000000000001));
        assertEquals("12.5", CertificateJson.decimal(12.5));
        assertEquals("10000000.0", CertificateJson.decimal(1e7));
    }

    @Test
    void shouldReadBackTheSameDoubleWhenAnyRatioIsWrittenAsDecimal()
    {
        qt().withFixedSeed(3L).withExamples(20000).forAll(doubles().between(0, 1)).checkAssert(x ->
        {
            final String s = CertificateJson.decimal(x);
            assertEquals(x, Double.parseDouble(s), s);
            assertTrue(s.matches("(0|1)\\.[0-9]+"), s);
        });
    }

    @Test
    void shouldReadBackTheSameDoubleWhenRatioIsAQuotientOfCounts()
    {
        qt().withFixedSeed(4L).withExamples(20000).forAll(longs().between(1, 1_000_000_000L),
            doubles().between(0, 1)).checkAssert((b, share) ->
        {
            final long a = (long)Math.floor(share * b);
            final double x = (double)a / b;
            assertEquals(x, Double.parseDouble(CertificateJson.decimal(x)));
        });
    }

    @Test
    void shouldAcceptAnyKeyOrderAndSpacingWhenParsing() throws Exception
    {
        final ObjectNode stored = (ObjectNode)new ObjectMapper().readTree(goldenCertificate().toJson());
        final ObjectNode reordered = JsonNodeFactory.instance.objectNode();
        final List<String> names = new ArrayList<>();
        stored.fieldNames().forEachRemaining(names::add);
        for (final String name : names.reversed())
        {
            reordered.set(name, stored.get(name));
        }
        final String pretty = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(reordered);
        assertTrue(pretty.startsWith("{\n  \"version\" : 1,"), pretty);
        assertEquals(goldenCertificate(), ScoreCertificate.parse(pretty, "pretty"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"fp\":2|\"fp\":2.0|metrics.total.fp: must be an integer",
        "\"fp\":2|\"fp\":-2|metrics.total.fp: -2 is not a count",
        "\"score\":\"0.71\"|\"score\":0.71|score: must be a string",
        "\"score\":\"0.71\"|\"score\":\"0.710\"|score: \"0.710\" is not in canonical form (\"0.71\")",
        "\"score\":\"0.71\"|\"score\":\"7.1e-1\"|score: \"7.1e-1\" is not a decimal",
        "\"recall\":\"0.75\"|\"recall\":\"1.5\"|metrics.total.recall: 1.5 is not between 0 and 1",
        "\"mode\":\"benchmark\"|\"mode\":\"Benchmark\"|mode is \"benchmark\" or \"user\"",
        "\"version\":1|\"version\":2|version: 2 is not supported",
        "\"version\":1|\"version\":4294967297|version: 4294967297 is not supported",
        "2026-03-01T12:00:00Z|2026-03-01 12:00:00|issued_at: \"2026-03-01 12:00:00\" is not a UTC time",
        "2026-03-01T12:00:00Z|2026-03-01T12:00:00.5Z|issued_at: \"2026-03-01T12:00:00.5Z\" is not a UTC time",
        "\"task_id\":\"task-0001\"|\"task_id\":\"t\u00e2che\"|task_id: must be non-empty printable ASCII",
        "\"vcf_sha256\":\"ce31|\"vcf_sha256\":\"CE31|vcf_sha256: must be 64 lowercase hex digits",
        "\"software\":|\"extra\":1,\"software\":|extra: unknown field",
        "\"software\":|\"software\":\"x\",\"software\":|Duplicate field 'software'",
        "\"f1\":\"0.5\"|\"f1\":0.5|metrics.indel.f1: must be a string",
        "\"signature\":\"BDr|\"signature\":\"AAAABDr|signature: must be padded base64 of 64 bytes",
    })
    void shouldRejectWithOneLineNamingTheFieldWhenCertificateIsMalformed(final String original, final String replaced,
        final String expected)
    {
        final String json = goldenCertificate().toJson();
        assertTrue(json.contains(original), original);
        final String bad = json.replaceFirst(Pattern.quote(original), Matcher.quoteReplacement(replaced));
        final InputException e = assertThrows(InputException.class, () -> ScoreCertificate.parse(bad, "c.json"));
        assertTrue(e.getMessage().startsWith("c.json"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void shouldRejectWhenFieldIsMissing()
    {
        final String json = goldenCertificate().toJson().replaceFirst(",\"task_id\":\"task-0001\"", "");
        final InputException e = assertThrows(InputException.class, () -> ScoreCertificate.parse(json, "c.json"));
        assertEquals("c.json: task_id: missing", e.getMessage());
    }

    @Test
    void shouldRejectWhenTextIsNotJson()
    {
        final InputException e = assertThrows(InputException.class,
            () -> ScoreCertificate.parse("{\"version\":1,\n\"task_id\":}", "c.json"));
        assertTrue(e.getMessage().startsWith("c.json:2: not valid JSON"), e.getMessage());
    }

    @Test
    void shouldRefuseToWriteJsonWhenUnsigned()
    {
        final ScoreCertificate unsigned = goldenCertificate().withSignature(null);
        assertFalse(unsigned.isSigned());
        assertThrows(IllegalStateException.class, unsigned::toJson);
        assertFalse(CertificateVerifier.embeddedKey().verify(unsigned).valid());
    }
}

package io.callscore.engine.cert;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.callscore.vcf.InputException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON form of a {@link ScoreCertificate}: field names, the decimal text of ratios and scores, and a strict
 * reader. Strict because a verifier that silently dropped an unknown or duplicated field would accept bytes that
 * another verifier (say, a user's Python script) rejects, or the other way round.
 */
final class CertificateJson
{
    static final String VERSION = "version";
    static final String TASK_ID = "task_id";
    static final String MODE = "mode";
    static final String MINER_HOTKEY = "miner_hotkey";
    static final String VCF_SHA256 = "vcf_sha256";
    static final String METRICS = "metrics";
    static final String SCORE = "score";
    static final String VALIDATOR_KEY_ID = "validator_key_id";
    static final String VALIDATOR_PUBLIC_KEY = "validator_public_key";
    static final String ISSUED_AT = "issued_at";
    static final String SOFTWARE = "software";
    static final String SIGNATURE = "signature";

    private static final List<String> TOP_FIELDS = List.of(VERSION, TASK_ID, MODE, MINER_HOTKEY, VCF_SHA256, METRICS,
        SCORE, VALIDATOR_KEY_ID, VALIDATOR_PUBLIC_KEY, ISSUED_AT, SOFTWARE, SIGNATURE);
    private static final List<String> CLASSES = List.of("snp", "indel", "total");
    private static final List<String> CLASS_FIELDS = List.of("tp_base", "tp_call", "fp", "fn", "precision", "recall",
        "f1");

    /** Decimal text: digits, a point, digits (no sign, no exponent); canonical when {@link #decimal} writes it. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+\\.[0-9]+");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private CertificateJson()
    {
    }

    /**
     * The decimal text of a ratio or score: the shortest decimal that reads back as the same double (Java's
     * {@code Double.toString} digits, Python's {@code repr} digits), written without exponent, with at least one
     * digit after the point. {@code 0.6}, {@code 1.0}, {@code 0.00005}, {@code 0.7100000000000001}.
     */
    static String decimal(final double x)
    {
        if (!Double.isFinite(x) || x < 0)
        {
            throw new IllegalArgumentException(x + " is not a finite non-negative number");
        }
        final String plain = BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    /** The fields as canonical JSON values, with or without the signature. */
    static Map<String, Object> fields(final ScoreCertificate c, final boolean withSignature)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put(VERSION, c.version());
        m.put(TASK_ID, c.taskId());
        m.put(MODE, c.mode().text());
        m.put(MINER_HOTKEY, c.minerHotkey());
        m.put(VCF_SHA256, c.vcfSha256());
        final Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("snp", classFields(c.metrics().snp()));
        metrics.put("indel", classFields(c.metrics().indel()));
        metrics.put("total", classFields(c.metrics().total()));
        m.put(METRICS, metrics);
        m.put(SCORE, decimal(c.score()));
        m.put(VALIDATOR_KEY_ID, c.validatorKeyId());
        m.put(VALIDATOR_PUBLIC_KEY, c.validatorPublicKey());
        m.put(ISSUED_AT, c.issuedAt().toString());
        m.put(SOFTWARE, c.software());
        if (withSignature)
        {
            m.put(SIGNATURE, c.signature());
        }
        return m;
    }

    private static Map<String, Object> classFields(final ScoreCertificate.ClassMetrics k)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("tp_base", k.tpBase());
        m.put("tp_call", k.tpCall());
        m.put("fp", k.fp());
        m.put("fn", k.fn());
        m.put("precision", decimal(k.precision()));
        m.put("recall", decimal(k.recall()));
        m.put("f1", decimal(k.f1()));
        return m;
    }

    static ScoreCertificate parse(final String json, final String source)
    {
        final JsonNode root;
        try
        {
            root = MAPPER.readTree(json);
        }
        catch (final JacksonException e)
        {
            final JsonLocation at = e.getLocation();
            throw new InputException(source, at == null ? 0 : Math.max(0, at.getLineNr()),
                "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject())
        {
            throw new InputException(source, 0, "a certificate is a JSON object");
        }
        try
        {
            requireExactly(root, "", TOP_FIELDS);
            ScoreCertificate.requireSupportedVersion(integer(root, "", VERSION));
            final JsonNode metrics = root.get(METRICS);
            requireExactly(metrics, METRICS + ".", CLASSES);
            final ScoreCertificate.Metrics m = new ScoreCertificate.Metrics(
                classMetrics(metrics.get("snp"), "metrics.snp."),
                classMetrics(metrics.get("indel"), "metrics.indel."),
                classMetrics(metrics.get("total"), "metrics.total."));
            return new ScoreCertificate(ScoreCertificate.FORMAT_VERSION, text(root, "", TASK_ID),
                ScoreCertificate.Mode.of(text(root, "", MODE)), text(root, "", MINER_HOTKEY),
                text(root, "", VCF_SHA256), m, decimal(root, "", SCORE), text(root, "", VALIDATOR_KEY_ID),
                text(root, "", VALIDATOR_PUBLIC_KEY), instant(root, ISSUED_AT), text(root, "", SOFTWARE),
                text(root, "", SIGNATURE));
        }
        catch (final IllegalArgumentException e)
        {
            throw new InputException(source, 0, e.getMessage());
        }
    }

    private static ScoreCertificate.ClassMetrics classMetrics(final JsonNode node, final String path)
    {
        requireExactly(node, path, CLASS_FIELDS);
        final long tpBase = integer(node, path, "tp_base");
        final long tpCall = integer(node, path, "tp_call");
        final long fp = integer(node, path, "fp");
        final long fn = integer(node, path, "fn");
        final double precision = decimal(node, path, "precision");
        final double recall = decimal(node, path, "recall");
        final double f1 = decimal(node, path, "f1");
        try
        {
            return new ScoreCertificate.ClassMetrics(tpBase, tpCall, fp, fn, precision, recall, f1);
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException(path + e.getMessage());
        }
    }

    private static void requireExactly(final JsonNode node, final String path, final List<String> names)
    {
        if (!node.isObject())
        {
            throw new IllegalArgumentException(path.isEmpty() ? "not an object" : path
                .substring(0, path.length() - 1) + ": must be an object");
        }
        for (final Iterator<String> it = node.fieldNames(); it.hasNext(); )
        {
            final String name = it.next();
            if (!names.contains(name))
            {
                throw new IllegalArgumentException(path + name + ": unknown field (a certificate has exactly "
                    + String.join(", ", names) + ")");
            }
        }
        for (final String name : names)
        {
            if (!node.has(name))
            {
                throw new IllegalArgumentException(path + name + ": missing");
            }
        }
    }

    private static String text(final JsonNode node, final String path, final String name)
    {
        final JsonNode v = node.get(name);
        if (!v.isTextual())
        {
            throw new IllegalArgumentException(path + name + ": must be a string");
        }
        return v.textValue();
    }

    private static long integer(final JsonNode node, final String path, final String name)
    {
        final JsonNode v = node.get(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || Math.abs(v.longValue()) > CanonicalJson.MAX_SAFE_INTEGER)
        {
            throw new IllegalArgumentException(path + name + ": must be an integer of at most 2^53-1 (no fraction,"
                + " no exponent)");
        }
        return v.longValue();
    }

    private static double decimal(final JsonNode node, final String path, final String name)
    {
        final String s = text(node, path, name);
        if (!DECIMAL.matcher(s).matches())
        {
            throw new IllegalArgumentException(path + name + ": \"" + s + "\" is not a decimal like \"0.75\"");
        }
        final double x = Double.parseDouble(s);
        final String canonical = decimal(x);
        if (!canonical.equals(s))
        {
            throw new IllegalArgumentException(path + name + ": \"" + s + "\" is not in canonical form (\""
                + canonical + "\")");
        }
        return x;
    }

    private static Instant instant(final JsonNode node, final String name)
    {
        final String s = text(node, "", name);
        try
        {
            final Instant t = Instant.parse(s);
            if (!t.toString().equals(s) || t.getNano() != 0)
            {
                throw new DateTimeParseException("not canonical", s, 0);
            }
            return t;
        }
        catch (final DateTimeParseException e)
        {
            throw new IllegalArgumentException(name + ": \"" + s + "\" is not a UTC time like "
                + "\"2026-01-31T12:00:00Z\"");
        }
    }
}

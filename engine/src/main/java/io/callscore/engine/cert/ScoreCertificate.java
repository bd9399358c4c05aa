package io.callscore.engine.cert;

import io.callscore.compare.Counts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What a validator attests for one scored task: which VCF (by SHA-256) a miner returned for which task, how it
 * counted, its score, and who says so (the validator's Ed25519 public key and its signature over the canonical
 * JSON of every other field). Self-contained: anyone can check it with the embedded key and any Ed25519 library;
 * the format, field by field, is in docs/certificates.md.
 *
 * @param version            format version, {@link #FORMAT_VERSION}
 * @param taskId             the task (in user mode, the user's job id)
 * @param mode               benchmark task (hidden truth) or user job
 * @param minerHotkey        the miner that returned the VCF
 * @param vcfSha256          lowercase hex SHA-256 of the returned VCF's bytes as received
 * @param metrics            per-class counts and ratios
 * @param score              the task score
 * @param validatorKeyId     first 16 hex characters of SHA-256 of the raw public key (a label)
 * @param validatorPublicKey base64 of the validator's raw 32-byte Ed25519 public key
 * @param issuedAt           when the certificate was issued (UTC, whole seconds)
 * @param software           {@code "callscore <version>"}
 * @param signature          base64 of the 64-byte Ed25519 signature of {@link #signedBytes()}; null before signing
 */
public record ScoreCertificate(int version, String taskId, Mode mode, String minerHotkey, String vcfSha256,
    Metrics metrics, double score, String validatorKeyId, String validatorPublicKey, Instant issuedAt,
    String software, String signature)
{
    /** The certificate format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Certificates are small; anything larger is not one. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY_ID_HEX = Pattern.compile("[0-9a-f]{" + Ed25519.KEY_ID_LENGTH + "}");

    /** What kind of task was scored. */
    public enum Mode
    {
        /** A benchmark task against hidden truth. */
        BENCHMARK("benchmark"),
        /** A user's own job. */
        USER("user");

        private final String text;

        Mode(final String text)
        {
            this.text = text;
        }

        /** The name in the certificate. */
        public String text()
        {
            return text;
        }

        /** The mode with this name; IllegalArgumentException when there is none. */
        public static Mode of(final String text)
        {
            for (final Mode m : values())
            {
                if (m.text.equals(text))
                {
                    return m;
                }
            }
            throw new IllegalArgumentException("mode is \"benchmark\" or \"user\", not \"" + text + "\"");
        }
    }

    /** Counts and ratios of one variant class, as the comparator reported them. */
    public record ClassMetrics(long tpBase, long tpCall, long fp, long fn, double precision, double recall,
        double f1)
    {
        public ClassMetrics
        {
            requireCount("tp_base", tpBase);
            requireCount("tp_call", tpCall);
            requireCount("fp", fp);
            requireCount("fn", fn);
            requireRatio("precision", precision);
            requireRatio("recall", recall);
            requireRatio("f1", f1);
        }

        public static ClassMetrics of(final Counts.ClassCounts c)
        {
            return new ClassMetrics(c.tpBase(), c.tpCall(), c.fp(), c.fn(), c.precision(), c.recall(), c.f1());
        }
    }

    /** The three classes of a comparison. */
    public record Metrics(ClassMetrics snp, ClassMetrics indel, ClassMetrics total)
    {
        public Metrics
        {
            requireNonNull("metrics.snp", snp);
            requireNonNull("metrics.indel", indel);
            requireNonNull("metrics.total", total);
        }

        public static Metrics of(final Counts counts)
        {
            return new Metrics(ClassMetrics.of(counts.snp()), ClassMetrics.of(counts.indel()),
                ClassMetrics.of(counts.total()));
        }
    }

    /** Checks every field's form (not the signature: a tampered certificate must be representable to be refuted). */
    public ScoreCertificate
    {
        requireSupportedVersion(version);
        requireText("task_id", taskId);
        requireNonNull("mode", mode);
        requireText("miner_hotkey", minerHotkey);
        requirePattern("vcf_sha256", vcfSha256, SHA256_HEX, "64 lowercase hex digits");
        requireNonNull("metrics", metrics);
        if (!Double.isFinite(score) || score < 0)
        {
            throw new IllegalArgumentException("score: " + score + " is not a finite non-negative number");
        }
        requirePattern("validator_key_id", validatorKeyId, KEY_ID_HEX, Ed25519.KEY_ID_LENGTH + " lowercase hex digits");
        requireBase64("validator_public_key", validatorPublicKey, Ed25519.PUBLIC_KEY_LENGTH);
        requireNonNull("issued_at", issuedAt);
        if (issuedAt.getNano() != 0)
        {
            throw new IllegalArgumentException("issued_at: " + issuedAt + " is not a whole second");
        }
        requireText("software", software);
        if (signature != null)
        {
            requireBase64("signature", signature, Ed25519.SIGNATURE_LENGTH);
        }
    }

    /** Whether the certificate carries a signature (not whether it is valid: see {@link CertificateVerifier}). */
    public boolean isSigned()
    {
        return signature != null;
    }

    /** This certificate with a signature (base64 of 64 bytes). */
    public ScoreCertificate withSignature(final String signatureBase64)
    {
        return new ScoreCertificate(version, taskId, mode, minerHotkey, vcfSha256, metrics, score, validatorKeyId,
            validatorPublicKey, issuedAt, software, signatureBase64);
    }

    /** The exact bytes signed: the canonical JSON of every field except {@code signature}. */
    public byte[] signedBytes()
    {
        return CanonicalJson.bytes(CertificateJson.fields(this, false));
    }

    /** The whole certificate, signature included, as one line of canonical JSON (the stored form). */
    public String toJson()
    {
        if (signature == null)
        {
            throw new IllegalStateException("certificate for task " + taskId + " is not signed");
        }
        return CanonicalJson.text(CertificateJson.fields(this, true));
    }

    /** The raw 32-byte validator public key. */
    public byte[] publicKeyBytes()
    {
        return Base64.getDecoder().decode(validatorPublicKey);
    }

    /** The raw 64-byte signature; IllegalStateException when unsigned. */
    public byte[] signatureBytes()
    {
        if (signature == null)
        {
            throw new IllegalStateException("certificate for task " + taskId + " is not signed");
        }
        return Base64.getDecoder().decode(signature);
    }

    /**
     * A signed certificate from JSON text (any key order and spacing; strict about everything else). Bad input
     * gives an InputException naming {@code source}.
     */
    public static ScoreCertificate parse(final String json, final String source)
    {
        return CertificateJson.parse(json, source);
    }

    /** A signed certificate from a file. */
    public static ScoreCertificate read(final Path file)
    {
        final byte[] bytes = SmallFiles.read(file, MAX_FILE_BYTES, "a certificate");
        return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
    }

    /** IllegalArgumentException unless the version is {@link #FORMAT_VERSION}. */
    static void requireSupportedVersion(final long version)
    {
        if (version != FORMAT_VERSION)
        {
            throw new IllegalArgumentException("version: " + version + " is not supported (this callscore reads "
                + FORMAT_VERSION + ")");
        }
    }

    private static void requireCount(final String field, final long n)
    {
        if (n < 0 || n > CanonicalJson.MAX_SAFE_INTEGER)
        {
            throw new IllegalArgumentException(field + ": " + n + " is not a count");
        }
    }

    private static void requireRatio(final String field, final double x)
    {
        if (!(x >= 0 && x <= 1))
        {
            throw new IllegalArgumentException(field + ": " + x + " is not between 0 and 1");
        }
    }

    private static void requireNonNull(final String field, final Object o)
    {
        if (o == null)
        {
            throw new IllegalArgumentException(field + ": missing");
        }
    }

    private static void requireText(final String field, final String s)
    {
        requireNonNull(field, s);
        if (s.isEmpty() || !CanonicalJson.isPrintableAscii(s))
        {
            throw new IllegalArgumentException(field + ": must be non-empty printable ASCII");
        }
    }

    private static void requirePattern(final String field, final String s, final Pattern p, final String what)
    {
        requireNonNull(field, s);
        if (!p.matcher(s).matches())
        {
            throw new IllegalArgumentException(field + ": must be " + what);
        }
    }

    private static void requireBase64(final String field, final String s, final int length)
    {
        requireNonNull(field, s);
        final byte[] decoded;
        try
        {
            decoded = Base64.getDecoder().decode(s);
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException(field + ": not base64");
        }
        if (decoded.length != length || !Base64.getEncoder().encodeToString(decoded).equals(s))
        {
            throw new IllegalArgumentException(field + ": must be padded base64 of " + length + " bytes");
        }
    }
}

package io.callscore.engine.cert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * Checks a certificate: its key id names its embedded public key, the signature over its canonical bytes is
 * valid for that key, optionally that the key is one the caller trusts, and optionally that a VCF is the one it
 * names. A valid signature alone proves only that whoever holds the embedded key signed it; trusting that key
 * (by comparing it with the validator's published public key) is what makes it the validator's word.
 */
public final class CertificateVerifier
{
    /** The outcome: valid, or the first problem found, in one line. */
    public record Verdict(boolean valid, String problem)
    {
        static Verdict ok()
        {
            return new Verdict(true, null);
        }

        static Verdict failed(final String problem)
        {
            return new Verdict(false, problem);
        }
    }

    private final byte[] trustedPublicKey;
    private final String trustedKeyId;

    private CertificateVerifier(final byte[] trustedPublicKey, final String trustedKeyId)
    {
        this.trustedPublicKey = trustedPublicKey;
        this.trustedKeyId = trustedKeyId;
    }

    /** Accepts a certificate signed by the key it embeds, whichever key that is. */
    public static CertificateVerifier embeddedKey()
    {
        return new CertificateVerifier(null, null);
    }

    /** Accepts only certificates signed by this raw 32-byte public key. */
    public static CertificateVerifier trustingPublicKey(final byte[] rawPublicKey)
    {
        if (rawPublicKey.length != Ed25519.PUBLIC_KEY_LENGTH)
        {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + rawPublicKey.length);
        }
        return new CertificateVerifier(rawPublicKey.clone(), null);
    }

    /**
     * Accepts only certificates whose key id is this one. Weaker than {@link #trustingPublicKey}: the id has 64
     * bits, so a determined forger could find another key with the same id.
     */
    public static CertificateVerifier trustingKeyId(final String keyId)
    {
        return new CertificateVerifier(null, keyId);
    }

    /** Checks key id, trust and signature. */
    public Verdict verify(final ScoreCertificate certificate)
    {
        if (!certificate.isSigned())
        {
            return Verdict.failed("certificate is not signed");
        }
        final byte[] publicKey = certificate.publicKeyBytes();
        final String keyId = Ed25519.keyId(publicKey);
        if (!keyId.equals(certificate.validatorKeyId()))
        {
            return Verdict.failed("validator_key_id " + certificate.validatorKeyId()
                + " does not name the embedded public key (whose id is " + keyId + ")");
        }
        if (trustedPublicKey != null && !Arrays.equals(trustedPublicKey, publicKey))
        {
            return Verdict.failed("signed by key " + keyId + " (" + certificate.validatorPublicKey()
                + "), not by the trusted key " + Base64.getEncoder().encodeToString(trustedPublicKey));
        }
        if (trustedKeyId != null && !trustedKeyId.equals(keyId))
        {
            return Verdict.failed("signed by key " + keyId + ", not by the trusted key " + trustedKeyId);
        }
        if (!Ed25519.verify(publicKey, certificate.signedBytes(), certificate.signatureBytes()))
        {
            return Verdict.failed("signature does not verify with the embedded key: the certificate was altered"
                + " after signing, or signed by another key");
        }
        return Verdict.ok();
    }

    /**
     * Checks the certificate as {@link #verify(ScoreCertificate)} does, then that the VCF's SHA-256 is the one it
     * names. InputException when the VCF cannot be read.
     */
    public Verdict verify(final ScoreCertificate certificate, final Path vcf)
    {
        final Verdict signed = verify(certificate);
        if (!signed.valid())
        {
            return signed;
        }
        final String actual;
        try
        {
            actual = Sha256.ofFile(vcf);
        }
        catch (final IOException e)
        {
            throw SmallFiles.readProblem(vcf, e);
        }
        if (!actual.equals(certificate.vcfSha256()))
        {
            return Verdict.failed("VCF " + vcf + " has sha256 " + actual + ", the certificate names "
                + certificate.vcfSha256());
        }
        return Verdict.ok();
    }
}

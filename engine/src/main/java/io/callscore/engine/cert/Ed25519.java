package io.callscore.engine.cert;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) through the JDK, with public keys as their raw 32 bytes: that is how certificates carry them,
 * so that anyone can verify one with any Ed25519 library.
 */
public final class Ed25519
{
    /** Length of a raw public key. */
    public static final int PUBLIC_KEY_LENGTH = 32;
    /** Length of a signature. */
    public static final int SIGNATURE_LENGTH = 64;
    /** Hex characters of a key id. */
    public static final int KEY_ID_LENGTH = 16;

    /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410); the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final String ALGORITHM = "Ed25519";

    private Ed25519()
    {
    }

    /** The JDK key for a raw public key; an exception when the bytes are not one. */
    public static PublicKey publicKey(final byte[] raw) throws GeneralSecurityException
    {
        if (raw.length != PUBLIC_KEY_LENGTH)
        {
            throw new GeneralSecurityException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        final byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + PUBLIC_KEY_LENGTH);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, PUBLIC_KEY_LENGTH);
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    }

    /** The raw 32 bytes of a JDK Ed25519 public key. */
    public static byte[] rawPublicKey(final PublicKey key)
    {
        final byte[] der = key.getEncoded();
        if (der == null || der.length != X509_PREFIX.length + PUBLIC_KEY_LENGTH
            || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length))
        {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    /** The key id: the first 16 hex characters (64 bits) of SHA-256 of the raw public key. A label, not a proof. */
    public static String keyId(final byte[] rawPublicKey)
    {
        return Sha256.hex(Sha256.of(rawPublicKey)).substring(0, KEY_ID_LENGTH);
    }

    /** Signs a message (Ed25519 is deterministic: same key and message, same signature). */
    public static byte[] sign(final PrivateKey key, final byte[] message) throws GeneralSecurityException
    {
        final Signature signature = Signature.getInstance(ALGORITHM);
        signature.initSign(key);
        signature.update(message);
        return signature.sign();
    }

    /** Whether {@code signature} is a valid signature of {@code message} by the raw public key; false for any bad key. */
    public static boolean verify(final byte[] rawPublicKey, final byte[] message, final byte[] signature)
    {
        try
        {
            final Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey(rawPublicKey));
            verifier.update(message);
            return verifier.verify(signature);
        }
        catch (final GeneralSecurityException | IllegalArgumentException e)
        {
            return false;
        }
    }
}

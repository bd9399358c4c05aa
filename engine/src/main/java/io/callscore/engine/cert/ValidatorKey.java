package io.callscore.engine.cert;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.callscore.vcf.InputException;
import io.callscore.vcf.InputFiles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validator's Ed25519 signing key and its key file. The file is one JSON object (docs/certificates.md):
 * {@code format}, {@code version}, {@code key_id}, {@code public_key} (base64 raw 32 bytes), {@code private_key}
 * (base64 PKCS#8 DER, usable by openssl once PEM-wrapped) and {@code created_at}. It is created with mode 0600
 * from the first byte, never overwritten, and refused on load when group or others have any access to it: a key
 * others could read may have been copied, and certificates signed with it would prove nothing.
 */
public final class ValidatorKey
{
    /** The {@code format} value of a key file. */
    public static final String FILE_FORMAT = "callscore-validator-key";
    /** The key file version this code writes and reads. */
    public static final int FILE_VERSION = 1;

    private static final int MAX_FILE_BYTES = 16 * 1024;
    private static final String ALGORITHM = "Ed25519";
    private static final List<String> FIELDS = List.of("format", "version", "key_id", "public_key", "private_key",
        "created_at");
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = EnumSet.of(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
        PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    private final PrivateKey privateKey;
    private final byte[] rawPublicKey;
    private final String keyId;

    private ValidatorKey(final PrivateKey privateKey, final byte[] rawPublicKey)
    {
        this.privateKey = privateKey;
        this.rawPublicKey = rawPublicKey.clone();
        this.keyId = Ed25519.keyId(rawPublicKey);
    }

    /** A fresh random key. */
    public static ValidatorKey generate()
    {
        try
        {
            final KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new ValidatorKey(pair.getPrivate(), Ed25519.rawPublicKey(pair.getPublic()));
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException("the JDK has Ed25519 since Java 15", e);
        }
    }

    /**
     * A key from its PKCS#8 private key and raw public key; IllegalArgumentException when either is malformed or
     * they are not one pair (checked by signing and verifying a test message).
     */
    public static ValidatorKey of(final byte[] pkcs8PrivateKey, final byte[] rawPublicKey)
    {
        final PrivateKey privateKey;
        try
        {
            privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8PrivateKey));
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalArgumentException("private_key is not a PKCS#8 Ed25519 key", e);
        }
        if (!(privateKey instanceof EdECPrivateKey ed) || !ALGORITHM.equalsIgnoreCase(ed.getParams().getName()))
        {
            throw new IllegalArgumentException("private_key is not an Ed25519 key");
        }
        if (rawPublicKey.length != Ed25519.PUBLIC_KEY_LENGTH)
        {
            throw new IllegalArgumentException("public_key has " + rawPublicKey.length + " bytes, not 32");
        }
        final ValidatorKey key = new ValidatorKey(privateKey, rawPublicKey);
        final byte[] probe = "callscore validator key pair check".getBytes(StandardCharsets.US_ASCII);
        if (!Ed25519.verify(rawPublicKey, probe, key.sign(probe)))
        {
            throw new IllegalArgumentException("public_key is not the public half of private_key");
        }
        return key;
    }

    /**
     * Generates a key and writes it to a new file (mode 0600; missing folders are created 0700). Refuses, with an
     * InputException, when the file exists.
     */
    public static ValidatorKey init(final Path file)
    {
        final ValidatorKey key = generate();
        key.writeNew(file);
        return key;
    }

    /** Writes this key to a new file with mode 0600 from the start; InputException when it exists. */
    public void writeNew(final Path file)
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("format", FILE_FORMAT);
        fields.put("version", FILE_VERSION);
        fields.put("key_id", keyId);
        fields.put("public_key", publicKeyBase64());
        fields.put("private_key", Base64.getEncoder().encodeToString(privateKey.getEncoded()));
        fields.put("created_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        final byte[] bytes = (CanonicalJson.text(fields) + "\n").getBytes(StandardCharsets.US_ASCII);
        final FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(
            OWNER_READ_WRITE);
        boolean created = false;
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent))
            {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(EnumSet.of(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE)));
            }
            try (FileChannel ch = FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly))
            {
                created = true;
                SmallFiles.writeSynced(ch, bytes);
            }
        }
        catch (final FileAlreadyExistsException e)
        {
            throw new InputException(file, "exists; refusing to overwrite a validator key");
        }
        catch (final IOException | UnsupportedOperationException e)
        {
            if (created)
            {
                deleteQuietly(file);
            }
            throw new InputException(file, "cannot write the key file: " + (e instanceof IOException io
                ? InputFiles.describe(io) : "the file system has no POSIX permissions"));
        }
    }

    /**
     * Loads a key file: InputException when group or others have any access to it, when it is not a key file, or
     * when its fields disagree (key id, public key and private key must belong together).
     */
    public static ValidatorKey load(final Path file)
    {
        requireOwnerOnly(file);
        final byte[] bytes = SmallFiles.read(file, MAX_FILE_BYTES, "a key file");
        final JsonNode root;
        try
        {
            root = MAPPER.readTree(bytes);
        }
        catch (final IOException e)
        {
            throw new InputException(file, "not a callscore validator key file (not JSON: "
                + (e instanceof JacksonException j ? j.getOriginalMessage() : e.toString()) + ")");
        }
        try
        {
            return fromJson(root);
        }
        catch (final IllegalArgumentException e)
        {
            throw new InputException(file, "not a valid callscore validator key file: " + e.getMessage());
        }
    }

    private static ValidatorKey fromJson(final JsonNode root)
    {
        if (root == null || !root.isObject() || !FILE_FORMAT.equals(root.path("format").textValue()))
        {
            throw new IllegalArgumentException("\"format\" is not \"" + FILE_FORMAT + "\"");
        }
        for (final Iterator<String> it = root.fieldNames(); it.hasNext(); )
        {
            final String name = it.next();
            if (!FIELDS.contains(name))
            {
                throw new IllegalArgumentException("unknown field " + name);
            }
        }
        if (!root.path("version").isIntegralNumber() || root.path("version").longValue() != FILE_VERSION)
        {
            throw new IllegalArgumentException("version is not " + FILE_VERSION);
        }
        final ValidatorKey key = of(base64(root, "private_key"), base64(root, "public_key"));
        if (!key.keyId.equals(root.path("key_id").textValue()))
        {
            throw new IllegalArgumentException("key_id does not match public_key (expected " + key.keyId + ")");
        }
        return key;
    }

    private static byte[] base64(final JsonNode root, final String name)
    {
        final String s = root.path(name).textValue();
        if (s == null)
        {
            throw new IllegalArgumentException(name + " is missing or not a string");
        }
        try
        {
            return Base64.getDecoder().decode(s);
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException(name + " is not base64");
        }
    }

    private static void requireOwnerOnly(final Path file)
    {
        final Set<PosixFilePermission> permissions;
        try
        {
            permissions = Files.getPosixFilePermissions(file);
        }
        catch (final UnsupportedOperationException e)
        {
            return;
        }
        catch (final IOException e)
        {
            throw SmallFiles.readProblem(file, e);
        }
        final Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(permissions);
        open.retainAll(GROUP_OR_OTHERS);
        if (!open.isEmpty())
        {
            throw new InputException(file, "group or others can access this validator key (" + PosixFilePermissions
                .toString(permissions) + "); it must be owner-only: chmod 600 " + file);
        }
    }

    private static void deleteQuietly(final Path file)
    {
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ignored)
        {
            // the write error is the one worth reporting
        }
    }

    /** First 16 hex characters of SHA-256 of the raw public key: a short label, not a proof of identity. */
    public String keyId()
    {
        return keyId;
    }

    /** The raw 32-byte public key (a copy). */
    public byte[] rawPublicKey()
    {
        return rawPublicKey.clone();
    }

    /** The raw public key in base64, as certificates carry it. */
    public String publicKeyBase64()
    {
        return Base64.getEncoder().encodeToString(rawPublicKey);
    }

    /** The Ed25519 signature (64 bytes) of a message. */
    public byte[] sign(final byte[] message)
    {
        try
        {
            return Ed25519.sign(privateKey, message);
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString()
    {
        return "ValidatorKey[" + keyId + "]";
    }
}

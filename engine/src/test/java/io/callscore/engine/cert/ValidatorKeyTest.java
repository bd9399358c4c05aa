package io.callscore.engine.cert;

import io.callscore.vcf.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorKeyTest
{
    @TempDir
    Path tmp;

    @Test
    void shouldCreateOwnerOnlyFileWhenInitialising() throws Exception
    {
        final Path file = tmp.resolve("keys/validator-key.json");
        ValidatorKey.init(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void shouldRefuseAndLeaveFileUnchangedWhenKeyFileExists() throws Exception
    {
        final Path file = tmp.resolve("validator-key.json");
        ValidatorKey.init(file);
        final byte[] before = Files.readAllBytes(file);
        final InputException e = assertThrows(InputException.class, () -> ValidatorKey.init(file));
        assertEquals(file + ": exists; refusing to overwrite a validator key", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void shouldLoadTheSameKeyWhenFileWasWrittenByInit()
    {
        final Path file = tmp.resolve("validator-key.json");
        final ValidatorKey written = ValidatorKey.init(file);
        final ValidatorKey loaded = ValidatorKey.load(file);
        assertEquals(written.keyId(), loaded.keyId());
        assertArrayEquals(written.rawPublicKey(), loaded.rawPublicKey());
        final byte[] message = "m".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(written.sign(message), loaded.sign(message));
    }

    @Test
    void shouldRefuseToLoadWhenGroupOrOthersCanReadTheFile() throws Exception
    {
        final Path file = tmp.resolve("validator-key.json");
        ValidatorKey.init(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        final InputException e = assertThrows(InputException.class, () -> ValidatorKey.load(file));
        assertTrue(e.getMessage().contains("group or others can access this validator key (rw-r--r--)"),
            e.getMessage());
        assertTrue(e.getMessage().endsWith("chmod 600 " + file), e.getMessage());
    }

    @Test
    void shouldDeriveKeyIdFromRawPublicKeyWhenKeyIsKnown()
    {
        final ValidatorKey key = TestKeys.first();
        assertEquals("21fe31dfa154a261", key.keyId());
        assertEquals("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", key.publicKeyBase64());
    }

    @Test
    void shouldRejectWhenPublicKeyIsNotThePrivateKeysOwn()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ValidatorKey.of(TestKeys.pkcs8(TestKeys.SEED_1), HexFormat.of().parseHex(TestKeys.PUBLIC_2)));
        assertEquals("public_key is not the public half of private_key", e.getMessage());
    }

    @Test
    void shouldRejectWithOneLineWhenKeyFileFieldsDisagree() throws Exception
    {
        final Path file = tmp.resolve("validator-key.json");
        final ValidatorKey key = ValidatorKey.init(file);
        final String text = Files.readString(file);
        final Path edited = ownerOnly("edited.json", text.replace(key.keyId(), "0000000000000000"));
        final InputException e = assertThrows(InputException.class, () -> ValidatorKey.load(edited));
        assertEquals(edited + ": not a valid callscore validator key file: key_id does not match public_key"
            + " (expected " + key.keyId() + ")", e.getMessage());
    }

    @Test
    void shouldRejectWithOneLineWhenFileIsNotAKeyFile() throws Exception
    {
        final Path notJson = ownerOnly("a.json", "not json at all\n");
        final InputException e1 = assertThrows(InputException.class, () -> ValidatorKey.load(notJson));
        assertTrue(e1.getMessage().startsWith(notJson + ": not a callscore validator key file (not JSON"),
            e1.getMessage());
        assertFalse(e1.getMessage().contains("\n"));
        final Path otherJson = ownerOnly("b.json", "{\"format\":\"something-else\"}");
        final InputException e2 = assertThrows(InputException.class, () -> ValidatorKey.load(otherJson));
        assertTrue(e2.getMessage().contains("\"format\" is not \"callscore-validator-key\""), e2.getMessage());
        final InputException e3 = assertThrows(InputException.class,
            () -> ValidatorKey.load(tmp.resolve("missing.json")));
        assertEquals(tmp.resolve("missing.json") + ": file not found", e3.getMessage());
    }

    private Path ownerOnly(final String name, final String text) throws Exception
    {
        final Path file = Files.writeString(tmp.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}

package io.callscore.cli;

import io.callscore.engine.cert.ValidatorKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysCommandTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int run(final String... args)
    {
        return CertCommandTest.commandLine(out, err).execute(args);
    }

    private void assertOneErrorLine(final String expectedStart)
    {
        CertCommandTest.assertOneErrorLine(err, expectedStart);
    }

    @Test
    void shouldCreateOwnerOnlyKeyAndRefuseToOverwriteWhenInitialisingTwice() throws Exception
    {
        final Path file = tmp.resolve("keys/validator-key.json");
        assertEquals(0, run("keys", "init", "--key", file.toString()), err.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        final String created = Files.readString(file);
        final String keyId = ValidatorKey.load(file).keyId();
        assertTrue(out.toString().contains("key id     " + keyId), out.toString());

        assertEquals(2, run("keys", "init", "--key", file.toString()));
        assertOneErrorLine(file + ": exists; refusing to overwrite a validator key");
        assertEquals(created, Files.readString(file));
    }

    @Test
    void shouldExitTwoWhenShowingAKeyOthersCanRead() throws Exception
    {
        final Path file = tmp.resolve("validator-key.json");
        ValidatorKey.init(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(2, run("keys", "show", "--key", file.toString()));
        assertOneErrorLine(file + ": group or others can access this validator key");
    }

    @Test
    void shouldPrintKeyIdAndPublicKeyWhenShowingAKey()
    {
        final Path file = tmp.resolve("validator-key.json");
        final ValidatorKey key = ValidatorKey.init(file);
        assertEquals(0, run("keys", "show", "--key", file.toString()), err.toString());
        assertEquals("key id     " + key.keyId() + "\npublic key " + key.publicKeyBase64(), out.toString().strip());
    }
}

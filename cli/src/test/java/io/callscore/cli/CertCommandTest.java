package io.callscore.cli;

import io.callscore.engine.cert.CertificateIssuer;
import io.callscore.engine.cert.CertificateStore;
import io.callscore.engine.cert.ScoreCertificate;
import io.callscore.engine.cert.Sha256;
import io.callscore.engine.cert.ValidatorKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertCommandTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private ValidatorKey key;
    private Path vcf;
    private Path cert;

    /** The command line as {@code callscore} builds it, with keys and cert added until it registers them itself. */
    static CommandLine commandLine(final StringWriter out, final StringWriter err)
    {
        final CommandLine cl = CallscoreCommand.newCommandLine();
        if (!cl.getSubcommands().containsKey("keys"))
        {
            cl.addSubcommand(new KeysCommand());
        }
        if (!cl.getSubcommands().containsKey("cert"))
        {
            cl.addSubcommand(new CertCommand());
        }
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl;
    }

    private int run(final String... args)
    {
        return commandLine(out, err).execute(args);
    }

    @BeforeEach
    void issueOne() throws Exception
    {
        key = ValidatorKey.generate();
        vcf = Files.writeString(tmp.resolve("calls.vcf"), "##fileformat=VCFv4.2\n");
        final ScoreCertificate.ClassMetrics m = new ScoreCertificate.ClassMetrics(9, 9, 1, 1, 0.9, 0.9, 0.9);
        final ScoreCertificate c = new CertificateIssuer(key, "callscore test",
            Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC)).issue("job-1",
            ScoreCertificate.Mode.USER, "minerA", Sha256.ofFile(vcf), new ScoreCertificate.Metrics(m, m, m), 0.9);
        cert = CertificateStore.inState(tmp.resolve("state")).write(c);
    }

    @Test
    void shouldExitZeroWithOneLineWhenCertificateAndVcfAreIntact()
    {
        final int rc = run("cert", "verify", cert.toString(), "--vcf", vcf.toString(), "--public-key",
            key.publicKeyBase64());
        assertEquals(0, rc, err.toString());
        assertEquals("ok: task job-1 (user), miner minerA, score 0.9, signed by key " + key.keyId()
            + " at 2026-03-01T12:00:00Z; VCF sha256 matches; trusted key", out.toString().strip());
    }

    @Test
    void shouldSayTheKeyWasNotCheckedWhenNoTrustedKeyIsGiven()
    {
        assertEquals(0, run("cert", "verify", cert.toString()), err.toString());
        assertTrue(out.toString().strip().endsWith("(key not checked against a trusted one: --public-key)"),
            out.toString());
    }

    @Test
    void shouldExitTwoWithOneLineWhenScoreIsTampered() throws Exception
    {
        Files.writeString(cert, Files.readString(cert).replace("\"score\":\"0.9\"", "\"score\":\"1.0\""));
        final int rc = run("cert", "verify", cert.toString());
        assertEquals(2, rc);
        assertOneErrorLine(cert + ": signature does not verify");
        assertEquals("", out.toString());
    }

    @Test
    void shouldExitTwoWithOneLineWhenVcfIsTampered() throws Exception
    {
        Files.writeString(vcf, "##fileformat=VCFv4.2\nchr1\t1\t.\tA\tG\t.\tPASS\t.\n");
        final int rc = run("cert", "verify", cert.toString(), "--vcf", vcf.toString());
        assertEquals(2, rc);
        assertOneErrorLine(cert + ": VCF " + vcf + " has sha256 ");
    }

    @Test
    void shouldExitTwoWhenSignedByAnotherKeyThanTheTrustedOne()
    {
        final int rc = run("cert", "verify", cert.toString(), "--public-key",
            ValidatorKey.generate().publicKeyBase64());
        assertEquals(2, rc);
        assertOneErrorLine(cert + ": signed by key " + key.keyId());
    }

    @Test
    void shouldExitTwoWithOneLineWhenFileIsNotACertificate() throws Exception
    {
        final Path notCert = Files.writeString(tmp.resolve("x.json"), "{\"hello\":1}");
        assertEquals(2, run("cert", "verify", notCert.toString()));
        assertOneErrorLine(notCert + ": hello: unknown field");
    }

    @Test
    void shouldPrintStoredCertificateWhenShowingAJob() throws Exception
    {
        final int rc = run("cert", "show", "--dir", tmp.resolve("state/certs").toString(), "--job", "job-1");
        assertEquals(0, rc, err.toString());
        assertEquals(Files.readString(cert), out.toString());
    }

    @Test
    void shouldExitTwoWhenJobHasNoCertificate()
    {
        assertEquals(2, run("cert", "show", "--dir", tmp.resolve("state/certs").toString(), "--job", "job-2"));
        assertOneErrorLine(tmp.resolve("state/certs") + ": no certificate for job job-2");
    }

    private void assertOneErrorLine(final String expectedStart)
    {
        assertOneErrorLine(err, expectedStart);
    }

    static void assertOneErrorLine(final StringWriter err, final String expectedStart)
    {
        final String message = err.toString().strip();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith("callscore: error: " + expectedStart), message);
    }
}

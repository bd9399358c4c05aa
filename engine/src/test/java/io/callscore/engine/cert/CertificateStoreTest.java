package io.callscore.engine.cert;

import io.callscore.vcf.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.callscore.engine.cert.CertificateGoldenTest.goldenCertificate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateStoreTest
{
    @TempDir
    Path state;

    @Test
    void shouldWriteOneCanonicalLineUnderTaskAndHotkeyWhenStoring() throws Exception
    {
        final CertificateStore store = CertificateStore.inState(state);
        final Path file = store.write(goldenCertificate());
        assertEquals(state.resolve("certs/task-0001/5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY.json"), file);
        assertEquals(goldenCertificate().toJson() + "\n", Files.readString(file));
        assertEquals(goldenCertificate(), store.find("task-0001", goldenCertificate().minerHotkey()).orElseThrow());
    }

    @Test
    void shouldFindEveryMinersCertificateInHotkeyOrderWhenAskedByJobId()
    {
        final CertificateStore store = CertificateStore.inState(state);
        final CertificateIssuer issuer = new CertificateIssuer(TestKeys.first(), "callscore test",
            Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));
        final ScoreCertificate.Metrics metrics = goldenCertificate().metrics();
        for (final String hotkey : List.of("minerC", "minerA", "minerB"))
        {
            store.write(issuer.issue("job-7", ScoreCertificate.Mode.USER, hotkey, CertificateGoldenTest.VCF_SHA256,
                metrics, 0.5));
        }
        store.write(issuer.issue("job-8", ScoreCertificate.Mode.USER, "minerA", CertificateGoldenTest.VCF_SHA256,
            metrics, 0.5));
        assertEquals(List.of("minerA", "minerB", "minerC"),
            store.forTask("job-7").stream().map(ScoreCertificate::minerHotkey).toList());
        assertEquals(List.of(), store.forTask("job-9"));
        assertTrue(store.find("job-8", "minerB").isEmpty());
    }

    @Test
    void shouldRefuseAndKeepTheFirstWhenCertificateIsAlreadyStored() throws Exception
    {
        final CertificateStore store = CertificateStore.inState(state);
        final Path file = store.write(goldenCertificate());
        final ScoreCertificate later = goldenCertificate().withSignature(null);
        final ScoreCertificate resigned = new CertificateIssuer(TestKeys.second(), "callscore test",
            Clock.systemUTC()).issue(later.taskId(), later.mode(), later.minerHotkey(), later.vcfSha256(),
            later.metrics(), 0.99);
        final InputException e = assertThrows(InputException.class, () -> store.write(resigned));
        assertTrue(e.getMessage().endsWith("certificates are never replaced"), e.getMessage());
        assertEquals(goldenCertificate().toJson() + "\n", Files.readString(file));
        try (var listing = Files.list(file.getParent()))
        {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }

    @Test
    void shouldRejectIdsThatCouldLeaveTheFolderWhenLookingUp()
    {
        final CertificateStore store = CertificateStore.inState(state);
        for (final String id : List.of("../x", "a/b", ".hidden", "", "..", "sp ace"))
        {
            final InputException e = assertThrows(InputException.class, () -> store.forTask(id));
            assertTrue(e.getMessage().contains("cannot name a certificate file"), e.getMessage());
        }
    }
}

package io.callscore.engine.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandTransportTest
{
    @TempDir
    Path dir;

    private MinerResponse run(final String script, final Duration timeout, final long maxBytes) throws Exception
    {
        final Path task = dir.resolve("task.json");
        Files.writeString(task, "{\"task_id\":\"t\"}");
        return new CommandTransport(List.of("bash", "-c", script, "miner", "{task}", "{out}"), timeout, maxBytes)
            .fetch(task, "{}", dir.resolve("out.vcf"));
    }

    @Test
    void shouldReturnTheVcfTheProgramWroteToTheOutputPath() throws Exception
    {
        final MinerResponse r = run("test -f \"$1\" && printf '##fileformat=VCFv4.2\\n' > \"$2\"", Duration.ofSeconds(10),
            1000);
        assertEquals(MinerResponse.Status.OK, r.status(), r.reason());
        assertEquals("##fileformat=VCFv4.2\n", Files.readString(r.vcf()));
        assertEquals(21, r.bytes());
    }

    @Test
    void shouldAppendTaskAndOutputWhenTheCommandHasNoPlaceholders() throws Exception
    {
        final Path task = dir.resolve("task.json");
        Files.writeString(task, "{}");
        final MinerResponse r = new CommandTransport(List.of("bash", "-c", "echo ok > \"$2\"", "miner"),
            Duration.ofSeconds(10), 100).fetch(task, "{}", dir.resolve("out.vcf"));
        assertEquals(MinerResponse.Status.OK, r.status(), r.reason());
    }

    @Test
    void shouldKillAProgramThatMissesTheDeadline() throws Exception
    {
        final MinerResponse r = run("sleep 30", Duration.ofMillis(300), 1000);
        assertEquals(MinerResponse.Status.TIMEOUT, r.status());
        assertTrue(r.reason().contains("killed"), r.reason());
    }

    @Test
    void shouldReportExitCodeAndStderrOfAFailingProgram() throws Exception
    {
        final MinerResponse r = run("echo 'out of memory' >&2; exit 3", Duration.ofSeconds(10), 1000);
        assertEquals(MinerResponse.Status.FAILED, r.status());
        assertEquals("miner exited with code 3: out of memory", r.reason());
    }

    @Test
    void shouldRefuseOutputOverTheCap() throws Exception
    {
        final MinerResponse r = run("head -c 5000 /dev/zero > \"$2\"", Duration.ofSeconds(10), 1000);
        assertEquals(MinerResponse.Status.TOO_LARGE, r.status());
        // Seen while the miner runs (the watch kills it) or once it has exited: both name the cap.
        assertTrue(r.reason().contains("cap of 1000"), r.reason());
    }

    @Test
    void shouldKillAMinerWhoseOutputPassesTheCapWhileItRuns() throws Exception
    {
        // Writes without end; the cap must stop it long before the 20 s timeout.
        final MinerResponse r = run("cat /dev/zero > \"$2\"", Duration.ofSeconds(20), 1 << 20);
        assertEquals(MinerResponse.Status.TOO_LARGE, r.status(), r.reason());
        assertTrue(r.reason().contains("while the miner ran (killed)"), r.reason());
        assertTrue(r.elapsedMs() < 15_000, "stopped by the cap, not the timeout: " + r.elapsedMs());
        assertTrue(!Files.exists(dir.resolve("out.vcf")));
    }

    @Test
    void shouldFailWhenNoVcfIsWritten() throws Exception
    {
        final MinerResponse r = run("true", Duration.ofSeconds(10), 1000);
        assertEquals(MinerResponse.Status.FAILED, r.status());
        assertEquals("miner wrote no VCF", r.reason());
    }
}

package io.callscore.engine.transport;

import io.callscore.engine.miner.adversary.HugeMiner;
import io.callscore.engine.miner.adversary.SlowMiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InProcessTransportTest
{
    @TempDir
    Path dir;

    private MinerResponse fetch(final InProcessMiner miner, final Duration timeout, final long cap) throws IOException
    {
        final Path task = dir.resolve("task.json");
        Files.writeString(task, "{}");
        return new InProcessTransport("test", miner, timeout, cap).fetch(task, "{}", dir.resolve("calls.vcf"));
    }

    @Test
    void shouldKeepTheAnswerWhenTheMinerReturnsInTime() throws Exception
    {
        final MinerResponse r = fetch((task, work, out) ->
        {
            assertEquals(dir, work);
            out.write("##fileformat=VCFv4.2\n".getBytes(StandardCharsets.US_ASCII));
        }, Duration.ofSeconds(30), 1000);
        assertEquals(MinerResponse.Status.OK, r.status(), r.reason());
        assertEquals("##fileformat=VCFv4.2\n", Files.readString(r.vcf()));
        assertEquals(21, r.bytes());
        assertFalse(Files.exists(dir.resolve("calls.vcf.part")));
    }

    @Test
    void shouldInterruptTheMinerAndReportATimeoutWhenTheDeadlinePasses() throws Exception
    {
        final SlowMiner slow = new SlowMiner("HK", Duration.ofHours(1));
        final MinerResponse r = fetch(slow, Duration.ofMillis(200), 1000);
        assertEquals(MinerResponse.Status.TIMEOUT, r.status());
        assertTrue(r.reason().startsWith("no answer within"), r.reason());
        assertFalse(Files.exists(dir.resolve("calls.vcf")), "no answer is kept");
        while (slow.interruptions() == 0)
        {
            Thread.sleep(10); // the interrupt reaches the miner's thread; the test times out if it never does
        }
        assertEquals(1, slow.interruptions());
    }

    @Test
    void shouldStopAnEndlessWriterAtTheCapAndKeepNothing() throws Exception
    {
        final MinerResponse r = fetch(new HugeMiner("HK", HugeMiner.Mode.STREAM, 0), Duration.ofMinutes(2), 1 << 20);
        assertEquals(MinerResponse.Status.TOO_LARGE, r.status(), r.reason());
        assertFalse(Files.exists(dir.resolve("calls.vcf")));
        assertFalse(Files.exists(dir.resolve("calls.vcf.part")));
    }

    @Test
    void shouldRefuseAnAnswerOverTheCapEvenWhenTheMinerIgnoresTheError() throws Exception
    {
        final MinerResponse r = fetch((task, work, out) ->
        {
            try
            {
                out.write(new byte[5000]);
                out.flush();
            }
            catch (final IOException ignored)
            {
                // A miner that swallows the cap's error and returns as if all was well.
            }
        }, Duration.ofSeconds(30), 1000);
        assertEquals(MinerResponse.Status.TOO_LARGE, r.status(), r.reason());
    }

    @Test
    void shouldReportAFailureWithItsCauseWhenTheMinerThrows() throws Exception
    {
        final MinerResponse r = fetch((task, work, out) ->
        {
            throw new IllegalStateException("no reads");
        }, Duration.ofSeconds(30), 1000);
        assertEquals(MinerResponse.Status.FAILED, r.status());
        assertTrue(r.reason().contains("no reads"), r.reason());
        assertFalse(Files.exists(dir.resolve("calls.vcf")));
    }
}

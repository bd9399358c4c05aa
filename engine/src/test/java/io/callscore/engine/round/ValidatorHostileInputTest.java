package io.callscore.engine.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.transport.HttpTransport;
import io.callscore.store.ClaimCounts;
import io.callscore.store.MinerStateFile;
import io.callscore.store.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPOutputStream;

import static io.callscore.engine.round.RoundFixture.HONEST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5, item 7: hostile responses inside real rounds. Each scores 0 with a one-line reason, the round goes on,
 * and nothing in the store is lost.
 */
class ValidatorHostileInputTest
{
    private static final int MIB = 1 << 20;
    private static final long TEXT_CAP = 4L * MIB;
    private static final int ROUNDS = 2;

    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopServer()
    {
        release.countDown();
        if (server != null)
        {
            server.stop(0);
        }
    }

    @Test
    void shouldScoreEveryHostileResponseZeroWithAReasonAndCommitEveryRoundWhenMinersMisbehave() throws Exception
    {
        final Path pool = RoundFixture.buildPool(dir.resolve("pool"), 40, 17);
        final Path state = dir.resolve("state");
        final Path files = Files.createDirectories(dir.resolve("hostile"));
        final URI base = startHttpMiners();

        final Map<Integer, String> expected = new HashMap<>();
        final List<MinerEntry> miners = new ArrayList<>();
        miners.add(RoundFixture.honest(0, HONEST));
        expected.put(0, "");

        final String bomb = RoundFixture.hotkey(1);
        gzipBomb(files.resolve("bomb.gz"), bomb, 32 * MIB);
        miners.add(copying(1, bomb, files.resolve("bomb.gz")));
        expected.put(1, "bad VCF: more than " + TEXT_CAP + " bytes of text (after decompression)");

        final String endless = RoundFixture.hotkey(2);
        endlessLine(files.resolve("endless.gz"), 16 * MIB);
        miners.add(copying(2, endless, files.resolve("endless.gz")));
        expected.put(2, "bad VCF: line longer than 65536 bytes (line 1)");

        final String junk = RoundFixture.hotkey(3);
        binaryJunk(files.resolve("junk.vcf"), junk);
        miners.add(copying(3, junk, files.resolve("junk.vcf")));
        expected.put(3, "bad VCF: POS is not a positive whole number: '?[31m?[2J??");

        final String crash = RoundFixture.hotkey(4);
        miners.add(RoundFixture.scripted(4, crash, "echo 'Segmentation fault (core dumped)' >&2; exit 1",
            Duration.ofSeconds(20), MIB));
        expected.put(4, "failed: miner exited with code 1: Segmentation fault (core dumped)");

        final String huge = RoundFixture.hotkey(5);
        miners.add(RoundFixture.scripted(5, huge, "head -c 3145728 /dev/zero > \"$2\"", Duration.ofSeconds(20), MIB));
        // Over the cap while it runs (the transport's watch kills it) or once it has exited: either says so.
        expected.put(5, "too_large: VCF ");

        final String hang = RoundFixture.hotkey(6);
        miners.add(new MinerEntry(6, hang, new HttpTransport(base.resolve("/hang"), Duration.ofSeconds(2),
            Duration.ofSeconds(1), MIB), 7));
        expected.put(6, "timeout: "); // the request timer or the overall wait, whichever fires first

        final String flood = RoundFixture.hotkey(7);
        miners.add(new MinerEntry(7, flood, new HttpTransport(base.resolve("/flood"), Duration.ofSeconds(2),
            Duration.ofSeconds(20), MIB), 8));
        expected.put(7, "too_large: response over the cap of " + MIB + " bytes");

        final RoundSettings settings = RoundSettings.defaults().withSeed(5).withMaxVcfTextBytes(TEXT_CAP);
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (TaskSource tasks = TaskSource.open(pool);
             MinerStateFile minerState = MinerStateFile.create(state, 16, 16);
             Validator v = new Validator(tasks, minerState, state, miners, settings, new PrintStream(log),
                 Clock.systemUTC()))
        {
            for (int round = 1; round <= ROUNDS; round++)
            {
                final Validator.RoundOutcome outcome = v.runRound();
                assertEquals(round, outcome.round());
                assertEquals(miners.size(), outcome.results().size(), "every miner was queried and answered for");
                for (final Validator.Result r : outcome.results())
                {
                    final String want = expected.get(r.miner().uid());
                    final String reason = r.score().reason();
                    System.out.println("round " + round + " uid " + r.miner().uid() + ": " + reason);
                    if (r.miner().uid() == 0)
                    {
                        assertEquals(1.0, r.score().score(), 1e-12, reason);
                    }
                    else
                    {
                        assertEquals(0.0, r.score().score(), "uid " + r.miner().uid());
                        assertTrue(reason.startsWith(want), "uid " + r.miner().uid() + ": " + reason);
                        assertTrue(reason.length() <= TaskScore.MAX_REASON_CHARS + 3, reason);
                        assertTrue(reason.chars().allMatch(c -> c >= 0x20 && (c < 0x7f || c >= 0xa0)),
                            "no control characters reach the record or the terminal: " + reason);
                    }
                }
                assertArrayEquals(new int[] {0}, outcome.weights().uids(), "only the honest miner earns weight");
                assertEquals(round, minerState.committedRound());
            }
        }

        try (MinerStateFile s = MinerStateFile.open(state))
        {
            assertEquals(ROUNDS, s.committedRound());
            assertEquals(1 - Math.pow(0.9, ROUNDS), s.ema(0), 1e-12);
            for (int uid = 1; uid < miners.size(); uid++)
            {
                assertEquals(0.0, s.ema(uid), "uid " + uid);
                assertEquals(ROUNDS, s.recentScoreCount(uid), "uid " + uid + ": its zero scores were recorded");
                assertEquals(miners.get(uid).hotkey(), s.hotkey(uid));
            }
        }
        final ObjectMapper json = new ObjectMapper();
        final List<String> lines = Files.readAllLines(state.resolve(RoundJournal.FILE_NAME));
        assertEquals(ROUNDS, lines.size());
        for (final String line : lines)
        {
            for (final JsonNode r : json.readTree(line).path("results"))
            {
                assertEquals(r.path("uid").asInt() == 0, r.path("reason").asText().isEmpty(), r.toString());
            }
        }
        try (Pool p = Pool.open(pool))
        {
            final ClaimCounts counts = p.claims().counts(System.currentTimeMillis());
            assertEquals(ROUNDS * miners.size(), counts.scored(), "every claimed task is scored, none lost");
            assertEquals(40 - ROUNDS * miners.size(), counts.available());
        }
    }

    /** An HTTP miner that never answers (/hang) and one that sends an endless body (/flood), on 127.0.0.1. */
    private URI startHttpMiners() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hang", exchange ->
        {
            try
            {
                release.await();
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/flood", exchange ->
        {
            exchange.sendResponseHeaders(200, 0);
            final byte[] block = "window\t1\t.\tA\tC\t50\tPASS\t.\tGT\t0/1\n".repeat(1000)
                .getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody())
            {
                for (int i = 0; i < 100_000; i++)
                {
                    out.write(block);
                }
            }
            catch (final IOException e)
            {
                // the validator hung up at its cap
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r ->
        {
            final Thread t = new Thread(r, "hostile-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** A command miner that copies a prepared file as its answer. */
    private static MinerEntry copying(final int uid, final String hotkey, final Path file)
    {
        return RoundFixture.scripted(uid, hotkey, "cp '" + file + "' \"$2\"", Duration.ofSeconds(20), MIB);
    }

    /** A small gzip file with a valid hotkey header that expands to {@code textBytes} of short header lines. */
    private static void gzipBomb(final Path file, final String hotkey, final int textBytes) throws IOException
    {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16))
        {
            out.write(("##fileformat=VCFv4.2\n##miner_hotkey=" + hotkey + "\n").getBytes(StandardCharsets.US_ASCII));
            final byte[] lines = "##x\n".repeat(1 << 14).getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < textBytes; written += lines.length)
            {
                out.write(lines);
            }
        }
        assertTrue(Files.size(file) < MIB, "the bomb is small on the wire: " + Files.size(file));
    }

    /** A small gzip file whose first line is {@code length} bytes long and never ends. */
    private static void endlessLine(final Path file, final int length) throws IOException
    {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16))
        {
            final byte[] block = new byte[1 << 16];
            java.util.Arrays.fill(block, (byte)'#');
            for (int written = 0; written < length; written += block.length)
            {
                out.write(block);
            }
        }
    }

    /** A valid header, then an escape sequence and random bytes (NULs, high bytes, stray tabs and newlines). */
    private static void binaryJunk(final Path file, final String hotkey) throws IOException
    {
        final byte[] junk = new byte[64 << 10];
        new SplittableRandom(3).nextBytes(junk);
        try (OutputStream out = Files.newOutputStream(file))
        {
            out.write(("##fileformat=VCFv4.2\n##miner_hotkey=" + hotkey
                + "\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n").getBytes(StandardCharsets.US_ASCII));
            // A terminal escape sequence (red text, clear screen) where POS should be, then noise.
            out.write("window\t\u001b[31m\u001b[2J\u0000\r".getBytes(StandardCharsets.ISO_8859_1));
            out.write(junk);
        }
    }
}

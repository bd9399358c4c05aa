package io.callscore.engine.transport;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpTransportTest
{
    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicReference<String> received = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception
    {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", ex ->
        {
            received.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            final byte[] vcf = "##fileformat=VCFv4.2\n".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, vcf.length);
            try (OutputStream os = ex.getResponseBody())
            {
                os.write(vcf);
            }
        });
        server.createContext("/slow", ex ->
        {
            try
            {
                Thread.sleep(3_000);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.createContext("/huge", ex ->
        {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream os = ex.getResponseBody())
            {
                final byte[] chunk = new byte[8192];
                for (int i = 0; i < 64; i++)
                {
                    os.write(chunk);
                }
            }
            catch (final java.io.IOException e)
            {
                // the client hung up after the cap: expected
            }
        });
        server.createContext("/error", ex ->
        {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop()
    {
        server.stop(0);
    }

    private MinerResponse fetch(final String path, final long maxBytes)
    {
        return fetch(path, maxBytes, Duration.ofSeconds(10));
    }

    /** A long read timeout by default: the first request of a JVM pays for loading the HTTP client's classes. */
    private MinerResponse fetch(final String path, final long maxBytes, final Duration readTimeout)
    {
        final URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new HttpTransport(url, Duration.ofSeconds(2), readTimeout, maxBytes)
            .fetch(dir.resolve("task.json"), "{\"task_id\":\"abc\"}", dir.resolve("out.vcf"));
    }

    @Test
    void shouldPostTheTaskAndSaveTheReturnedVcf() throws Exception
    {
        final MinerResponse r = fetch("/ok", 1000);
        assertEquals(MinerResponse.Status.OK, r.status(), r.reason());
        assertEquals("{\"task_id\":\"abc\"}", received.get());
        assertEquals("##fileformat=VCFv4.2\n", Files.readString(r.vcf()));
    }

    @Test
    void shouldTimeOutASlowMiner()
    {
        assertEquals(MinerResponse.Status.TIMEOUT, fetch("/slow", 1000, Duration.ofMillis(800)).status());
    }

    @Test
    void shouldCutOffAResponseOverTheCap()
    {
        final MinerResponse r = fetch("/huge", 100_000);
        assertEquals(MinerResponse.Status.TOO_LARGE, r.status(), r.reason());
        assertTrue(!Files.exists(dir.resolve("out.vcf")));
    }

    @Test
    void shouldFailOnAnErrorStatus()
    {
        final MinerResponse r = fetch("/error", 1000);
        assertEquals(MinerResponse.Status.FAILED, r.status());
        assertEquals("HTTP status 500", r.reason());
    }

    @Test
    void shouldFailWhenNobodyListens()
    {
        final int port = server.getAddress().getPort();
        server.stop(0);
        final MinerResponse r = new HttpTransport(URI.create("http://127.0.0.1:" + port + "/ok"), Duration.ofSeconds(1),
            Duration.ofSeconds(1), 1000).fetch(dir.resolve("t.json"), "{}", dir.resolve("out.vcf"));
        assertTrue(r.status() != MinerResponse.Status.OK);
    }
}

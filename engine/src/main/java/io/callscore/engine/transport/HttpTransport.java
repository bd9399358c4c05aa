package io.callscore.engine.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A miner behind HTTP: the task JSON is POSTed to its URL and the response body (status 200) is the VCF, plain or
 * gzip. Connect and overall read timeouts apply; a body over the cap is cut off and refused.
 */
public final class HttpTransport implements MinerTransport
{
    private final URI url;
    private final Duration readTimeout;
    private final long maxBytes;
    private final HttpClient client;

    public HttpTransport(final URI url, final Duration connectTimeout, final Duration readTimeout, final long maxBytes)
    {
        this.url = url;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    @Override
    public MinerResponse fetch(final Path taskJson, final String taskJsonText, final Path outVcf)
    {
        final long start = System.nanoTime();
        final HttpRequest request = HttpRequest.newBuilder(url)
            .timeout(readTimeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(taskJsonText))
            .build();
        final CompletableFuture<MinerResponse> exchange = client
            .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
            .thenApply(response -> receive(response, outVcf, start));
        try
        {
            return exchange.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException e)
        {
            exchange.cancel(true);
            return MinerResponse.failed(MinerResponse.Status.TIMEOUT,
                "no complete answer within " + readTimeout.toSeconds() + " s", elapsed(start));
        }
        catch (final ExecutionException e)
        {
            final Throwable cause = e.getCause() == null ? e : e.getCause();
            final boolean timedOut = cause instanceof java.net.http.HttpTimeoutException;
            return MinerResponse.failed(timedOut ? MinerResponse.Status.TIMEOUT : MinerResponse.Status.FAILED,
                (timedOut ? "timed out: " : "request failed: ") + cause, elapsed(start));
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return MinerResponse.failed(MinerResponse.Status.FAILED, "interrupted", elapsed(start));
        }
    }

    private MinerResponse receive(final HttpResponse<InputStream> response, final Path outVcf, final long start)
    {
        try (InputStream body = response.body())
        {
            if (response.statusCode() != 200)
            {
                return MinerResponse.failed(MinerResponse.Status.FAILED, "HTTP status " + response.statusCode(),
                    elapsed(start));
            }
            long total = 0;
            final byte[] buffer = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(outVcf))
            {
                int n;
                while ((n = body.read(buffer)) > 0)
                {
                    total += n;
                    if (total > maxBytes)
                    {
                        out.close();
                        Files.deleteIfExists(outVcf);
                        return MinerResponse.failed(MinerResponse.Status.TOO_LARGE,
                            "response over the cap of " + maxBytes + " bytes", elapsed(start));
                    }
                    out.write(buffer, 0, n);
                }
            }
            return MinerResponse.ok(outVcf, elapsed(start), total);
        }
        catch (final IOException e)
        {
            return MinerResponse.failed(MinerResponse.Status.FAILED, "reading the response failed: " + e.getMessage(),
                elapsed(start));
        }
    }

    private static long elapsed(final long start)
    {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public String describe()
    {
        return "http " + url;
    }
}

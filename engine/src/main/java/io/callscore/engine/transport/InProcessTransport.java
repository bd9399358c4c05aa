package io.callscore.engine.transport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an {@link InProcessMiner} on a thread of its own with the rules of the other transports: a deadline (the
 * miner is interrupted and its output refused when it passes), a cap on the bytes it may write (the write that
 * crosses it throws, so an endless writer is stopped without the bytes being kept anywhere), and no partial VCF:
 * the answer is written beside {@code outVcf} and moved into place only when the miner returns in time.
 */
public final class InProcessTransport implements MinerTransport
{
    private final String name;
    private final InProcessMiner miner;
    private final Duration timeout;
    private final long maxBytes;

    public InProcessTransport(final String name, final InProcessMiner miner, final Duration timeout,
        final long maxBytes)
    {
        this.name = name;
        this.miner = miner;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public MinerResponse fetch(final Path taskJson, final String taskJsonText, final Path outVcf)
    {
        final long start = System.nanoTime();
        final Path partial = outVcf.resolveSibling(outVcf.getFileName() + ".part");
        final CappedOutputStream out;
        try
        {
            Files.deleteIfExists(outVcf);
            out = new CappedOutputStream(Files.newOutputStream(partial), maxBytes);
        }
        catch (final IOException e)
        {
            return MinerResponse.failed(MinerResponse.Status.FAILED, "cannot open the answer file: "
                + e.getMessage(), elapsed(start));
        }
        final FutureTask<Void> task = new FutureTask<>(() ->
        {
            try (OutputStream buffered = new BufferedOutputStream(out, 1 << 16))
            {
                miner.answer(taskJson, outVcf.getParent(), buffered);
            }
            return null;
        });
        final Thread thread = Thread.ofPlatform().daemon().name("miner-" + name).unstarted(task);
        thread.start();
        try
        {
            task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            out.close();
            if (out.exceeded())
            {
                return tooLarge(partial, start);
            }
            final long size = Files.size(partial);
            Files.move(partial, outVcf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return MinerResponse.ok(outVcf, elapsed(start), size);
        }
        catch (final TimeoutException e)
        {
            abandon(task, out, partial);
            return MinerResponse.failed(MinerResponse.Status.TIMEOUT, "no answer within " + timeout.toSeconds()
                + " s (interrupted)", elapsed(start));
        }
        catch (final ExecutionException e)
        {
            abandon(task, out, partial);
            if (out.exceeded())
            {
                return tooLarge(partial, start);
            }
            final Throwable cause = e.getCause() == null ? e : e.getCause();
            return MinerResponse.failed(MinerResponse.Status.FAILED, "miner failed: " + cause, elapsed(start));
        }
        catch (final IOException e)
        {
            abandon(task, out, partial);
            return MinerResponse.failed(MinerResponse.Status.FAILED, "cannot keep the answer: " + e.getMessage(),
                elapsed(start));
        }
        catch (final InterruptedException e)
        {
            abandon(task, out, partial);
            Thread.currentThread().interrupt();
            return MinerResponse.failed(MinerResponse.Status.FAILED, "interrupted", elapsed(start));
        }
    }

    private MinerResponse tooLarge(final Path partial, final long start)
    {
        deleteQuietly(partial);
        return MinerResponse.failed(MinerResponse.Status.TOO_LARGE, "VCF over the cap of " + maxBytes
            + " bytes (stopped while writing)", elapsed(start));
    }

    /** Interrupts the miner, refuses any further write, and removes what it wrote. */
    private static void abandon(final FutureTask<Void> task, final CappedOutputStream out, final Path partial)
    {
        task.cancel(true);
        out.abandon();
        deleteQuietly(partial);
    }

    private static void deleteQuietly(final Path file)
    {
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException e)
        {
            // A leftover partial answer is never read: the response says it failed.
        }
    }

    private static long elapsed(final long start)
    {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public String describe()
    {
        return "in-process " + name;
    }

    /**
     * Counts what goes through; the write that would pass the cap throws instead, and so does every write after
     * {@link #abandon()}. The file is closed once, by whichever side gets there first.
     */
    static final class CappedOutputStream extends OutputStream
    {
        private final OutputStream out;
        private final long cap;
        private long written;
        private volatile boolean exceeded;
        private volatile boolean abandoned;
        private boolean closed;

        CappedOutputStream(final OutputStream out, final long cap)
        {
            this.out = out;
            this.cap = cap;
        }

        @Override
        public void write(final int b) throws IOException
        {
            check(1);
            out.write(b);
            written++;
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException
        {
            check(len);
            out.write(b, off, len);
            written += len;
        }

        private void check(final int len) throws IOException
        {
            if (abandoned)
            {
                throw new IOException("the answer was abandoned (deadline passed)");
            }
            if (written + len > cap)
            {
                exceeded = true;
                throw new IOException("answer over the cap of " + cap + " bytes");
            }
        }

        @Override
        public void flush() throws IOException
        {
            if (!abandoned)
            {
                out.flush();
            }
        }

        @Override
        public synchronized void close() throws IOException
        {
            if (!closed)
            {
                closed = true;
                out.close();
            }
        }

        void abandon()
        {
            abandoned = true;
            try
            {
                close();
            }
            catch (final IOException e)
            {
                // The answer is thrown away; nothing to keep.
            }
        }

        boolean exceeded()
        {
            return exceeded;
        }
    }
}

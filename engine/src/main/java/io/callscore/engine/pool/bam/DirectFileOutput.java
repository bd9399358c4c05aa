package io.callscore.engine.pool.bam;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A file a pool build writes and never reads back (task BAMs, reference slices), written with direct I/O
 * ({@code O_DIRECT}) where the file system allows it. On the machines measured, copying gigabytes of task files
 * through the page cache cost more CPU than a tenth of the build (docs/performance.md, "Pool build").
 * <p>
 * Bytes gather in a 1 MiB direct buffer aligned to {@value #ALIGN} bytes and go out in whole aligned chunks; a tail
 * shorter than that waits at the front of the other buffer for the next chunk. {@link #close} pads the last chunk
 * and cuts the file back to its length. A file system that refuses direct I/O (tmpfs, for one) gets ordinary
 * writes, and so does everything with {@code -D}{@value #PROPERTY}{@code =false}. Not thread-safe.
 * <p>
 * A direct write waits for the device, so a full buffer is written by a shared I/O thread while the caller fills
 * the other one: the worker keeps compressing instead of leaving its core idle (with two workers on two cores,
 * waiting on writes had cost a tenth of the wall time). At most one write per file is in flight.
 * <pre>
 *   caller:  fill A | fill B          | fill A ...      (waits only if A's write has not finished)
 *   I/O:             write A to file  | write B to file
 * </pre>
 */
public final class DirectFileOutput implements Closeable
{
    /** System property that turns direct I/O off when set to {@code false}. */
    public static final String PROPERTY = "callscore.directIo";

    /** Buffer address, file offset and length alignment of direct writes (a multiple of any logical block size). */
    private static final int ALIGN = 4096;
    private static final int BUFFER = 1 << 20;

    /** Daemon threads that only wait on the device; each write is one positional write of up to 1 MiB. */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r ->
    {
        final Thread t = new Thread(r, "direct-write");
        t.setDaemon(true);
        return t;
    });

    /**
     * Buffers of closed files, for the next ones: a build opens four files per window, and fresh direct buffers
     * would be zeroed and then wait for a collection to be freed. Holds at most two per file open at once.
     */
    private static final ConcurrentLinkedQueue<ByteBuffer> FREE = new ConcurrentLinkedQueue<>();

    private final FileChannel channel;
    private final boolean direct;
    /** The buffer being filled. */
    private ByteBuffer out = buffer();
    /** The buffer being written, or the next one to fill once {@link #writing} is done. */
    private ByteBuffer spare = buffer();
    private Future<?> writing;
    /** File offset of the next chunk. */
    private long written;
    private boolean closed;

    /** Creates (or truncates) {@code file}. */
    public DirectFileOutput(final Path file) throws IOException
    {
        FileChannel opened = null;
        if (!"false".equalsIgnoreCase(System.getProperty(PROPERTY)))
        {
            try
            {
                opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, ExtendedOpenOption.DIRECT);
            }
            catch (final IOException | UnsupportedOperationException | IllegalArgumentException e)
            {
                // This file system or platform has no direct I/O: write through the page cache.
            }
        }
        this.direct = opened != null;
        this.channel = opened != null ? opened : FileChannel.open(file, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Whether the file is written with direct I/O. */
    public boolean direct()
    {
        return direct;
    }

    /** The buffer, with room for at least {@code bytes} more (at most 1 MiB - 4 KiB): put them at its position. */
    public ByteBuffer reserve(final int bytes) throws IOException
    {
        if (out.remaining() < bytes)
        {
            drain();
        }
        return out;
    }

    /** Appends bytes. */
    public void write(final byte[] b, final int off, final int len) throws IOException
    {
        int at = off;
        int left = len;
        while (left > 0)
        {
            if (!out.hasRemaining())
            {
                drain();
            }
            final int n = Math.min(left, out.remaining());
            out.put(b, at, n);
            at += n;
            left -= n;
        }
    }

    /** Appends one byte. */
    public void write(final byte b) throws IOException
    {
        if (!out.hasRemaining())
        {
            drain();
        }
        out.put(b);
    }

    /**
     * Hands the buffer's whole aligned chunks (everything when not direct) to the I/O thread and goes on with the
     * other buffer, the unaligned tail moved to its front.
     */
    private void drain() throws IOException
    {
        final int length = out.position();
        final int aligned = direct ? length & -ALIGN : length;
        awaitWrite();
        spare.clear();
        if (aligned < length)
        {
            spare.put(0, out, aligned, length - aligned);
        }
        spare.position(length - aligned);
        final ByteBuffer filled = out;
        final ByteBuffer chunk = filled.slice(0, aligned);
        final long at = written;
        written += aligned;
        writing = WRITERS.submit(() ->
        {
            writeFully(chunk, at);
            return null;
        });
        out = spare;
        spare = filled;
    }

    /** The last chunk, padded when direct, written at once; then the file is cut back to its length. */
    private void drainLast() throws IOException
    {
        awaitWrite();
        final int length = out.position();
        final int aligned = direct ? (length + ALIGN - 1) & -ALIGN : length;
        for (int i = length; i < aligned; i++)
        {
            out.put(i, (byte)0);
        }
        writeFully(out.slice(0, aligned), written);
        written += length;
        if (aligned != length)
        {
            channel.truncate(written);
        }
    }

    private void writeFully(final ByteBuffer chunk, final long at) throws IOException
    {
        long position = at;
        while (chunk.hasRemaining())
        {
            position += channel.write(chunk, position);
        }
    }

    /** Waits for the write in flight, if any; its failure is this call's. */
    private void awaitWrite() throws IOException
    {
        if (writing == null)
        {
            return;
        }
        boolean interrupted = false;
        try
        {
            while (true)
            {
                try
                {
                    writing.get();
                    return;
                }
                catch (final InterruptedException e)
                {
                    // The write cannot be abandoned half-way (its buffer is reused next): finish waiting.
                    interrupted = true;
                }
            }
        }
        catch (final ExecutionException e)
        {
            if (e.getCause() instanceof IOException io)
            {
                throw io;
            }
            throw new IOException(e.getCause());
        }
        finally
        {
            writing = null;
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A buffer from the shared free list, or a new one. */
    private static ByteBuffer buffer()
    {
        final ByteBuffer b = FREE.poll();
        return b != null ? b.clear()
            : ByteBuffer.allocateDirect(BUFFER + ALIGN).alignedSlice(ALIGN).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes what is left and closes the file. */
    @Override
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            drainLast();
        }
        finally
        {
            try
            {
                awaitWrite();
                FREE.add(out);
                FREE.add(spare);
            }
            finally
            {
                channel.close();
            }
        }
    }
}

package io.callscore.engine.pool.bam;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file a pool build writes and never reads back (task BAMs, reference slices), written with direct I/O
 * ({@code O_DIRECT}) where the file system allows it. On the machines measured, copying gigabytes of task files
 * through the page cache cost more CPU than a tenth of the build (docs/performance.md, "Pool build").
 * <p>
 * Bytes gather in a 1 MiB direct buffer aligned to {@value #ALIGN} bytes and go out in whole aligned chunks; a tail
 * shorter than that waits at the front of the buffer for the next chunk. {@link #close} pads the last chunk and cuts
 * the file back to its length. A file system that refuses direct I/O (tmpfs, for one) gets ordinary writes, and so
 * does everything with {@code -D}{@value #PROPERTY}{@code =false}. Not thread-safe.
 */
public final class DirectFileOutput implements Closeable
{
    /** System property that turns direct I/O off when set to {@code false}. */
    public static final String PROPERTY = "callscore.directIo";

    /** Buffer address, file offset and length alignment of direct writes (a multiple of any logical block size). */
    private static final int ALIGN = 4096;
    private static final int BUFFER = 1 << 20;

    private final FileChannel channel;
    private final boolean direct;
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER + ALIGN).alignedSlice(ALIGN)
        .order(ByteOrder.LITTLE_ENDIAN);
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
            drain(false);
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
                drain(false);
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
            drain(false);
        }
        out.put(b);
    }

    /**
     * Writes out what the buffer holds: whole aligned chunks when direct (an unaligned tail moves to the front of the
     * buffer), everything when {@code last} (padded, then the file is cut back to its length).
     */
    private void drain(final boolean last) throws IOException
    {
        final int length = out.position();
        final int aligned = !direct ? length : last ? (length + ALIGN - 1) & -ALIGN : length & -ALIGN;
        for (int i = length; i < aligned; i++)
        {
            out.put(i, (byte)0);
        }
        out.position(0).limit(aligned);
        while (out.hasRemaining())
        {
            channel.write(out);
        }
        out.limit(out.capacity());
        if (direct && aligned < length)
        {
            out.put(0, out, aligned, length - aligned);
        }
        out.position(Math.max(0, length - aligned));
        if (last && aligned != length)
        {
            channel.truncate(channel.size() - (aligned - length));
        }
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
            drain(true);
        }
        finally
        {
            channel.close();
        }
    }
}

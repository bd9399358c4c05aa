package io.callscore.vcf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a text file line by line into one reusable byte buffer (no allocation per line). Strips a trailing
 * {@code \r}. A line longer than the cap is an input error, so hostile input cannot exhaust memory.
 */
public final class LineReader implements Closeable
{
    private static final io.callscore.vcf.simd.ByteKernels KERNELS = io.callscore.vcf.simd.VectorizationProvider.byteKernels();

    /** Longest line accepted by default: far above any real VCF record. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 << 20;

    private final Path file;
    private final InputStream in;
    private final int maxLineBytes;
    private final long maxTotalBytes;
    private long totalBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[1024];
    private int lineLength;
    private long lineNumber;

    public LineReader(final Path file)
    {
        this(file, DEFAULT_MAX_LINE_BYTES);
    }

    public LineReader(final Path file, final int maxLineBytes)
    {
        this(file, maxLineBytes, Long.MAX_VALUE);
    }

    /** With a cap on all bytes read (after decompression), so a gzip bomb is an input error, not an outage. */
    public LineReader(final Path file, final int maxLineBytes, final long maxTotalBytes)
    {
        this.maxTotalBytes = maxTotalBytes;
        this.file = file;
        this.in = InputFiles.open(file);
        this.maxLineBytes = maxLineBytes;
    }

    /** Advances to the next line; false at end of file. */
    public boolean next()
    {
        lineLength = 0;
        boolean any = false;
        while (true)
        {
            if (chunkPos == chunkEnd && !fill())
            {
                if (!any)
                {
                    return false;
                }
                break;
            }
            any = true;
            final int end = chunkEnd;
            final byte[] c = chunk;
            final int newline = KERNELS.indexOf(c, chunkPos, end, (byte)'\n');
            final int i = newline < 0 ? end : newline;
            append(c, chunkPos, i - chunkPos);
            if (i < end)
            {
                chunkPos = i + 1;
                break;
            }
            chunkPos = end;
        }
        lineNumber++;
        if (lineLength > 0 && line[lineLength - 1] == '\r')
        {
            lineLength--;
        }
        return true;
    }

    private void append(final byte[] src, final int from, final int length)
    {
        if (length == 0)
        {
            return;
        }
        final int needed = lineLength + length;
        if (needed > maxLineBytes)
        {
            throw new InputException(file, lineNumber + 1, "line longer than " + maxLineBytes + " bytes");
        }
        if (needed > line.length)
        {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(needed, line.length * 2)));
        }
        System.arraycopy(src, from, line, lineLength, length);
        lineLength = needed;
    }

    private boolean fill()
    {
        try
        {
            final int n = in.read(chunk, 0, chunk.length);
            if (n <= 0)
            {
                return false;
            }
            chunkPos = 0;
            chunkEnd = n;
            totalBytes += n;
            if (totalBytes > maxTotalBytes)
            {
                throw new InputException(file, lineNumber + 1, "more than " + maxTotalBytes
                    + " bytes of text (after decompression)");
            }
            return true;
        }
        catch (final IOException e)
        {
            throw new InputException(file, lineNumber + 1, InputFiles.describe(e));
        }
    }

    /** The current line's bytes, valid until the next call to {@link #next()}. */
    public byte[] bytes()
    {
        return line;
    }

    public int length()
    {
        return lineLength;
    }

    /** 1-based number of the current line. */
    public long lineNumber()
    {
        return lineNumber;
    }

    public Path file()
    {
        return file;
    }

    /** The current line as a string (for error messages and header lines, not for the hot path). */
    public String lineString()
    {
        return new String(line, 0, lineLength, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public InputException error(final String problem)
    {
        return new InputException(file, lineNumber, problem);
    }

    @Override
    public void close()
    {
        try
        {
            in.close();
        }
        catch (final IOException e)
        {
            // Nothing was written; a failed close of an input loses nothing.
        }
    }
}

package io.callscore.vcf;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** Opens input files, plain or gzip/bgzip (detected by magic bytes, not by name), with clear errors. */
public final class InputFiles
{
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int BGZF_HEADER_BYTES = 18;
    /** The empty block that ends every complete BGZF file (SAM/BAM specification, section 4.1.2). */
    private static final byte[] BGZF_EOF = {
        0x1f, (byte)0x8b, 8, 4, 0, 0, 0, 0, 0, (byte)0xff, 6, 0, 'B', 'C', 2, 0, 0x1b, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private InputFiles()
    {
    }

    /** Opens a file for reading, decompressing gzip or bgzip transparently. */
    public static InputStream open(final Path file)
    {
        try
        {
            final InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
            try
            {
                final byte[] head = new byte[BGZF_HEADER_BYTES];
                raw.mark(head.length);
                final int n = raw.readNBytes(head, 0, head.length);
                raw.reset();
                if (n < 2 || head[0] != 0x1f || (head[1] & 0xFF) != 0x8b)
                {
                    return raw;
                }
                if (n == head.length && isBgzfHeader(head) && !endsWithBgzfEofMarker(file))
                {
                    throw new InputException(file, "truncated bgzip file (the BGZF end-of-file marker is missing)");
                }
                // GZIPInputStream reads concatenated members, which is what bgzip writes.
                return new BufferedInputStream(new GZIPInputStream(raw, BUFFER_BYTES), BUFFER_BYTES);
            }
            catch (final IOException | RuntimeException e)
            {
                raw.close();
                throw e;
            }
        }
        catch (final NoSuchFileException e)
        {
            throw new InputException(file, "file not found");
        }
        catch (final IOException e)
        {
            throw new InputException(file, "cannot read: " + describe(e));
        }
    }

    /**
     * bgzip's members decompress independently, so a file cut between blocks reads cleanly up to the cut; the empty
     * block bgzip always writes last is what shows that nothing is missing.
     */
    private static boolean endsWithBgzfEofMarker(final Path file) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            return true; // a pipe cannot be checked ahead; a truncated stream then fails as gzip data if at all
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file))
        {
            final long size = channel.size();
            if (size < BGZF_EOF.length)
            {
                return false;
            }
            final ByteBuffer tail = ByteBuffer.allocate(BGZF_EOF.length);
            channel.position(size - BGZF_EOF.length);
            while (tail.hasRemaining() && channel.read(tail) > 0)
            {
                // keep reading until the 28 bytes are in
            }
            return Arrays.equals(tail.array(), BGZF_EOF);
        }
    }

    /** gzip member with FEXTRA whose first extra subfield is BGZF's "BC" (block size). */
    private static boolean isBgzfHeader(final byte[] h)
    {
        return h[2] == 8 && (h[3] & 4) != 0 && h[12] == 'B' && h[13] == 'C' && h[14] == 2 && h[15] == 0;
    }

    /** A short description of an I/O failure for a one-line message. */
    public static String describe(final IOException e)
    {
        final String message = e.getMessage();
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException)
        {
            return "corrupt or truncated gzip data" + (message == null ? "" : " (" + message + ")");
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}

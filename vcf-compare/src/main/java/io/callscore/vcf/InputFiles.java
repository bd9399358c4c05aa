package io.callscore.vcf;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens input files, plain or gzip/bgzip (detected by magic bytes, not by name), with clear errors. */
public final class InputFiles
{
    private static final int BUFFER_BYTES = 1 << 16;

    private InputFiles()
    {
    }

    /** Opens a file for reading, decompressing gzip or bgzip transparently. */
    public static InputStream open(final Path file)
    {
        try
        {
            final InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
            raw.mark(2);
            final int b0 = raw.read();
            final int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b)
            {
                // GZIPInputStream reads concatenated members, which is what bgzip writes.
                return new BufferedInputStream(new GZIPInputStream(raw, BUFFER_BYTES), BUFFER_BYTES);
            }
            return raw;
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

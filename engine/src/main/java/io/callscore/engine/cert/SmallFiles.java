package io.callscore.engine.cert;

import io.callscore.vcf.InputException;
import io.callscore.vcf.InputFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes the small files of this package (certificates, key files) whole, with one-line errors. */
final class SmallFiles
{
    private SmallFiles()
    {
    }

    /** The file's bytes; InputException when missing, unreadable or larger than {@code maxBytes}. */
    static byte[] read(final Path file, final int maxBytes, final String what)
    {
        try
        {
            final long size = Files.size(file);
            if (size > maxBytes)
            {
                throw new InputException(file, "is " + size + " bytes; " + what + " is at most " + maxBytes);
            }
            return Files.readAllBytes(file);
        }
        catch (final IOException e)
        {
            throw readProblem(file, e);
        }
    }

    /** The one-line error for a file that could not be read. */
    static InputException readProblem(final Path file, final IOException e)
    {
        return e instanceof NoSuchFileException ? new InputException(file, "file not found")
            : new InputException(file, "cannot read: " + InputFiles.describe(e));
    }

    /** Writes all bytes to an open channel and forces them to the disk. */
    static void writeSynced(final FileChannel channel, final byte[] bytes) throws IOException
    {
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining())
        {
            channel.write(buffer);
        }
        channel.force(true);
    }
}

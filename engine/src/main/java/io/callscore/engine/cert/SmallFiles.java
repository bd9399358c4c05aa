package io.callscore.engine.cert;

import io.callscore.vcf.InputException;
import io.callscore.vcf.InputFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the small files of this package (certificates, key files) whole, with one-line errors. */
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
        catch (final NoSuchFileException e)
        {
            throw new InputException(file, "file not found");
        }
        catch (final IOException e)
        {
            throw new InputException(file, "cannot read: " + InputFiles.describe(e));
        }
    }
}

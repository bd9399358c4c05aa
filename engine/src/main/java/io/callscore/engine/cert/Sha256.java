package io.callscore.engine.cert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of bytes and of files, written as lowercase hex (how certificates name the VCF a miner returned). */
public final class Sha256
{
    private static final int BUFFER_SIZE = 1 << 16;

    private Sha256()
    {
    }

    public static byte[] of(final byte[] bytes)
    {
        return digest().digest(bytes);
    }

    /** The lowercase hex SHA-256 of a file's bytes exactly as stored (a bgzipped VCF is hashed compressed). */
    public static String ofFile(final Path file) throws IOException
    {
        final MessageDigest digest = digest();
        final byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file))
        {
            int n;
            while ((n = in.read(buffer)) > 0)
            {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest.digest());
    }

    public static String hex(final byte[] bytes)
    {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest digest()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package io.callscore.engine.pool.bam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@link DirectFileOutput} writes exactly the bytes given, with direct I/O and without, at every size and split. */
class DirectFileOutputTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteExactlyTheBytesGivenWithAndWithoutDirectIo() throws IOException
    {
        final SplittableRandom random = new SplittableRandom(3);
        for (final int size : new int[]{0, 1, 4095, 4096, 4097, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3_000_001})
        {
            for (final boolean direct : new boolean[]{true, false})
            {
                final Path file = dir.resolve(size + "-" + direct);
                final ByteArrayOutputStream expected = new ByteArrayOutputStream();
                if (!direct)
                {
                    System.setProperty(DirectFileOutput.PROPERTY, "false");
                }
                try (DirectFileOutput out = new DirectFileOutput(file))
                {
                    if (!direct)
                    {
                        assertFalse(out.direct());
                    }
                    int written = 0;
                    while (written < size)
                    {
                        // Pieces of every size, single bytes and reserved stretches, as the writers use them.
                        final int kind = random.nextInt(3);
                        final int n = Math.min(size - written, kind == 0 ? 1 : random.nextInt(1, 70_000));
                        final byte[] piece = new byte[n];
                        random.nextBytes(piece);
                        if (kind == 0)
                        {
                            out.write(piece[0]);
                        }
                        else if (kind == 1 && n < 60_000)
                        {
                            out.reserve(n).put(piece);
                        }
                        else
                        {
                            out.write(piece, 0, n);
                        }
                        expected.write(piece, 0, n);
                        written += n;
                    }
                }
                finally
                {
                    System.clearProperty(DirectFileOutput.PROPERTY);
                }
                assertEquals(size, Files.size(file), file.toString());
                assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file), file.toString());
            }
        }
    }
}

package io.callscore.engine.pool.bam;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.samtools.util.zip.DeflaterFactory;
import htsjdk.samtools.util.zip.InflaterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The chosen deflate/inflate pair writes BGZF that zlib reads, and reads what zlib writes. */
class BgzfCompressionTest
{
    @TempDir
    Path dir;

    @Test
    void shouldUseGklOnLinuxX86()
    {
        assumeTrue(System.getProperty("os.name").startsWith("Linux")
            && System.getProperty("os.arch").matches("amd64|x86_64"), "GKL ships Linux x86-64 code only");
        assumeTrue(!"false".equals(System.getProperty(BgzfCompression.PROPERTY)), "GKL switched off");
        assertEquals("Intel GKL (ISA-L)", BgzfCompression.implementation());
    }

    @Test
    void shouldRoundTripWithZlibBothWays() throws IOException
    {
        final byte[] data = new byte[300_000];
        final SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < data.length; i++)
        {
            // Quality-like bytes: compressible, not trivially.
            data[i] = (byte)(33 + random.nextInt(i % 7 == 0 ? 40 : 4));
        }
        for (final int level : new int[] {1, 5})
        {
            assertArrayEquals(data, read(write(data, level, BgzfCompression.deflaters()), new InflaterFactory()));
            assertArrayEquals(data, read(write(data, level, new DeflaterFactory()), BgzfCompression.inflaters()));
        }
    }

    private Path write(final byte[] data, final int level, final DeflaterFactory deflaters) throws IOException
    {
        final Path file = dir.resolve("data" + level + deflaters.getClass().getSimpleName() + ".gz");
        try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(file, level, deflaters))
        {
            out.write(data);
        }
        return file;
    }

    private static byte[] read(final Path file, final InflaterFactory inflaters) throws IOException
    {
        try (BlockCompressedInputStream in = new BlockCompressedInputStream(file.toFile(), inflaters))
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}

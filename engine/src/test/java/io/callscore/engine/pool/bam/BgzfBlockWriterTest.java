package io.callscore.engine.pool.bam;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.zip.DeflaterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * {@link BgzfBlockWriter} read back by htsjdk: the bytes, every virtual offset it reported, the end-of-file block,
 * with the build's deflater (GKL where it loads) and the JDK's, for compressible and incompressible data.
 */
class BgzfBlockWriterTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryPieceAtItsVirtualOffsetWhenWrittenWithTheBuildsDeflater()
    {
        qt().withExamples(25).forAll(longs().all(), integers().between(0, 400))
            .checkAssert((seed, pieces) -> roundTrip(seed, pieces, BgzfCompression.deflaters(), 1));
    }

    @Test
    void shouldReadBackEveryPieceWhenWrittenWithTheJdkDeflaterAtAnyLevel()
    {
        qt().withExamples(10).forAll(longs().all(), integers().between(0, 200), integers().between(0, 9))
            .checkAssert((seed, pieces, level) -> roundTrip(seed, pieces, new DeflaterFactory(), level));
    }

    @Test
    void shouldStoreBlocksThatDoNotShrink() throws IOException
    {
        final byte[] noise = new byte[3 * BgzfBlockWriter.BLOCK_INPUT + 17];
        new SplittableRandom(5).nextBytes(noise);
        final Path file = dir.resolve("noise.gz");
        try (BgzfBlockWriter w = new BgzfBlockWriter(file, 1, BgzfCompression.deflaters()))
        {
            w.write(noise, 0, noise.length);
        }
        assertArrayEquals(noise, readAll(file));
        assertEquals(BlockCompressedInputStream.FileTermination.HAS_TERMINATOR_BLOCK,
            BlockCompressedInputStream.checkTermination(file));
    }

    @Test
    void shouldWriteTheSameBytesWithAndWithoutDirectIo() throws IOException
    {
        final byte[] data = new byte[5 * (1 << 20) + 12345];
        final SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < data.length; i++)
        {
            data[i] = (byte)(random.nextInt(16) == 0 ? random.nextInt() : 'A' + random.nextInt(4));
        }
        final Path direct = dir.resolve("direct.gz");
        final Path buffered = dir.resolve("buffered.gz");
        // zlib, whose output is the same in every run: ISA-L now and then encodes the same block a byte shorter or
        // longer (about one file in a hundred here; both decode the same), which would hide what this test compares.
        final DeflaterFactory zlib = new DeflaterFactory();
        try (BgzfBlockWriter w = new BgzfBlockWriter(direct, 1, zlib))
        {
            assumeTrue(w.direct(), "the temporary folder's file system has no direct I/O");
            for (int at = 0; at < data.length; at += 1000)
            {
                w.write(data, at, Math.min(1000, data.length - at));
            }
        }
        System.setProperty(DirectFileOutput.PROPERTY, "false");
        try (BgzfBlockWriter w = new BgzfBlockWriter(buffered, 1, zlib))
        {
            assertFalse(w.direct());
            w.write(data, 0, data.length);
        }
        finally
        {
            System.clearProperty(DirectFileOutput.PROPERTY);
        }
        assertArrayEquals(Files.readAllBytes(buffered), Files.readAllBytes(direct));
        assertArrayEquals(data, readAll(direct));
    }

    @Test
    void shouldStartANewBlockAfterEndBlock() throws IOException
    {
        final Path file = dir.resolve("blocks.gz");
        final long header;
        try (BgzfBlockWriter w = new BgzfBlockWriter(file, 1, BgzfCompression.deflaters()))
        {
            w.write(new byte[]{1, 2, 3}, 0, 3);
            w.endBlock();
            w.endBlock();
            header = w.filePointer();
            w.write(new byte[]{4}, 0, 1);
        }
        assertEquals(0, header & 0xFFFF);
        assertEquals(true, header >>> 16 > 0);
        try (BlockCompressedInputStream in = new BlockCompressedInputStream(file.toFile()))
        {
            in.seek(header);
            assertEquals(4, in.read());
        }
    }

    private void roundTrip(final long seed, final int pieces, final DeflaterFactory deflaters, final int level)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final Path file = dir.resolve("t" + Long.toHexString(seed) + "-" + level + ".gz");
        final List<byte[]> written = new ArrayList<>();
        final List<Long> offsets = new ArrayList<>();
        try (BgzfBlockWriter w = new BgzfBlockWriter(file, level, deflaters))
        {
            for (int i = 0; i < pieces; i++)
            {
                // Mostly record-sized pieces, some that span blocks, some that end exactly on a block boundary.
                final int kind = random.nextInt(20);
                final int length = kind == 0 ? random.nextInt(3 * BgzfBlockWriter.BLOCK_INPUT)
                    : kind == 1 ? BgzfBlockWriter.BLOCK_INPUT - (int)(w.filePointer() & 0xFFFF)
                    : random.nextInt(1, 700);
                final byte[] piece = new byte[length];
                for (int k = 0; k < length; k++)
                {
                    // Low-entropy bytes, so that blocks compress, with an occasional noisy stretch.
                    piece[k] = (byte)(kind == 2 ? random.nextInt() : 'A' + random.nextInt(4));
                }
                offsets.add(w.filePointer());
                w.write(piece, 0, length);
                written.add(piece);
            }
        }
        catch (final IOException e)
        {
            throw new AssertionError(e);
        }
        try
        {
            final byte[] all = readAll(file);
            int at = 0;
            for (final byte[] piece : written)
            {
                assertArrayEquals(piece, Arrays.copyOfRange(all, at, at + piece.length));
                at += piece.length;
            }
            assertEquals(at, all.length);
            try (BlockCompressedInputStream in = new BlockCompressedInputStream(file.toFile()))
            {
                for (int i = 0; i < written.size(); i++)
                {
                    final byte[] piece = written.get(i);
                    if (piece.length == 0)
                    {
                        continue;
                    }
                    in.seek(offsets.get(i));
                    final byte[] back = in.readNBytes(piece.length);
                    assertArrayEquals(piece, back, "piece " + i + " at virtual offset " + offsets.get(i));
                }
            }
            assertEquals(BlockCompressedInputStream.FileTermination.HAS_TERMINATOR_BLOCK,
                BlockCompressedInputStream.checkTermination(file));
        }
        catch (final IOException e)
        {
            throw new AssertionError(e);
        }
    }

    private static byte[] readAll(final Path file) throws IOException
    {
        try (BlockCompressedInputStream in = new BlockCompressedInputStream(Files.newInputStream(file)))
        {
            return in.readAllBytes();
        }
    }
}

package io.callscore.engine.pool.bam;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a BGZF file from virtual offsets gives the bytes written there, cached or not. */
class BgzfBlockReaderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadFromAnyVirtualOffsetAcrossBlocksWithAndWithoutTheCache() throws IOException
    {
        final SplittableRandom random = new SplittableRandom(3);
        final byte[] data = new byte[3_000_000];
        for (int i = 0; i < data.length; i++)
        {
            data[i] = (byte)(random.nextInt(i % 5 == 0 ? 256 : 8));
        }
        final Path file = dir.resolve("data.gz");
        final int[] marks = new int[200];
        final long[] virtual = new long[marks.length];
        try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(file, 1, BgzfCompression.deflaters()))
        {
            int written = 0;
            for (int m = 0; m < marks.length; m++)
            {
                final int next = m == 0 ? 0 : marks[m - 1] + random.nextInt(2 * data.length / marks.length);
                marks[m] = Math.min(next, data.length);
                out.write(data, written, marks[m] - written);
                written = marks[m];
                virtual[m] = out.getFilePointer();
            }
            out.write(data, written, data.length - written);
        }
        final BgzfBlockCache cache = new BgzfBlockCache(16);
        // Kept blocks, then the cache cleared (its arrays reused for other blocks), kept again, then streaming.
        for (final boolean keep : new boolean[] {true, true, false})
        {
            if (keep)
            {
                cache.clear();
            }
            for (int m = 0; m < marks.length; m += 7)
            {
                try (BgzfBlockReader in = new BgzfBlockReader(file, keep ? cache : null, keep))
                {
                    in.seek(virtual[m]);
                    final int want = Math.min(200_000, data.length - marks[m]);
                    final byte[] got = new byte[want];
                    int n = 0;
                    while (n < want)
                    {
                        final int r = in.read(got, n, want - n);
                        assertTrue(r > 0, "data ended early");
                        n += r;
                    }
                    assertArrayEquals(Arrays.copyOfRange(data, marks[m], marks[m] + want), got, "mark " + m);
                }
            }
        }
        assertEquals(16, cache.size(), "the cache keeps blocks up to its capacity");
        // A reader that only takes from the cache still reads the whole file to its end.
        try (BgzfBlockReader in = new BgzfBlockReader(file, cache, false))
        {
            in.seek(0);
            final byte[] all = new byte[data.length + 10];
            int n = 0;
            int r;
            while ((r = in.read(all, n, all.length - n)) > 0)
            {
                n += r;
            }
            assertEquals(data.length, n);
            assertArrayEquals(data, Arrays.copyOf(all, n));
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotBgzf() throws IOException
    {
        final Path file = dir.resolve("plain.txt");
        Files.writeString(file, "not a BGZF file, just text that is long enough to hold a header");
        try (BgzfBlockReader in = new BgzfBlockReader(file, null, false))
        {
            final IOException e = assertThrows(IOException.class, () -> in.seek(0));
            assertTrue(e.getMessage().contains("not a BGZF block at byte 0"), e.getMessage());
        }
    }
}

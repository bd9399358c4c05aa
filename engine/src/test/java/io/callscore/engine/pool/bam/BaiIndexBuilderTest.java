package io.callscore.engine.pool.bam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BaiIndexBuilderTest
{
    private static final int WINDOW = 1 << 14;

    @TempDir
    Path dir;

    private static long v(final long block, final int offset)
    {
        return block << 16 | offset;
    }

    @Test
    void shouldComputeSpecBinsWhenRegionsSpanEachLevel()
    {
        assertEquals(4681, BaiIndexBuilder.reg2bin(0, 1));
        assertEquals(4680, BaiIndexBuilder.reg2bin(-1, 0));
        assertEquals(4682, BaiIndexBuilder.reg2bin(WINDOW, WINDOW + 1));
        assertEquals(585, BaiIndexBuilder.reg2bin(WINDOW - 1, WINDOW + 1));
        assertEquals(73, BaiIndexBuilder.reg2bin((1 << 17) - 1, (1 << 17) + 1));
        assertEquals(9, BaiIndexBuilder.reg2bin((1 << 20) - 1, (1 << 20) + 1));
        assertEquals(1, BaiIndexBuilder.reg2bin((1 << 23) - 1, (1 << 23) + 1));
        assertEquals(0, BaiIndexBuilder.reg2bin((1 << 26) - 1, (1 << 26) + 1));
        assertEquals(4681 + (1 << 15) - 1, BaiIndexBuilder.reg2bin((1 << 29) - 1, 1 << 29));
    }

    @Test
    void shouldFillEmptyWindowFromTheNextWindowWhenNoReadOverlapsIt() throws Exception
    {
        final BaiIndexBuilder builder = new BaiIndexBuilder(1);
        builder.add(0, WINDOW + 5, WINDOW + 100, false, v(100, 0), v(100, 200));
        builder.add(0, 3 * WINDOW + 5, 3 * WINDOW + 100, false, v(100, 200), v(100, 400));
        final Path bai = dir.resolve("a.bai");
        builder.write(bai);
        final BaiFile index = BaiFile.read(bai);
        assertArrayEquals(new long[]{v(100, 0), v(100, 0), v(100, 200), v(100, 200)},
            index.references.getFirst().linear());
    }

    @Test
    void shouldFoldSmallBinIntoItsParentWhenBothHoldChunks() throws Exception
    {
        final BaiIndexBuilder builder = new BaiIndexBuilder(2);
        builder.add(0, 10, 20, false, v(100, 0), v(100, 50));
        builder.add(0, WINDOW - 5, WINDOW + 5, false, v(100, 50), v(100, 90));
        builder.add(0, WINDOW + 10, WINDOW + 20, false, v(100, 90), v(200, 10));
        builder.add(-1, -1, 0, true, v(200, 10), v(200, 60));
        builder.endOfRecords(v(300, 0));
        final Path bai = dir.resolve("b.bai");
        builder.write(bai);
        final BaiFile index = BaiFile.read(bai);
        final BaiFile.Reference ref = index.references.getFirst();
        assertEquals(2, ref.bins().size());
        assertArrayEquals(new long[]{v(100, 0), v(200, 10)}, ref.bins().get(585));
        assertArrayEquals(new long[]{v(100, 0), v(200, 10), 3, 0}, ref.meta());
        assertEquals(0, index.references.get(1).bins().size());
        assertEquals(1, index.noCoordinate);
    }

    @Test
    void shouldKeepBinsApartWhenTheirChunksSpanAtLeast64KiB() throws Exception
    {
        final BaiIndexBuilder builder = new BaiIndexBuilder(1);
        builder.add(0, 10, 20, false, v(100, 0), v(100, 50));
        builder.add(0, WINDOW - 5, WINDOW + 5, false, v(100, 50), v(100, 90));
        builder.add(0, WINDOW - 3, WINDOW - 1, false, v(100, 90), v(70_000, 10));
        final Path bai = dir.resolve("c.bai");
        builder.write(bai);
        final BaiFile.Reference ref = BaiFile.read(bai).references.getFirst();
        // two runs in bin 4681, 64 KiB of compressed file apart: not folded, merged (the second starts in the
        // block where the first ends)
        assertArrayEquals(new long[]{v(100, 0), v(70_000, 10)}, ref.bins().get(4681));
        assertArrayEquals(new long[]{v(100, 50), v(100, 90)}, ref.bins().get(585));
    }

    @Test
    void shouldRejectRecordWhenCoordinatesGoBackwards()
    {
        final BaiIndexBuilder builder = new BaiIndexBuilder(2);
        builder.add(1, 500, 600, false, v(1, 0), v(1, 10));
        assertThrows(IllegalArgumentException.class, () -> builder.add(1, 499, 600, false, v(1, 10), v(1, 20)));
        assertThrows(IllegalArgumentException.class, () -> builder.add(0, 700, 800, false, v(1, 10), v(1, 20)));
        builder.add(-1, -1, 0, true, v(1, 10), v(1, 20));
        assertThrows(IllegalArgumentException.class, () -> builder.add(1, 900, 901, true, v(1, 20), v(1, 30)));
    }

    @Test
    void shouldRejectRecordWhenItsReferenceIsNotInTheHeader()
    {
        final BaiIndexBuilder builder = new BaiIndexBuilder(1);
        assertThrows(IllegalArgumentException.class, () -> builder.add(1, 5, 6, false, v(1, 0), v(1, 10)));
    }
}

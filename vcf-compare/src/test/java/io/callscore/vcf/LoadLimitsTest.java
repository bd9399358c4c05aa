package io.callscore.vcf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadLimitsTest
{
    private static final String HEADER = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";
    private static final ReferenceGenome REF = ReferenceGenome.of(Map.of("c", "ACGTACGTACGTACGTACGTACGTACGTACGT"));

    @TempDir
    Path dir;

    @Test
    void shouldNotLoadRecordsOutsideTheLoadRegionsAndCountThem() throws Exception
    {
        final Path vcf = dir.resolve("calls.vcf");
        Files.writeString(vcf, HEADER
            + "c\t2\t.\tC\tT\t50\tPASS\t.\tGT\t0/1\n"
            + "c\t9\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\n"
            + "c\t11\t.\tGTA\tG\t50\tPASS\t.\tGT\t0/1\n"
            + "c\t20\t.\tT\tA\t50\tPASS\t.\tGT\t1/1\n");
        // Window [9, 12) 0-based: the record at 9 (0-based 8) is outside, the deletion at 11 (10-13) overlaps.
        final RegionSet window = RegionSet.fromIntervals(Map.of("c", List.of(new int[] {9, 12})));
        final VariantSet set = VariantLoader.load(vcf, REF, null, LoadOptions.defaults().withLoadRegions(window));
        assertEquals(1, set.variantCount());
        assertEquals(11, set.contig("c").start(0)); // padding base removed
        assertEquals(3, set.outsideLoadRegions());
    }

    @Test
    void shouldStopAGzipBombAtTheDecompressedByteCap() throws Exception
    {
        final Path bomb = dir.resolve("bomb.vcf.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(bomb)))
        {
            os.write(HEADER.getBytes(StandardCharsets.US_ASCII));
            final byte[] comment = ("##" + "x".repeat(1000) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20_000; i++)
            {
                os.write(comment);
            }
        }
        assertTrue(Files.size(bomb) < 200_000, "compresses well: " + Files.size(bomb));
        final InputException e = assertThrows(InputException.class,
            () -> VariantLoader.load(bomb, REF, null, LoadOptions.defaults().withMaxInputBytes(1_000_000)));
        assertTrue(e.getMessage().startsWith(bomb + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("more than 1000000 bytes of text (after decompression)"), e.getMessage());
    }
}

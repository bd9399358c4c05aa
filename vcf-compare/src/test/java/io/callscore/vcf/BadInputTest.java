package io.callscore.vcf;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input must end in an {@link InputException} whose message is one line naming the file, the
 * line where one applies, and the problem; never another exception type.
 */
class BadInputTest
{
    private static final String HEADER = "##fileformat=VCFv4.2\n"
        + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n";

    // chr1 = ACGTACGTAC GTACGTACGT, chr2 = TTTTTGGGGG
    private static final ReferenceGenome REFERENCE = ReferenceGenome.of(
        Map.of("chr1", "ACGTACGTACGTACGTACGT", "chr2", "TTTTTGGGGG"));

    @TempDir
    Path dir;

    @Test
    void shouldNameLineWhenRecordHasTooFewColumns() throws IOException
    {
        final Path vcf = vcf(HEADER + "chr1\t2\t.\tC\tA\t.\tPASS\t.\tGT\t0/1\nchr1\t5\t.\tA\n");
        assertProblem(vcf, 4, "columns", load(vcf));
    }

    @Test
    void shouldNameLineWhenRecordHasFiveToSevenColumns() throws IOException
    {
        // Enough tabs to find REF and ALT, but no QUAL/FILTER/INFO: must not be read with stale field bounds.
        final Path vcf = vcf(HEADER + "chr1\t2\t.\tC\tA\t.\tPASS\t.\tGT\t0/1\nchr1\t5\t.\tA\tC\t.\n");
        assertProblem(vcf, 4, "columns", load(vcf));
    }

    @Test
    void shouldNameLineWhenPosIsNotANumber() throws IOException
    {
        final Path vcf = vcf(HEADER + "chr1\t2x\t.\tC\tA\t.\tPASS\t.\tGT\t0/1\n");
        assertProblem(vcf, 3, "POS is not a positive whole number: '2x'", load(vcf));
    }

    @Test
    void shouldNameLineWhenGtIndexIsOutOfRange() throws IOException
    {
        final Path vcf = vcf(HEADER + "chr1\t2\t.\tC\tA\t.\tPASS\t.\tGT\t0/1\n"
            + "chr1\t6\t.\tC\tA,G\t.\tPASS\t.\tGT\t0/3\n");
        assertProblem(vcf, 4, "GT allele index 3 is out of range (2 ALT alleles)", load(vcf));
    }

    @Test
    void shouldNameLineWhenAltEqualsRef() throws IOException
    {
        final Path vcf = vcf(HEADER + "chr1\t2\t.\tC\tC,A\t.\tPASS\t.\tGT\t0/2\n");
        assertProblem(vcf, 3, "ALT allele 1 ('C') is the same as REF", load(vcf));
    }

    @Test
    void shouldNameLineWhenPosGoesBack() throws IOException
    {
        final Path vcf = vcf(HEADER + "chr1\t10\t.\tC\tA\t.\tPASS\t.\tGT\t0/1\n"
            + "chr1\t5\t.\tA\tC\t.\tPASS\t.\tGT\t0/1\n");
        assertProblem(vcf, 4, "records are not sorted: POS 5 comes after POS 10 on chr1", load(vcf));
    }

    @Test
    void shouldNameLineWhenContigReappears() throws IOException
    {
        final Path vcf = vcf(HEADER + "chr1\t2\t.\tC\tA\t.\tPASS\t.\tGT\t0/1\n"
            + "chr2\t2\t.\tT\tA\t.\tPASS\t.\tGT\t0/1\n"
            + "chr1\t6\t.\tC\tA\t.\tPASS\t.\tGT\t0/1\n");
        assertProblem(vcf, 5, "records are not sorted: contig chr1 appears again after other contigs", load(vcf));
    }

    @Test
    void shouldNameLineWhenContigIsNotInReference() throws IOException
    {
        final Path vcf = vcf(HEADER + "chrX\t2\t.\tC\tA\t.\tPASS\t.\tGT\t0/1\n");
        assertProblem(vcf, 3, "contig chrX is not in the reference", load(vcf));
    }

    @Test
    void shouldNameLineWhenRefDisagreesWithReference() throws IOException
    {
        final Path vcf = vcf(HEADER + "chr1\t2\t.\tCG\tA\t.\tPASS\t.\tGT\t0/1\n"
            + "chr1\t5\t.\tT\tC\t.\tPASS\t.\tGT\t0/1\n");
        assertProblem(vcf, 4, "REF 'T' does not match the reference at chr1:5 (A)", load(vcf));
    }

    @Test
    void shouldReportCorruptDataWhenBgzipIsTruncatedInsideABlock() throws IOException
    {
        final byte[] whole = bgzip(manyRecords());
        final Path vcf = dir.resolve("truncated.vcf.gz");
        Files.write(vcf, Arrays.copyOf(whole, whole.length / 2));
        final InputException e = assertThrows(InputException.class, load(vcf));
        assertOneLine(e, vcf);
        assertTrue(e.problem().contains("truncated"), e.getMessage());
    }

    @Test
    void shouldNameLineWhenPlainGzipIsTruncated() throws IOException
    {
        // Plain gzip has no end marker: the decompressor meets the cut while a line is being read.
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes))
        {
            out.write(manyRecords().getBytes(StandardCharsets.ISO_8859_1));
        }
        final byte[] whole = bytes.toByteArray();
        final Path vcf = dir.resolve("truncated.vcf.gz");
        Files.write(vcf, Arrays.copyOf(whole, whole.length / 2));
        final InputException e = assertThrows(InputException.class, load(vcf));
        assertOneLine(e, vcf);
        assertTrue(e.lineNumber() > 2, e.getMessage());
        assertTrue(e.problem().startsWith("corrupt or truncated gzip data"), e.getMessage());
    }

    @Test
    void shouldReportTruncationWhenBgzipEndsAtABlockBoundary() throws IOException
    {
        // Without its end-of-file marker block a bgzip file cut between blocks still decompresses cleanly, so
        // only the missing marker tells that records were lost.
        final byte[] whole = bgzip(manyRecords());
        final Path vcf = dir.resolve("cut.vcf.gz");
        Files.write(vcf, Arrays.copyOf(whole, firstBlockLength(whole)));
        final InputException e = assertThrows(InputException.class, load(vcf));
        assertOneLine(e, vcf);
        assertTrue(e.problem().contains("truncated"), e.getMessage());
    }

    @Test
    void shouldReportCorruptDataWhenRandomBytesFollowGzipMagic() throws IOException
    {
        final byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0x1f;
        bytes[1] = (byte)0x8b;
        final Path vcf = dir.resolve("random.vcf.gz");
        Files.write(vcf, bytes);
        final InputException e = assertThrows(InputException.class, load(vcf));
        assertOneLine(e, vcf);
        assertTrue(e.problem().contains("gzip"), e.getMessage());
    }

    @Test
    void shouldSayFileNotFoundWhenFileIsMissing()
    {
        final Path vcf = dir.resolve("absent.vcf");
        final InputException e = assertThrows(InputException.class, load(vcf));
        assertEquals(vcf + ": file not found", e.getMessage());
    }

    @Test
    void shouldAskForSampleWhenVcfHasSeveralSamples() throws IOException
    {
        final Path vcf = vcf("##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n"
            + "chr1\t2\t.\tC\tA\t.\tPASS\t.\tGT\t0/1\t1/1\n");
        assertProblem(vcf, 2, "the VCF has 2 samples: choose one with --sample", load(vcf));
    }

    @Test
    void shouldListSamplesWhenSampleIsUnknown() throws IOException
    {
        final Path vcf = vcf(HEADER + "chr1\t2\t.\tC\tA\t.\tPASS\t.\tGT\t0/1\n");
        final Executable loading = () -> VariantLoader.load(vcf, REFERENCE, null,
            LoadOptions.defaults().withSample("NA12878"));
        assertProblem(vcf, 2, "sample NA12878 is not in the VCF (samples: S1)", loading);
    }

    @Test
    void shouldNameLineWhenLineIsLongerThanCap() throws IOException
    {
        final Path file = vcf("short\n" + "x".repeat(100) + "\nshort\n");
        final InputException e = assertThrows(InputException.class, () ->
        {
            try (LineReader r = new LineReader(file, 64))
            {
                while (r.next())
                {
                    assertTrue(r.length() <= 64);
                }
            }
        });
        assertOneLine(e, file);
        assertEquals(2, e.lineNumber(), e.getMessage());
        assertEquals("line longer than 64 bytes", e.problem());
    }

    @Test
    void shouldNameLineWhenFastaHasBadCharacter() throws IOException
    {
        final Path fasta = dir.resolve("ref.fa");
        Files.writeString(fasta, ">chr1 test\nACGTACGT\nACG*ACGT\n");
        final InputException e = assertThrows(InputException.class, () -> ReferenceGenome.open(fasta));
        assertOneLine(e, fasta);
        assertEquals(3, e.lineNumber(), e.getMessage());
        assertEquals("character '*' is not a base", e.problem());
    }

    @Test
    void shouldNameLineWhenBedLineHasTooFewColumns() throws IOException
    {
        final Path bed = dir.resolve("regions.bed");
        Files.writeString(bed, "# regions\nchr1\t0\t10\nchr1 12 20\n");
        final InputException e = assertThrows(InputException.class, () -> RegionSet.readBed(bed));
        assertOneLine(e, bed);
        assertEquals(3, e.lineNumber(), e.getMessage());
        assertTrue(e.problem().contains("3 tab-separated columns"), e.getMessage());
    }

    @Test
    void shouldNameLineWhenBedStartIsNotANumber() throws IOException
    {
        final Path bed = dir.resolve("regions.bed");
        Files.writeString(bed, "chr1\t0\t10\nchr1\tten\t20\n");
        final InputException e = assertThrows(InputException.class, () -> RegionSet.readBed(bed));
        assertOneLine(e, bed);
        assertEquals(2, e.lineNumber(), e.getMessage());
        assertTrue(e.problem().contains("not a whole number"), e.getMessage());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Path vcf(final String text) throws IOException
    {
        final Path file = dir.resolve("input.vcf");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return file;
    }

    private static Executable load(final Path vcf)
    {
        return () -> VariantLoader.load(vcf, REFERENCE, null, LoadOptions.defaults());
    }

    /** The load fails with exactly "file:line: problem..." on one line. */
    private static void assertProblem(final Path file, final long line, final String problem, final Executable action)
    {
        final InputException e = assertThrows(InputException.class, action);
        assertOneLine(e, file);
        assertEquals(line, e.lineNumber(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
        assertTrue(e.problem().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
    }

    private static void assertOneLine(final InputException e, final Path file)
    {
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString() + ":"), e.getMessage());
        assertEquals(file.toString(), e.source());
        assertFalse(e.problem().isBlank(), e.getMessage());
    }

    /** A sorted VCF large enough to span several bgzip blocks. */
    private static String manyRecords()
    {
        final StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 20_000; i++)
        {
            sb.append("chr1\t2\trs").append(i).append("\tC\tA\t50\tPASS\tDP=").append(i).append("\tGT\t0/1\n");
        }
        return sb.toString();
    }

    private byte[] bgzip(final String text) throws IOException
    {
        final Path file = dir.resolve("whole.vcf.gz");
        try (OutputStream out = new BlockCompressedOutputStream(file.toFile()))
        {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        return Files.readAllBytes(file);
    }

    /** Length of the first BGZF block: BSIZE (total block size - 1) is at bytes 16-17. */
    private static int firstBlockLength(final byte[] bgzf)
    {
        return ((bgzf[16] & 0xFF) | (bgzf[17] & 0xFF) << 8) + 1;
    }
}

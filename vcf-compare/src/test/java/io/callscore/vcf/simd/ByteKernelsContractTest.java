package io.callscore.vcf.simd;

import io.callscore.vcf.Bases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The documented contract, checked by hand-worked examples against every implementation this JVM can run (the
 * scalar one always, so the fallback run covers it too). Examples are long enough to reach the vector bodies.
 */
final class ByteKernelsContractTest
{
    private static final byte TAB = '\t';
    /** A VCF record: nine tabs, at the positions below. */
    private static final byte[] RECORD = "chr1\t12345\trs1\tA\tG\t50\tPASS\tDP=3\tGT\t0/1".getBytes(
        StandardCharsets.US_ASCII);
    private static final int[] RECORD_TABS = {4, 10, 14, 16, 18, 21, 26, 31, 34};

    static Stream<ByteKernels> implementations()
    {
        final Stream.Builder<ByteKernels> all = Stream.builder();
        all.add(new ScalarByteKernels());
        if (VectorizationProvider.findVectorModule().isPresent())
        {
            all.add(VectorizationProvider.newPanama());
        }
        return all.build();
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void shouldFindEveryTabWhenSplittingVcfRecord(final ByteKernels kernels)
    {
        assertEquals(4, kernels.indexOf(RECORD, 0, RECORD.length, TAB));
        assertEquals(10, kernels.indexOf(RECORD, 5, RECORD.length, TAB));
        assertEquals(-1, kernels.indexOf(RECORD, 35, RECORD.length, TAB));
        assertEquals(-1, kernels.indexOf(RECORD, 4, 4, TAB));
        assertEquals(9, kernels.countOf(RECORD, 0, RECORD.length, TAB));
        final int[] all = new int[16];
        assertEquals(9, kernels.indexesOf(RECORD, 0, RECORD.length, TAB, all));
        assertArrayEquals(RECORD_TABS, Arrays.copyOf(all, 9));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void shouldStopAtCapacityWhenListingIndexesOfLongLine(final ByteKernels kernels)
    {
        final byte[] line = new byte[1000];
        Arrays.fill(line, (byte)'x');
        line[100] = TAB;
        line[250] = TAB;
        line[999] = TAB;
        final int[] two = {-1, -1};
        assertEquals(2, kernels.indexesOf(line, 0, line.length, TAB, two));
        assertArrayEquals(new int[] {100, 250}, two);
        final int[] four = {-1, -1, -1, -1};
        assertEquals(3, kernels.indexesOf(line, 0, line.length, TAB, four));
        assertArrayEquals(new int[] {100, 250, 999, -1}, four);
        assertEquals(0, kernels.indexesOf(line, 0, line.length, TAB, new int[0]));
        assertEquals(2, kernels.indexesOf(line, 101, line.length, TAB, four));
        assertArrayEquals(new int[] {250, 999, 999, -1}, four);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void shouldHonourRangeEndsWhenSearchingLongLine(final ByteKernels kernels)
    {
        final byte[] buffer = new byte[1000];
        Arrays.fill(buffer, (byte)'A');
        buffer[100] = '\n';
        buffer[250] = '\n';
        buffer[999] = '\n';
        assertEquals(100, kernels.indexOf(buffer, 0, buffer.length, (byte)'\n'));
        assertEquals(250, kernels.indexOf(buffer, 101, buffer.length, (byte)'\n'));
        assertEquals(-1, kernels.indexOf(buffer, 251, 999, (byte)'\n'));
        assertEquals(999, kernels.indexOf(buffer, 251, 1000, (byte)'\n'));
        assertEquals(3, kernels.countOf(buffer, 0, buffer.length, (byte)'\n'));
        assertEquals(1, kernels.countOf(buffer, 101, 999, (byte)'\n'));
        assertEquals(997, kernels.countOf(buffer, 0, buffer.length, (byte)'A'));
        final MemorySegment segment = MemorySegment.ofArray(buffer);
        assertEquals(250L, kernels.indexOf(segment, 101, 1000, (byte)'\n'));
        assertEquals(2L, kernels.countOf(segment, 100, 999, (byte)'\n'));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void shouldGiveBasesCodesWhenEncodingEitherCase(final ByteKernels kernels)
    {
        final byte[] ascii = "ACGTNacgtn".repeat(30).getBytes(StandardCharsets.US_ASCII);
        final byte[] codes = new byte[ascii.length];
        assertEquals(-1, kernels.encodeBases(ascii, 0, ascii.length, codes, 0));
        for (int i = 0; i < codes.length; i += 10)
        {
            assertArrayEquals(new byte[] {1, 2, 3, 4, 0, 1, 2, 3, 4, 0}, Arrays.copyOfRange(codes, i, i + 10));
        }
        assertEquals("ACGTNACGTN".repeat(30), Bases.toString(codes, 0, codes.length));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void shouldMatchBasesCodeWhenEncodingEveryByteValue(final ByteKernels kernels)
    {
        final byte[] ascii = new byte[4 * 256];
        for (int i = 0; i < ascii.length; i++)
        {
            ascii[i] = (byte)i;
        }
        final byte[] codes = new byte[ascii.length];
        assertEquals(0, kernels.encodeBases(ascii, 0, ascii.length, codes, 0));
        for (int i = 0; i < ascii.length; i++)
        {
            assertEquals(Bases.code(ascii[i]), codes[i], "byte " + (ascii[i] & 0xFF));
        }
        assertEquals(-1, kernels.encodeBases(ascii, 'a', 1, codes, 0));
        assertEquals('B', kernels.encodeBases(ascii, 'B', 1, codes, 0));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void shouldReportFirstNonBaseWhenEncodingRefWithIupacCodes(final ByteKernels kernels)
    {
        final byte[] ascii = ("ACGT".repeat(50) + "ARYN" + "ACGT".repeat(50)).getBytes(StandardCharsets.US_ASCII);
        final byte[] codes = new byte[ascii.length + 3];
        // ascii[i] is encoded to codes[i + 1]; R and Y (ascii 201 and 202) are not bases.
        assertEquals(201, kernels.encodeBases(ascii, 2, ascii.length - 2, codes, 3));
        assertEquals(Bases.A, codes[201]);
        assertEquals(Bases.INVALID, codes[202]);
        assertEquals(Bases.INVALID, codes[203]);
        assertEquals(Bases.N, codes[204]);
        assertEquals(203, kernels.indexOf(codes, 203, codes.length, Bases.INVALID));
        assertEquals(-1, kernels.indexOf(codes, 204, codes.length, Bases.INVALID));
        final MemorySegment segment = MemorySegment.ofArray(ascii);
        assertEquals(201L, kernels.encodeBases(segment, 0, ascii.length, codes, 0));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void shouldEncodeInPlaceWhenCompactingFastaLines(final ByteKernels kernels)
    {
        final String first = "acgtn".repeat(20);
        final String second = "TTGCA".repeat(20);
        final byte[] fasta = (first + "\n" + second + "\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, kernels.encodeBases(fasta, 0, 100, fasta, 0));
        assertEquals(-1, kernels.encodeBases(fasta, 101, 100, fasta, 100));
        assertEquals((first + second).toUpperCase(), Bases.toString(fasta, 0, 200));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void shouldReturnRelativeOffsetWhenHaplotypesDiffer(final ByteKernels kernels)
    {
        final byte[] a = new byte[1002];
        final byte[] b = new byte[1005];
        for (int i = 0; i < 1000; i++)
        {
            a[2 + i] = (byte)(1 + i % 4);
            b[5 + i] = (byte)(1 + i % 4);
        }
        assertEquals(-1, kernels.mismatch(a, 2, b, 5, 1000));
        b[5 + 777] = Bases.N;
        assertEquals(777, kernels.mismatch(a, 2, b, 5, 1000));
        assertEquals(-1, kernels.mismatch(a, 2, b, 5, 777));
        assertEquals(2, kernels.mismatch(a, 0, b, 0, 1000));
        assertEquals(-1, kernels.mismatch(a, 2, b, 5, 0));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void shouldThrowIndexOutOfBoundsWhenRangeLeavesArray(final ByteKernels kernels)
    {
        final byte[] a = new byte[300];
        final byte[] small = new byte[10];
        final MemorySegment s = MemorySegment.ofArray(a);
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.indexOf(a, -1, 10, TAB));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.indexOf(a, 11, 10, TAB));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.indexOf(a, 0, 301, TAB));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.indexOf(s, 0, 301, TAB));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.countOf(a, 0, 301, TAB));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.countOf(s, -1, 300, TAB));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.indexesOf(a, 200, 100, TAB, new int[4]));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.encodeBases(a, 0, 301, new byte[301], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.encodeBases(a, 0, 300, small, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.encodeBases(a, 0, -1, small, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.encodeBases(s, 0, 300, small, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.encodeBases(s, 1, 300, a, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.mismatch(a, 0, small, 0, 11));
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.mismatch(a, 0, small, 0, -1));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void shouldLeaveArraysUntouchedWhenRangeIsRejected(final ByteKernels kernels)
    {
        final byte[] a = "ACGT".repeat(100).getBytes(StandardCharsets.US_ASCII);
        final byte[] dst = new byte[399];
        assertThrows(IndexOutOfBoundsException.class, () -> kernels.encodeBases(a, 0, 400, dst, 0));
        assertArrayEquals(new byte[399], dst);
        assertThrows(IllegalArgumentException.class, () -> kernels.encodeBases(a, 10, 200, a, 11));
        assertEquals("ACGT".repeat(100), new String(a, StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void shouldUseLongOffsetsWhenMappedFileExceedsTwoGigabytes(final ByteKernels kernels, @TempDir final Path dir)
        throws IOException
    {
        final long twoGiB = 1L << 31;
        final Path file = dir.resolve("sparse.bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE, StandardOpenOption.SPARSE);
             Arena arena = Arena.ofConfined())
        {
            final MemorySegment mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, twoGiB + 4096, arena);
            mapped.set(ValueLayout.JAVA_BYTE, twoGiB - 3, (byte)'\n');
            mapped.set(ValueLayout.JAVA_BYTE, twoGiB + 700, (byte)'\n');
            for (long i = twoGiB + 1000; i < twoGiB + 1300; i++)
            {
                mapped.set(ValueLayout.JAVA_BYTE, i, (byte)"ACGT".charAt((int)(i % 4)));
            }
            mapped.set(ValueLayout.JAVA_BYTE, twoGiB + 1250, (byte)'R');
            assertEquals(twoGiB - 3, kernels.indexOf(mapped, twoGiB - 500, twoGiB + 4096, (byte)'\n'));
            assertEquals(twoGiB + 700, kernels.indexOf(mapped, twoGiB - 2, twoGiB + 4096, (byte)'\n'));
            assertEquals(2L, kernels.countOf(mapped, twoGiB - 500, twoGiB + 4096, (byte)'\n'));
            final byte[] codes = new byte[300];
            assertEquals(twoGiB + 1250, kernels.encodeBases(mapped, twoGiB + 1000, 300, codes, 0));
            assertEquals(Bases.code((byte)"ACGT".charAt((int)((twoGiB + 1000) % 4))), codes[0]);
        }
    }
}

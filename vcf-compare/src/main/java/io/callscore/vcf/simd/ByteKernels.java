package io.callscore.vcf.simd;

import java.lang.foreign.MemorySegment;

/**
 * The byte loops that dominate reading VCF and FASTA text and comparing haplotypes, behind one interface so that a
 * SIMD implementation ({@code PanamaByteKernels}, Vector API) and the plain-loop truth ({@link ScalarByteKernels})
 * are interchangeable and can be tested against each other. Obtain the best one for this JVM from
 * {@link VectorizationProvider#byteKernels()}.
 *
 * <p>Contract shared by every method and every implementation:
 * <ul>
 *   <li>Results are exactly equal between implementations, for every input.</li>
 *   <li>Ranges are half-open, {@code [from, to)} or {@code [from, from + length)}; a range outside its array or
 *       segment throws {@link IndexOutOfBoundsException} before anything is read or written, and nothing outside
 *       the range is ever read or written.</li>
 *   <li>Returned positions are absolute indexes into the array or segment named in the method, except
 *       {@link #mismatch} which, like {@link java.util.Arrays#mismatch(byte[], int, int, byte[], int, int)},
 *       returns an offset relative to the start of the compared ranges.</li>
 *   <li>No allocation and no state: one instance serves every thread.</li>
 * </ul>
 */
public interface ByteKernels
{
    /**
     * First index of {@code b} in {@code a[from, to)}, or -1: the next tab of a VCF record, the next newline of a
     * buffer.
     */
    int indexOf(byte[] a, int from, int to, byte b);

    /** As {@link #indexOf(byte[], int, int, byte)} over a segment (a memory-mapped file): an offset, or -1. */
    long indexOf(MemorySegment s, long from, long to, byte b);

    /** Number of occurrences of {@code b} in {@code a[from, to)}: lines in a buffer, columns in a record. */
    int countOf(byte[] a, int from, int to, byte b);

    /** As {@link #countOf(byte[], int, int, byte)} over a segment (a memory-mapped file). */
    long countOf(MemorySegment s, long from, long to, byte b);

    /**
     * Writes the indexes of the occurrences of {@code b} in {@code a[from, to)}, in increasing order, into
     * {@code dst[0..]}, stopping once {@code dst} is full; returns how many were written. Splits a VCF record at
     * all its tabs in one pass; a parser that needs only the first nine columns passes a 9-element array and the
     * scan stops at the ninth tab. A return of {@code dst.length} means there may be more.
     */
    int indexesOf(byte[] a, int from, int to, byte b, int[] dst);

    /**
     * Encodes ASCII bases {@code ascii[from, from + length)} into {@code dst[at, at + length)} with the codes of
     * {@link io.callscore.vcf.Bases} ({@code N=0, A=1, C=2, G=3, T=4}, either case). Every position is written,
     * exactly as {@link io.callscore.vcf.Bases#code(byte)} would; a byte that is not one of {@code ACGTNacgtn}
     * becomes {@link io.callscore.vcf.Bases#INVALID}.
     *
     * <p>Returns the index in {@code ascii} of the first byte that is not a base, or -1 when all are bases: the
     * caller either reports it (a VCF REF) or maps it (FASTA IUPAC codes to N) and looks for the next
     * {@code INVALID} in {@code dst} with {@link #indexOf(byte[], int, int, byte)}.
     *
     * <p>In place is allowed: {@code dst} may be {@code ascii} with {@code at <= from}, so a FASTA reader can
     * compact lines and encode them without a second buffer ({@code at > from} inside the range would read codes
     * instead of letters and throws {@link IllegalArgumentException}). Encoding 60-byte FASTA lines one call at a time
     * stays below the vector threshold; copy them together first and encode once.
     */
    int encodeBases(byte[] ascii, int from, int length, byte[] dst, int at);

    /**
     * As {@link #encodeBases(byte[], int, int, byte[], int)} reading from a segment (a memory-mapped FASTA);
     * returns the segment offset of the first byte that is not a base, or -1. The segment must not overlap
     * {@code dst}.
     */
    long encodeBases(MemorySegment ascii, long from, int length, byte[] dst, int at);

    /**
     * Offset of the first difference between {@code a[aFrom, aFrom + length)} and {@code b[bFrom, bFrom + length)},
     * relative to the ranges' starts, or -1 when they are equal: compares two haplotypes' encoded bases.
     */
    int mismatch(byte[] a, int aFrom, byte[] b, int bFrom, int length);

    /** What runs, for logs and benchmark reports: "scalar", or the Vector API species in use. */
    String description();
}

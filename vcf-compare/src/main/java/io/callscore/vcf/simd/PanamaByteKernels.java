package io.callscore.vcf.simd;

import io.callscore.vcf.Bases;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * {@link ByteKernels} on the Vector API (incubating in JDK 25, JEP 508). Each kernel is a vector body over whole
 * vectors plus the scalar loop of {@link ScalarByteKernels} for the tail; ranges shorter than
 * {@link #VECTOR_THRESHOLD} run the scalar loop alone, because below two vectors the setup costs more than it saves.
 *
 * <p>Only {@link VectorizationProvider} creates this class, reflectively, after checking that
 * {@code jdk.incubator.vector} is loaded: it is the one class, with its static fields, that touches the Vector API.
 *
 * <p>CPU notes: on AVX-512 the comparisons yield k-register masks and {@code toLong}/{@code firstTrue} are single
 * instructions; on AVX2 a mask is a vector and they become {@code vpmovmskb} plus a bit scan, still cheap. Masks
 * of at most 64 lanes fit a long, so wider species (SVE beyond 512 bits) are capped at 512.
 */
final class PanamaByteKernels implements ByteKernels
{
    /**
     * Test-only: pins the vector width in bits (128, 256, 512; never above the CPU's), so that one machine can
     * exercise the lane counts of others. Read once, when this class initialises.
     */
    static final String VECTOR_BITS_PROP_NAME = "callscore.simd.vectorBits";

    static final VectorSpecies<Byte> SPECIES = species(Integer.getInteger(VECTOR_BITS_PROP_NAME, 0));
    static final int LANES = SPECIES.length();
    /** Ranges shorter than this run the scalar loop only. */
    static final int VECTOR_THRESHOLD = 2 * LANES;

    private static final int MIN_BITS = 128;
    private static final int MAX_BITS = 512;
    /** Clears bit 5, which maps {@code a-z} onto {@code A-Z}; exactly two bytes map onto each letter. */
    private static final byte CLEAR_CASE_BIT = (byte)0xDF;

    /** Fails (so that the provider falls back to scalar) where vectors are narrower than 128 bits. */
    PanamaByteKernels()
    {
        if (SPECIES.vectorBitSize() < MIN_BITS)
        {
            throw new UnsupportedOperationException("vectors of " + SPECIES.vectorBitSize() + " bits are too narrow");
        }
    }

    private static VectorSpecies<Byte> species(final int pinnedBits)
    {
        final VectorSpecies<Byte> preferred = ByteVector.SPECIES_PREFERRED;
        int bits = Math.min(preferred.vectorBitSize(), MAX_BITS);
        if (pinnedBits > 0)
        {
            bits = Math.min(bits, pinnedBits);
        }
        return bits == preferred.vectorBitSize()
            ? preferred
            : VectorSpecies.of(byte.class, VectorShape.forBitSize(bits));
    }

    @Override
    public int indexOf(final byte[] a, final int from, final int to, final byte b)
    {
        Objects.checkFromToIndex(from, to, a.length);
        int i = from;
        if (to - from >= VECTOR_THRESHOLD)
        {
            final int bound = from + SPECIES.loopBound(to - from);
            for (; i < bound; i += LANES)
            {
                final VectorMask<Byte> hits = ByteVector.fromArray(SPECIES, a, i).eq(b);
                if (hits.anyTrue())
                {
                    return i + hits.firstTrue();
                }
            }
        }
        return ScalarByteKernels.indexOfLoop(a, i, to, b);
    }

    @Override
    public long indexOf(final MemorySegment s, final long from, final long to, final byte b)
    {
        Objects.checkFromToIndex(from, to, s.byteSize());
        long i = from;
        if (to - from >= VECTOR_THRESHOLD)
        {
            final long bound = from + SPECIES.loopBound(to - from);
            for (; i < bound; i += LANES)
            {
                final VectorMask<Byte> hits =
                    ByteVector.fromMemorySegment(SPECIES, s, i, ByteOrder.nativeOrder()).eq(b);
                if (hits.anyTrue())
                {
                    return i + hits.firstTrue();
                }
            }
        }
        return ScalarByteKernels.indexOfLoop(s, i, to, b);
    }

    @Override
    public int countOf(final byte[] a, final int from, final int to, final byte b)
    {
        Objects.checkFromToIndex(from, to, a.length);
        int i = from;
        int count = 0;
        if (to - from >= VECTOR_THRESHOLD)
        {
            final int bound = from + SPECIES.loopBound(to - from);
            for (; i < bound; i += LANES)
            {
                count += ByteVector.fromArray(SPECIES, a, i).eq(b).trueCount();
            }
        }
        return count + ScalarByteKernels.countOfLoop(a, i, to, b);
    }

    @Override
    public long countOf(final MemorySegment s, final long from, final long to, final byte b)
    {
        Objects.checkFromToIndex(from, to, s.byteSize());
        long i = from;
        long count = 0;
        if (to - from >= VECTOR_THRESHOLD)
        {
            final long bound = from + SPECIES.loopBound(to - from);
            for (; i < bound; i += LANES)
            {
                count += ByteVector.fromMemorySegment(SPECIES, s, i, ByteOrder.nativeOrder()).eq(b).trueCount();
            }
        }
        return count + ScalarByteKernels.countOfLoop(s, i, to, b);
    }

    @Override
    public int indexesOf(final byte[] a, final int from, final int to, final byte b, final int[] dst)
    {
        Objects.checkFromToIndex(from, to, a.length);
        final int capacity = dst.length;
        int i = from;
        int n = 0;
        if (to - from >= VECTOR_THRESHOLD)
        {
            final int bound = from + SPECIES.loopBound(to - from);
            for (; i < bound && n < capacity; i += LANES)
            {
                long hits = ByteVector.fromArray(SPECIES, a, i).eq(b).toLong();
                while (hits != 0 && n < capacity)
                {
                    dst[n++] = i + Long.numberOfTrailingZeros(hits);
                    hits &= hits - 1;
                }
            }
        }
        return ScalarByteKernels.indexesOfLoop(a, i, to, b, dst, n);
    }

    @Override
    public int encodeBases(final byte[] ascii, final int from, final int length, final byte[] dst, final int at)
    {
        ScalarByteKernels.checkEncodeRanges(ascii, from, length, dst, at);
        int i = 0;
        int firstInvalid = -1;
        if (length >= VECTOR_THRESHOLD)
        {
            final int bound = SPECIES.loopBound(length);
            ByteVector seen = ByteVector.zero(SPECIES);
            for (; i < bound; i += LANES)
            {
                final ByteVector codes = codes(ByteVector.fromArray(SPECIES, ascii, from + i));
                codes.intoArray(dst, at + i);
                seen = seen.or(codes);
            }
            if (seen.lt((byte)0).anyTrue())
            {
                // Rare (bad input): INVALID is the only negative code, so find it again in what was written.
                firstInvalid = from + ScalarByteKernels.indexOfLoop(dst, at, at + bound, Bases.INVALID) - at;
            }
        }
        final int tailInvalid = ScalarByteKernels.encodeBasesLoop(ascii, from + i, from + length, dst, at + i);
        return firstInvalid >= 0 ? firstInvalid : tailInvalid;
    }

    @Override
    public long encodeBases(final MemorySegment ascii, final long from, final int length, final byte[] dst,
        final int at)
    {
        ScalarByteKernels.checkEncodeRanges(ascii, from, length, dst, at);
        int i = 0;
        long firstInvalid = -1;
        if (length >= VECTOR_THRESHOLD)
        {
            final int bound = SPECIES.loopBound(length);
            ByteVector seen = ByteVector.zero(SPECIES);
            for (; i < bound; i += LANES)
            {
                final ByteVector codes = codes(ByteVector.fromMemorySegment(SPECIES, ascii, from + i,
                    ByteOrder.nativeOrder()));
                codes.intoArray(dst, at + i);
                seen = seen.or(codes);
            }
            if (seen.lt((byte)0).anyTrue())
            {
                firstInvalid = from + ScalarByteKernels.indexOfLoop(dst, at, at + bound, Bases.INVALID) - at;
            }
        }
        final long tailInvalid = ScalarByteKernels.encodeBasesLoop(ascii, from + i, from + length, dst, at + i);
        return firstInvalid >= 0 ? firstInvalid : tailInvalid;
    }

    /**
     * {@link Bases#code(byte)} of every lane: fold case, start from INVALID and blend in each base's code where the
     * folded byte equals its letter. Five compares and blends per vector, against a table load per byte.
     */
    private static ByteVector codes(final ByteVector ascii)
    {
        final ByteVector upper = ascii.and(CLEAR_CASE_BIT);
        return upper.broadcast(Bases.INVALID)
            .blend(Bases.N, upper.eq((byte)'N'))
            .blend(Bases.A, upper.eq((byte)'A'))
            .blend(Bases.C, upper.eq((byte)'C'))
            .blend(Bases.G, upper.eq((byte)'G'))
            .blend(Bases.T, upper.eq((byte)'T'));
    }

    @Override
    public int mismatch(final byte[] a, final int aFrom, final byte[] b, final int bFrom, final int length)
    {
        Objects.checkFromIndexSize(aFrom, length, a.length);
        Objects.checkFromIndexSize(bFrom, length, b.length);
        int i = 0;
        if (length >= VECTOR_THRESHOLD)
        {
            final int bound = SPECIES.loopBound(length);
            for (; i < bound; i += LANES)
            {
                final VectorMask<Byte> differ = ByteVector.fromArray(SPECIES, a, aFrom + i)
                    .compare(VectorOperators.NE, ByteVector.fromArray(SPECIES, b, bFrom + i));
                if (differ.anyTrue())
                {
                    return i + differ.firstTrue();
                }
            }
        }
        return ScalarByteKernels.mismatchLoop(a, aFrom, b, bFrom, i, length);
    }

    @Override
    public String description()
    {
        return "Panama Vector API, " + SPECIES.vectorBitSize() + "-bit (" + LANES + " byte lanes)";
    }

    @Override
    public String toString()
    {
        return description();
    }
}

package io.callscore.vcf.simd;

import io.callscore.vcf.Bases;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * The reference implementation of {@link ByteKernels}: plain loops, obviously right, the truth the SIMD
 * implementation is tested against and the fallback on JVMs without the Vector API. Its static loops are also the
 * scalar tails of {@code PanamaByteKernels}, so both share one definition of every result.
 */
public final class ScalarByteKernels implements ByteKernels
{
    /** Stateless; one instance serves every caller. */
    public ScalarByteKernels()
    {
    }

    @Override
    public int indexOf(final byte[] a, final int from, final int to, final byte b)
    {
        Objects.checkFromToIndex(from, to, a.length);
        return indexOfLoop(a, from, to, b);
    }

    @Override
    public long indexOf(final MemorySegment s, final long from, final long to, final byte b)
    {
        Objects.checkFromToIndex(from, to, s.byteSize());
        return indexOfLoop(s, from, to, b);
    }

    @Override
    public int countOf(final byte[] a, final int from, final int to, final byte b)
    {
        Objects.checkFromToIndex(from, to, a.length);
        return countOfLoop(a, from, to, b);
    }

    @Override
    public long countOf(final MemorySegment s, final long from, final long to, final byte b)
    {
        Objects.checkFromToIndex(from, to, s.byteSize());
        return countOfLoop(s, from, to, b);
    }

    @Override
    public int indexesOf(final byte[] a, final int from, final int to, final byte b, final int[] dst)
    {
        Objects.checkFromToIndex(from, to, a.length);
        return indexesOfLoop(a, from, to, b, dst, 0);
    }

    @Override
    public int encodeBases(final byte[] ascii, final int from, final int length, final byte[] dst, final int at)
    {
        checkEncodeRanges(ascii, from, length, dst, at);
        return encodeBasesLoop(ascii, from, from + length, dst, at);
    }

    @Override
    public long encodeBases(final MemorySegment ascii, final long from, final int length, final byte[] dst,
        final int at)
    {
        checkEncodeRanges(ascii, from, length, dst, at);
        return encodeBasesLoop(ascii, from, from + length, dst, at);
    }

    @Override
    public int mismatch(final byte[] a, final int aFrom, final byte[] b, final int bFrom, final int length)
    {
        Objects.checkFromIndexSize(aFrom, length, a.length);
        Objects.checkFromIndexSize(bFrom, length, b.length);
        return mismatchLoop(a, aFrom, b, bFrom, 0, length);
    }

    @Override
    public String description()
    {
        return "scalar";
    }

    @Override
    public String toString()
    {
        return description();
    }

    static void checkEncodeRanges(final byte[] ascii, final int from, final int length, final byte[] dst,
        final int at)
    {
        Objects.checkFromIndexSize(from, length, ascii.length);
        Objects.checkFromIndexSize(at, length, dst.length);
        if (ascii == dst && at > from && at < from + length)
        {
            // Encoding forwards over its own unread input would read codes, not letters.
            throw new IllegalArgumentException("in-place encoding needs at <= from, got at=" + at + " from=" + from);
        }
    }

    static void checkEncodeRanges(final MemorySegment ascii, final long from, final int length, final byte[] dst,
        final int at)
    {
        Objects.checkFromIndexSize(from, length, ascii.byteSize());
        Objects.checkFromIndexSize(at, length, dst.length);
    }

    static int indexOfLoop(final byte[] a, final int from, final int to, final byte b)
    {
        for (int i = from; i < to; i++)
        {
            if (a[i] == b)
            {
                return i;
            }
        }
        return -1;
    }

    static long indexOfLoop(final MemorySegment s, final long from, final long to, final byte b)
    {
        for (long i = from; i < to; i++)
        {
            if (s.get(ValueLayout.JAVA_BYTE, i) == b)
            {
                return i;
            }
        }
        return -1;
    }

    static int countOfLoop(final byte[] a, final int from, final int to, final byte b)
    {
        int count = 0;
        for (int i = from; i < to; i++)
        {
            if (a[i] == b)
            {
                count++;
            }
        }
        return count;
    }

    static long countOfLoop(final MemorySegment s, final long from, final long to, final byte b)
    {
        long count = 0;
        for (long i = from; i < to; i++)
        {
            if (s.get(ValueLayout.JAVA_BYTE, i) == b)
            {
                count++;
            }
        }
        return count;
    }

    /** Appends indexes to {@code dst} from {@code dst[written]}; returns the new number written. */
    static int indexesOfLoop(final byte[] a, final int from, final int to, final byte b, final int[] dst,
        final int written)
    {
        final int capacity = dst.length;
        int n = written;
        for (int i = from; i < to && n < capacity; i++)
        {
            if (a[i] == b)
            {
                dst[n++] = i;
            }
        }
        return n;
    }

    /** Encodes {@code ascii[from, to)} to {@code dst[at..]}; returns the first invalid index in ascii, or -1. */
    static int encodeBasesLoop(final byte[] ascii, final int from, final int to, final byte[] dst, final int at)
    {
        int firstInvalid = -1;
        for (int i = from, o = at; i < to; i++, o++)
        {
            final byte code = Bases.code(ascii[i]);
            dst[o] = code;
            if (code == Bases.INVALID && firstInvalid < 0)
            {
                firstInvalid = i;
            }
        }
        return firstInvalid;
    }

    static long encodeBasesLoop(final MemorySegment ascii, final long from, final long to, final byte[] dst,
        final int at)
    {
        long firstInvalid = -1;
        int o = at;
        for (long i = from; i < to; i++, o++)
        {
            final byte code = Bases.code(ascii.get(ValueLayout.JAVA_BYTE, i));
            dst[o] = code;
            if (code == Bases.INVALID && firstInvalid < 0)
            {
                firstInvalid = i;
            }
        }
        return firstInvalid;
    }

    /** Compares from relative offset {@code start} to {@code length}; returns the first differing offset, or -1. */
    static int mismatchLoop(final byte[] a, final int aFrom, final byte[] b, final int bFrom, final int start,
        final int length)
    {
        for (int i = start; i < length; i++)
        {
            if (a[aFrom + i] != b[bFrom + i])
            {
                return i;
            }
        }
        return -1;
    }
}

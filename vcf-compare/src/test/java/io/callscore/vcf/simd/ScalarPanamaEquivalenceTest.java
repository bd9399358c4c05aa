package io.callscore.vcf.simd;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exhaustive scalar == vector: every length 0..300 (so every tail length at every lane width up to 64, and both
 * sides of the vector threshold), two large odd lengths, every start offset 0..3 (alignment), random bytes and the
 * extreme fills. Bytes just outside each range are chosen to change the result if a kernel read them.
 */
final class ScalarPanamaEquivalenceTest extends ByteKernelsTestCase
{
    private static final long SEED = 0x5EED_CA11L;
    private static final int MAX_SMALL_LENGTH = 300;
    private static final int[] LARGE_LENGTHS = {4099, 65_537};
    private static final int MAX_OFFSET = 3;
    private static final int GUARD = 7;
    private static final int DST_GUARD_VALUE = -7;
    private static final int NEAR_END = 130;
    private static final byte[] TARGETS = {'\t', '\n', 0, Byte.MIN_VALUE, Byte.MAX_VALUE};
    private static final byte[] BASE_LETTERS = "ACGTNacgtn".getBytes(StandardCharsets.US_ASCII);
    /** Not bases, but one bit (often the case bit or the sign bit) away from one, or otherwise tempting. */
    private static final byte[] NEAR_MISSES = {'B', 'U', 'X', 'O', 'Q', '@', '`', '-', '*', '.', 0, 1, 0x0E,
        (byte)0xC1, (byte)0xE1, (byte)0xCE, (byte)0xEE, (byte)0xD4, (byte)0xF4, Byte.MIN_VALUE, Byte.MAX_VALUE};

    private enum SearchFill
    {
        RANDOM, DENSE, ZEROS, MIN_VALUES, MAX_VALUES, ALL_MATCH, NONE_MATCH, MATCH_AT_LAST, MATCH_AT_RANDOM,
        MATCH_NEAR_END
    }

    private enum EncodeFill
    {
        RANDOM, BASES, UPPER_CASE, LOWER_CASE, INVALID_AT_FIRST, INVALID_AT_LAST, INVALID_AT_RANDOM,
        EVERY_BYTE_VALUE, ZEROS, MIN_VALUES, MAX_VALUES
    }

    private enum MismatchFill
    {
        EQUAL_RANDOM, EQUAL_ZEROS, EQUAL_MIN_VALUES, EQUAL_MAX_VALUES, DIFFER_AT_FIRST, DIFFER_AT_LAST,
        DIFFER_AT_RANDOM, DIFFER_IN_SIGN_BIT, BOTH_RANDOM
    }

    @FunctionalInterface
    private interface SearchCheck
    {
        void check(byte[] a, int from, int to, byte target, String label);
    }

    @Test
    void shouldFindSameFirstIndexWhenLengthOffsetAndFillVary()
    {
        forEachSearchCase((a, from, to, target, label) ->
            assertEquals(SCALAR.indexOf(a, from, to, target), panama.indexOf(a, from, to, target), label));
    }

    @Test
    void shouldCountSameWhenLengthOffsetAndFillVary()
    {
        forEachSearchCase((a, from, to, target, label) ->
            assertEquals(SCALAR.countOf(a, from, to, target), panama.countOf(a, from, to, target), label));
    }

    @Test
    void shouldListSameIndexesWhenCapacityLengthOffsetAndFillVary()
    {
        forEachSearchCase((a, from, to, target, label) ->
        {
            for (final int capacity : new int[] {0, 1, 9, to - from + 1})
            {
                final int[] expected = filled(capacity);
                final int[] actual = filled(capacity);
                final String where = label + " capacity=" + capacity;
                assertEquals(SCALAR.indexesOf(a, from, to, target, expected),
                    panama.indexesOf(a, from, to, target, actual), where);
                assertArrayEquals(expected, actual, where);
            }
        });
    }

    @Test
    void shouldSearchSegmentsAlikeWhenHeapOrNative()
    {
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment scratch = arena.allocate(maxArrayLength());
            forEachSearchCase((a, from, to, target, label) ->
            {
                final MemorySegment nativeSegment = scratch.asSlice(0, a.length);
                MemorySegment.copy(a, 0, nativeSegment, ValueLayout.JAVA_BYTE, 0, a.length);
                for (final MemorySegment s : new MemorySegment[] {MemorySegment.ofArray(a), nativeSegment})
                {
                    final String where = label + (s.isNative() ? " native" : " heap");
                    assertEquals(SCALAR.indexOf(a, from, to, target), panama.indexOf(s, from, to, target), where);
                    assertEquals(SCALAR.indexOf(s, from, to, target), panama.indexOf(s, from, to, target), where);
                    assertEquals(SCALAR.countOf(a, from, to, target), panama.countOf(s, from, to, target), where);
                    assertEquals(SCALAR.countOf(s, from, to, target), panama.countOf(s, from, to, target), where);
                }
            });
        }
    }

    @Test
    void shouldEncodeSameCodesAndFirstInvalidWhenLengthOffsetAndFillVary()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (final EncodeFill fill : EncodeFill.values())
        {
            for (final int length : lengths())
            {
                for (int offset = 0; offset <= MAX_OFFSET; offset++)
                {
                    final byte[] ascii = encodeInput(fill, offset, length, random);
                    final int at = (offset * 3 + 1) % (MAX_OFFSET + 1);
                    final String label = fill + " length=" + length + " offset=" + offset + " at=" + at;
                    final byte[] expected = dstFor(at, length);
                    final byte[] actual = dstFor(at, length);
                    assertEquals(SCALAR.encodeBases(ascii, offset, length, expected, at),
                        panama.encodeBases(ascii, offset, length, actual, at), label);
                    assertArrayEquals(expected, actual, label);
                }
            }
        }
    }

    @Test
    void shouldEncodeSameInPlaceWhenDestinationStartsAtOrBeforeSource()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (final EncodeFill fill : EncodeFill.values())
        {
            for (final int length : lengths())
            {
                for (int offset = 0; offset <= MAX_OFFSET; offset++)
                {
                    final byte[] ascii = encodeInput(fill, offset, length, random);
                    for (final int at : new int[] {offset, 0})
                    {
                        final String label = fill + " in place length=" + length + " offset=" + offset + " at=" + at;
                        final byte[] expected = ascii.clone();
                        final byte[] actual = ascii.clone();
                        assertEquals(SCALAR.encodeBases(expected, offset, length, expected, at),
                            panama.encodeBases(actual, offset, length, actual, at), label);
                        assertArrayEquals(expected, actual, label);
                    }
                }
            }
        }
    }

    @Test
    void shouldEncodeSegmentsAlikeWhenHeapOrNative()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment scratch = arena.allocate(maxArrayLength());
            for (final EncodeFill fill : EncodeFill.values())
            {
                for (final int length : lengths())
                {
                    for (int offset = 0; offset <= MAX_OFFSET; offset++)
                    {
                        final byte[] ascii = encodeInput(fill, offset, length, random);
                        final MemorySegment nativeSegment = scratch.asSlice(0, ascii.length);
                        MemorySegment.copy(ascii, 0, nativeSegment, ValueLayout.JAVA_BYTE, 0,
                            ascii.length);
                        final byte[] fromArray = dstFor(offset, length);
                        final int firstInvalid = SCALAR.encodeBases(ascii, offset, length, fromArray, offset);
                        for (final MemorySegment s : new MemorySegment[] {MemorySegment.ofArray(ascii), nativeSegment})
                        {
                            final String label = fill + " length=" + length + " offset=" + offset
                                + (s.isNative() ? " native" : " heap");
                            final byte[] expected = dstFor(offset, length);
                            final byte[] actual = dstFor(offset, length);
                            assertEquals(SCALAR.encodeBases(s, offset, length, expected, offset),
                                panama.encodeBases(s, offset, length, actual, offset), label);
                            assertEquals(firstInvalid, panama.encodeBases(s, offset, length, actual, offset), label);
                            assertArrayEquals(expected, actual, label);
                            assertArrayEquals(fromArray, actual, label);
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldFindSameMismatchWhenLengthOffsetsAndFillVary()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (final MismatchFill fill : MismatchFill.values())
        {
            for (final int length : lengths())
            {
                for (int aFrom = 0; aFrom <= MAX_OFFSET; aFrom++)
                {
                    for (int bFrom = 0; bFrom <= MAX_OFFSET; bFrom++)
                    {
                        final byte[] a = new byte[aFrom + length + GUARD];
                        final byte[] b = new byte[bFrom + length + GUARD];
                        mismatchInputs(fill, a, aFrom, b, bFrom, length, random);
                        final String label = fill + " length=" + length + " aFrom=" + aFrom + " bFrom=" + bFrom;
                        assertEquals(SCALAR.mismatch(a, aFrom, b, bFrom, length),
                            panama.mismatch(a, aFrom, b, bFrom, length), label);
                    }
                }
            }
        }
    }

    private static void forEachSearchCase(final SearchCheck check)
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (final byte target : TARGETS)
        {
            for (final SearchFill fill : SearchFill.values())
            {
                for (final int length : lengths())
                {
                    for (int offset = 0; offset <= MAX_OFFSET; offset++)
                    {
                        final byte[] a = searchInput(fill, offset, length, target, random);
                        check.check(a, offset, offset + length, target,
                            fill + " target=" + target + " length=" + length + " offset=" + offset);
                    }
                }
            }
        }
    }

    private static int[] lengths()
    {
        return IntStream.concat(IntStream.rangeClosed(0, MAX_SMALL_LENGTH), IntStream.of(LARGE_LENGTHS)).toArray();
    }

    private static long maxArrayLength()
    {
        return Arrays.stream(LARGE_LENGTHS).max().orElseThrow() + MAX_OFFSET + GUARD;
    }

    /** The range holds the fill; the bytes around it are the target, so reading past the range would find it. */
    private static byte[] searchInput(final SearchFill fill, final int offset, final int length, final byte target,
        final SplittableRandom random)
    {
        final byte[] a = new byte[offset + length + GUARD];
        Arrays.fill(a, target);
        final int to = offset + length;
        for (int i = offset; i < to; i++)
        {
            a[i] = switch (fill)
            {
                case RANDOM -> (byte)random.nextInt(256);
                case DENSE -> random.nextInt(4) == 0 ? target : (byte)random.nextInt(256);
                case ZEROS -> 0;
                case MIN_VALUES -> Byte.MIN_VALUE;
                case MAX_VALUES -> Byte.MAX_VALUE;
                case ALL_MATCH -> target;
                case NONE_MATCH, MATCH_AT_LAST, MATCH_AT_RANDOM, MATCH_NEAR_END -> other(target, random);
            };
        }
        if (length > 0)
        {
            switch (fill)
            {
                case MATCH_AT_LAST -> a[to - 1] = target;
                case MATCH_AT_RANDOM -> a[offset + random.nextInt(length)] = target;
                // In the last two vectors of the widest species, where the body hands over to the tail.
                case MATCH_NEAR_END -> a[to - 1 - random.nextInt(Math.min(length, NEAR_END))] = target;
                default ->
                {
                    // The fill alone decides.
                }
            }
        }
        return a;
    }

    /** The range holds the fill; the bytes around it are not bases, so reading them would report an invalid. */
    private static byte[] encodeInput(final EncodeFill fill, final int offset, final int length,
        final SplittableRandom random)
    {
        final byte[] a = new byte[offset + length + GUARD];
        Arrays.fill(a, (byte)'!');
        final int to = offset + length;
        final int start = random.nextInt(256);
        for (int i = offset; i < to; i++)
        {
            a[i] = switch (fill)
            {
                case RANDOM -> (byte)random.nextInt(256);
                case UPPER_CASE -> BASE_LETTERS[random.nextInt(5)];
                case LOWER_CASE -> BASE_LETTERS[5 + random.nextInt(5)];
                case EVERY_BYTE_VALUE -> (byte)(start + i);
                case ZEROS -> 0;
                case MIN_VALUES -> Byte.MIN_VALUE;
                case MAX_VALUES -> Byte.MAX_VALUE;
                case BASES, INVALID_AT_FIRST, INVALID_AT_LAST, INVALID_AT_RANDOM ->
                    BASE_LETTERS[random.nextInt(BASE_LETTERS.length)];
            };
        }
        if (length > 0)
        {
            final byte nearMiss = NEAR_MISSES[random.nextInt(NEAR_MISSES.length)];
            switch (fill)
            {
                case INVALID_AT_FIRST -> a[offset] = nearMiss;
                case INVALID_AT_LAST -> a[to - 1] = nearMiss;
                case INVALID_AT_RANDOM -> a[offset + random.nextInt(length)] = nearMiss;
                default ->
                {
                    // The fill alone decides.
                }
            }
        }
        return a;
    }

    private static void mismatchInputs(final MismatchFill fill, final byte[] a, final int aFrom, final byte[] b,
        final int bFrom, final int length, final SplittableRandom random)
    {
        Arrays.fill(a, (byte)1);
        Arrays.fill(b, (byte)2);
        for (int i = 0; i < length; i++)
        {
            a[aFrom + i] = switch (fill)
            {
                case EQUAL_ZEROS -> 0;
                case EQUAL_MIN_VALUES -> Byte.MIN_VALUE;
                case EQUAL_MAX_VALUES -> Byte.MAX_VALUE;
                default -> (byte)random.nextInt(256);
            };
            b[bFrom + i] = fill == MismatchFill.BOTH_RANDOM ? (byte)random.nextInt(256) : a[aFrom + i];
        }
        if (length == 0)
        {
            return;
        }
        final int at = switch (fill)
        {
            case DIFFER_AT_FIRST -> 0;
            case DIFFER_AT_LAST -> length - 1;
            case DIFFER_AT_RANDOM, DIFFER_IN_SIGN_BIT -> random.nextInt(length);
            default -> -1;
        };
        if (at >= 0)
        {
            final int flip = fill == MismatchFill.DIFFER_IN_SIGN_BIT ? 0x80 : 1 + random.nextInt(255);
            b[bFrom + at] = (byte)(a[aFrom + at] ^ flip);
        }
    }

    private static byte other(final byte target, final SplittableRandom random)
    {
        final byte b = (byte)random.nextInt(255);
        return b == target ? (byte)(b + 1) : b;
    }

    private static int[] filled(final int capacity)
    {
        final int[] dst = new int[capacity];
        Arrays.fill(dst, DST_GUARD_VALUE);
        return dst;
    }

    private static byte[] dstFor(final int at, final int length)
    {
        final byte[] dst = new byte[at + length + GUARD];
        Arrays.fill(dst, (byte)DST_GUARD_VALUE);
        return dst;
    }
}

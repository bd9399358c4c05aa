package io.callscore.vcf.simd;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

/**
 * Scalar == vector on generated inputs (QuickTheories): arrays of any byte, biased towards the bytes the kernels
 * look for and the extremes, with ranges, capacities and edits drawn at random. Complements the exhaustive
 * equivalence test with shapes nobody thought to write down; a failure shrinks to a small counterexample.
 */
final class ByteKernelsProperties extends ByteKernelsTestCase
{
    private static final int MAX_LENGTH = 700;
    private static final List<Byte> SPECIAL = List.of((byte)'\t', (byte)'\n', (byte)':', (byte)'A', (byte)'c',
        (byte)'G', (byte)'t', (byte)'N', (byte)'n', (byte)0xC1, (byte)0xE1, (byte)0, Byte.MIN_VALUE, Byte.MAX_VALUE);
    private static final List<Byte> BASES = List.of((byte)'A', (byte)'C', (byte)'G', (byte)'T', (byte)'N', (byte)'a',
        (byte)'c', (byte)'g', (byte)'t', (byte)'n');

    private static final Gen<Byte> ANY_BYTE = Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte)0);
    private static final Gen<Byte> BIASED_BYTE = ANY_BYTE.mix(Generate.pick(SPECIAL), 60);
    private static final Gen<Byte> MOSTLY_BASES = Generate.pick(BASES).mix(ANY_BYTE, 2);
    private static final Gen<Integer> SEED = Generate.range(0, Integer.MAX_VALUE);

    private static Gen<byte[]> arrays(final Gen<Byte> bytes)
    {
        return Generate.byteArrays(Generate.range(0, MAX_LENGTH), bytes);
    }

    @Test
    void shouldSearchAlikeWhenBytesAndRangesAreRandom()
    {
        qt().forAll(arrays(BIASED_BYTE), SEED, SEED, Generate.pick(SPECIAL).mix(ANY_BYTE, 20))
            .checkAssert((a, fromSeed, toSeed, target) ->
            {
                final int from = fromSeed % (a.length + 1);
                final int to = from + toSeed % (a.length - from + 1);
                final Supplier<String> where = () -> "from=" + from + " to=" + to + " target=" + target + " a="
                    + Arrays.toString(a);
                assertEquals(SCALAR.indexOf(a, from, to, target), panama.indexOf(a, from, to, target), where);
                assertEquals(SCALAR.countOf(a, from, to, target), panama.countOf(a, from, to, target), where);
                final MemorySegment s = MemorySegment.ofArray(a);
                assertEquals(SCALAR.indexOf(s, from, to, target), panama.indexOf(s, from, to, target), where);
                assertEquals(SCALAR.countOf(s, from, to, target), panama.countOf(s, from, to, target), where);
                final int capacity = (fromSeed ^ toSeed) % 40;
                final int[] expected = new int[capacity];
                final int[] actual = new int[capacity];
                assertEquals(SCALAR.indexesOf(a, from, to, target, expected),
                    panama.indexesOf(a, from, to, target, actual), where);
                assertArrayEquals(expected, actual, where);
            });
    }

    @Test
    void shouldEncodeAlikeWhenBasesCarryRareNonBases()
    {
        qt().forAll(arrays(MOSTLY_BASES), SEED, SEED, Generate.range(0, 5))
            .checkAssert((ascii, fromSeed, lengthSeed, at) ->
            {
                final int from = fromSeed % (ascii.length + 1);
                final int length = lengthSeed % (ascii.length - from + 1);
                final Supplier<String> where = () -> "from=" + from + " length=" + length + " at=" + at + " "
                    + new String(ascii, StandardCharsets.ISO_8859_1);
                final byte[] expected = new byte[at + length];
                final byte[] actual = new byte[at + length];
                assertEquals(SCALAR.encodeBases(ascii, from, length, expected, at),
                    panama.encodeBases(ascii, from, length, actual, at), where);
                assertArrayEquals(expected, actual, where);
                final MemorySegment s = MemorySegment.ofArray(ascii);
                assertEquals(SCALAR.encodeBases(s, from, length, expected, at),
                    panama.encodeBases(s, from, length, actual, at), where);
                assertArrayEquals(expected, actual, where);
            });
    }

    @Test
    void shouldFindSameMismatchWhenOneHaplotypeIsEdited()
    {
        qt().forAll(arrays(BIASED_BYTE), SEED, ANY_BYTE, Generate.range(0, 15))
            .checkAssert((a, positionSeed, replacement, offsets) ->
            {
                final int aFrom = Math.min(offsets & 3, a.length);
                final int bFrom = offsets >> 2;
                final int length = Math.max(0, a.length - aFrom);
                final byte[] b = new byte[bFrom + length];
                System.arraycopy(a, aFrom, b, bFrom, length);
                if (length > 0 && positionSeed % 4 != 0)
                {
                    b[bFrom + positionSeed % length] = replacement;
                }
                final Supplier<String> where = () -> "aFrom=" + aFrom + " bFrom=" + bFrom + " a=" + Arrays.toString(a)
                    + " b=" + Arrays.toString(b);
                assertEquals(SCALAR.mismatch(a, aFrom, b, bFrom, length), panama.mismatch(a, aFrom, b, bFrom, length),
                    where);
            });
    }
}

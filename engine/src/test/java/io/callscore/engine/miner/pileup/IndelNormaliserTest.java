package io.callscore.engine.miner.pileup;

import io.callscore.vcf.Bases;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

class IndelNormaliserTest
{
    @Test
    void shouldMoveDeletionToStartOfHomopolymerWhenPlacedInside()
    {
        final byte[] ref = codes("ACGAAAATC");
        assertEquals(2, IndelNormaliser.leftDeletion(ref, 5, 1));
        assertEquals(5, IndelNormaliser.rightDeletion(ref, 2, 1));
    }

    @Test
    void shouldMoveDinucleotideDeletionAcrossWholeRepeat()
    {
        final byte[] ref = codes("TCACACAG");
        assertEquals(0, IndelNormaliser.leftDeletion(ref, 4, 2));
        assertEquals(4, IndelNormaliser.rightDeletion(ref, 0, 2));
    }

    @Test
    void shouldRotateInsertedBasesWhenMovingInsertionLeft()
    {
        // GACA+CA+CT is GACACACT, as is G+AC+ACACT.
        final byte[] ref = codes("GACACT");
        final byte[] inserted = codes("CA");
        assertEquals(0, IndelNormaliser.leftInsertion(ref, 3, inserted));
        assertArrayEquals(codes("AC"), inserted);
        assertEquals(4, IndelNormaliser.rightInsertion(ref, 0, inserted));
    }

    @Test
    void shouldLeaveIndelInPlaceWhenNotInRepeat()
    {
        final byte[] ref = codes("ACGTACGT");
        assertEquals(3, IndelNormaliser.leftDeletion(ref, 3, 2));
        final byte[] inserted = codes("GG");
        assertEquals(3, IndelNormaliser.leftInsertion(ref, 3, inserted));
        assertArrayEquals(codes("GG"), inserted);
    }

    @Test
    void shouldGiveSameHaplotypeAndNoFurtherLeftShiftWhenDeletionIsNormalised()
    {
        qt().forAll(strings().betweenCodePoints('A', 'C').ofLengthBetween(12, 30), integers().between(1, 4),
            integers().between(1, 6)).checkAssert((text, length, anchorSeed) ->
        {
            final byte[] ref = codes(text.replace('B', 'A'));
            final int anchor = Math.min(anchorSeed, ref.length - length - 1);
            final int left = IndelNormaliser.leftDeletion(ref, anchor, length);
            assertTrue(left <= anchor && left >= 0);
            assertArrayEquals(delete(ref, anchor, length), delete(ref, left, length));
            assertTrue(left == 0 || ref[left] != ref[left + length], "could move further left");
            final int right = IndelNormaliser.rightDeletion(ref, left, length);
            assertTrue(right >= anchor);
            assertArrayEquals(delete(ref, anchor, length), delete(ref, right, length));
        });
    }

    @Test
    void shouldGiveSameHaplotypeAndNoFurtherLeftShiftWhenInsertionIsNormalised()
    {
        qt().forAll(strings().betweenCodePoints('A', 'C').ofLengthBetween(12, 30),
            strings().betweenCodePoints('A', 'C').ofLengthBetween(1, 4), integers().between(0, 11))
            .checkAssert((text, insertText, anchor) ->
            {
                final byte[] ref = codes(text.replace('B', 'A'));
                final byte[] original = codes(insertText.replace('B', 'A'));
                final byte[] inserted = original.clone();
                final int left = IndelNormaliser.leftInsertion(ref, anchor, inserted);
                assertTrue(left <= anchor && left >= 0);
                assertArrayEquals(insert(ref, anchor, original), insert(ref, left, inserted));
                assertTrue(left == 0 || ref[left] != inserted[inserted.length - 1], "could move further left");
                final int right = IndelNormaliser.rightInsertion(ref, left, inserted);
                assertTrue(right >= anchor);
            });
    }

    private static byte[] delete(final byte[] ref, final int anchor, final int length)
    {
        final byte[] out = new byte[ref.length - length];
        System.arraycopy(ref, 0, out, 0, anchor + 1);
        System.arraycopy(ref, anchor + 1 + length, out, anchor + 1, ref.length - anchor - 1 - length);
        return out;
    }

    private static byte[] insert(final byte[] ref, final int anchor, final byte[] inserted)
    {
        final byte[] out = Arrays.copyOf(ref, ref.length + inserted.length);
        System.arraycopy(inserted, 0, out, anchor + 1, inserted.length);
        System.arraycopy(ref, anchor + 1, out, anchor + 1 + inserted.length, ref.length - anchor - 1);
        return out;
    }

    static byte[] codes(final String text)
    {
        final byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        final byte[] codes = new byte[ascii.length];
        Bases.encode(ascii, 0, ascii.length, codes, 0);
        return codes;
    }
}

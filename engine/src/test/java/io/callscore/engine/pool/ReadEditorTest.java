package io.callscore.engine.pool;

import htsjdk.samtools.TextCigarCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadEditorTest
{
    // Index i is position 100 + i; 32..40 is the repeat ACACACACA.
    private static final String REF = "ACGTTGCAAGCTTACGGATCCATGCAGTCAGTACACACACAGGTCA";
    private static final ReferenceSlice SLICE = new ReferenceSlice("chr", 100,
        REF.getBytes(StandardCharsets.US_ASCII));

    private static AlignedRead read(final int start, final String cigar, final String bases)
    {
        return AlignedRead.parse(start, TextCigarCodec.decode(cigar), bases.getBytes(StandardCharsets.US_ASCII));
    }

    private static String bases(final AlignedRead r)
    {
        return new String(r.bases(), StandardCharsets.US_ASCII);
    }

    private static String ref(final int from, final int to)
    {
        return SLICE.bases(100 + from, 100 + to);
    }

    @Test
    void shouldPutSnvOnTheAlignedBase()
    {
        final AlignedRead r = read(102, "20M", ref(2, 22));
        assertTrue(ReadEditor.putAlt(r, SLICE, SmallVariant.biallelic(110, "C", "T", false)));
        assertEquals(ref(2, 10) + "T" + ref(11, 22), bases(r));
        assertEquals("20M", r.cigar().toString());
    }

    @Test
    void shouldLeaveReadAloneWhenSiteIsNotCovered()
    {
        final AlignedRead r = read(102, "5M", ref(2, 7));
        assertFalse(ReadEditor.putAlt(r, SLICE, SmallVariant.biallelic(110, "C", "T", false)));
        assertEquals(ref(2, 7), bases(r));
    }

    @Test
    void shouldDeleteBasesAndRefillTheEndFromTheReferenceKeepingLength()
    {
        // Delete ref 10..12 (CTT) after anchor 9 (G).
        final AlignedRead r = read(102, "20M", ref(2, 22));
        assertTrue(ReadEditor.putAlt(r, SLICE, SmallVariant.biallelic(109, "GCTT", "G", true)));
        assertEquals("8M3D12M", r.cigar().toString());
        assertEquals(ref(2, 10) + ref(13, 25), bases(r));
        assertEquals(102, r.alignmentStart());
        assertEquals(125, r.alignmentEnd());
    }

    @Test
    void shouldClipTheTailOfAReadEndingInsideADeletion()
    {
        final AlignedRead r = read(100, "11M", ref(0, 11));
        assertTrue(ReadEditor.putAlt(r, SLICE, SmallVariant.biallelic(109, "GCTT", "G", true)));
        assertEquals("10M1S", r.cigar().toString());
        assertEquals(ref(0, 10) + ref(13, 14), bases(r));
    }

    @Test
    void shouldClipTheHeadOfAReadStartingInsideADeletion()
    {
        final AlignedRead r = read(111, "10M", ref(11, 21));
        assertTrue(ReadEditor.putAlt(r, SLICE, SmallVariant.biallelic(109, "GCTT", "G", true)));
        assertEquals("2S8M", r.cigar().toString());
        assertEquals(113, r.alignmentStart());
        assertEquals(ref(8, 10) + ref(13, 21), bases(r));
    }

    @Test
    void shouldInsertBasesAndTrimTheFartherEnd()
    {
        final AlignedRead r = read(102, "20M", ref(2, 22));
        assertTrue(ReadEditor.putAlt(r, SLICE, SmallVariant.biallelic(106, "C", "CTT", false)));
        // Insertion after ref 106 (read offset 4): more read lies to the right, so the right end is trimmed.
        assertEquals("5M2I13M", r.cigar().toString());
        assertEquals(ref(2, 7) + "TT" + ref(7, 20), bases(r));
        final AlignedRead late = read(102, "20M", ref(2, 22));
        assertTrue(ReadEditor.putAlt(late, SLICE, SmallVariant.biallelic(118, "A", "ATT", false)));
        assertEquals("15M2I3M", late.cigar().toString());
        assertEquals(104, late.alignmentStart());
    }

    @Test
    void shouldRevertSnvOnlyWhereTheReadShowsTheAlt()
    {
        final String withAlt = ref(2, 10) + "T" + ref(11, 22);
        final AlignedRead alt = read(102, "20M", withAlt);
        assertTrue(ReadEditor.revert(alt, SLICE, SmallVariant.biallelic(110, "C", "T", false)));
        assertEquals(ref(2, 22), bases(alt));
        final AlignedRead refRead = read(102, "20M", ref(2, 22));
        assertFalse(ReadEditor.revert(refRead, SLICE, SmallVariant.biallelic(110, "C", "T", false)));
    }

    @Test
    void shouldRevertADeletionTheAlignerPlacedElsewhereInItsRepeat()
    {
        // The truth writes the AC deletion left-aligned after anchor 31 (T); the aligner put it four bases
        // further right. The read grows by two bases on revert and loses them at its left end (the longer side).
        final SmallVariant del = SmallVariant.biallelic(131, "TAC", "T", true);
        final String readBases = ref(20, 36) + ref(38, 46);
        final AlignedRead r = read(120, "16M2D8M", readBases);
        assertTrue(ReadEditor.revert(r, SLICE, del));
        assertEquals("24M", r.cigar().toString());
        assertEquals(ref(22, 46), bases(r));
        assertEquals(122, r.alignmentStart());
    }

    @Test
    void shouldRevertAnInsertionWrittenAtAnotherEquivalentPoint()
    {
        final SmallVariant ins = SmallVariant.biallelic(131, "T", "TAC", true);
        // AC inserted after ref 31 equals CA inserted before ref 35, where the aligner shows it.
        final String readBases = ref(20, 35) + "CA" + ref(35, 42);
        final AlignedRead r = read(120, "15M2I7M", readBases);
        assertTrue(ReadEditor.revert(r, SLICE, ins));
        assertEquals("24M", r.cigar().toString());
        assertEquals(ref(20, 44), bases(r));
    }

    @Test
    void shouldNotRevertAnInsertionOfOtherBases()
    {
        final SmallVariant ins = SmallVariant.biallelic(131, "T", "TAC", true);
        final AlignedRead r = read(120, "15M2I7M", ref(20, 35) + "GG" + ref(35, 42));
        assertFalse(ReadEditor.revert(r, SLICE, ins));
    }

    @Test
    void shouldRefuseAlignmentsWithSkippedRegions()
    {
        assertNull(read(100, "5M10N5M", "ACGTTAAGCT"));
    }

    @Test
    void shouldKeepHardClipsAndTurnEdgeInsertionsIntoClips()
    {
        final AlignedRead r = read(102, "3H10M", ref(2, 12));
        assertTrue(ReadEditor.putAlt(r, SLICE, SmallVariant.biallelic(110, "G", "GTTTT", false)));
        assertEquals(10, r.readLength());
        assertTrue(r.cigar().toString().startsWith("3H"), r.cigar().toString());
    }
}

package io.callscore.engine.miner.pileup;

/**
 * Moves an indel along a repeat. Aligners place the same indel anywhere in a repeat; counting its reads together
 * and writing it once needs one position, the leftmost (as {@code bcftools norm} and vcfeval's loader do). The
 * rightmost position bounds the stretch a read must cover to show whether the indel is there.
 * Positions are 0-based anchors: the reference base just before the deleted or inserted bases.
 */
final class IndelNormaliser
{
    private IndelNormaliser()
    {
    }

    /** Leftmost anchor of a deletion of {@code length} bases after {@code anchor}; stays at or after base 0. */
    static int leftDeletion(final byte[] ref, final int anchor, final int length)
    {
        int a = anchor;
        while (a > 0 && ref[a] == ref[a + length])
        {
            a--;
        }
        return a;
    }

    /** Rightmost anchor of a deletion of {@code length} bases after {@code anchor}. */
    static int rightDeletion(final byte[] ref, final int anchor, final int length)
    {
        int a = anchor;
        while (a + 1 + length < ref.length && ref[a + 1] == ref[a + 1 + length])
        {
            a++;
        }
        return a;
    }

    /**
     * Leftmost anchor of an insertion of {@code inserted} after {@code anchor}; {@code inserted} is rotated in
     * place to the bases inserted there.
     */
    static int leftInsertion(final byte[] ref, final int anchor, final byte[] inserted)
    {
        final int last = inserted.length - 1;
        int a = anchor;
        while (a > 0 && inserted[last] == ref[a])
        {
            System.arraycopy(inserted, 0, inserted, 1, last);
            inserted[0] = ref[a];
            a--;
        }
        return a;
    }

    /** Rightmost anchor of an insertion of {@code inserted} after {@code anchor} ({@code inserted} is unchanged). */
    static int rightInsertion(final byte[] ref, final int anchor, final byte[] inserted)
    {
        final int length = inserted.length;
        int a = anchor;
        int rotation = 0;
        while (a + 1 < ref.length && inserted[rotation] == ref[a + 1])
        {
            rotation = (rotation + 1) % length;
            a++;
        }
        return a;
    }
}

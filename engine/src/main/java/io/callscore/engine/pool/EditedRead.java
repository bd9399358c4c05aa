package io.callscore.engine.pool;

/** A source read after spike-in or spike-out editing, with where it started and ended before. */
final class EditedRead
{
    final AlignedRead read;
    final int originalStart;
    final int originalEnd;
    final boolean reverse;

    EditedRead(final AlignedRead read, final int originalStart, final int originalEnd, final boolean reverse)
    {
        this.read = read;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
        this.reverse = reverse;
    }

    /** How far the alignment start moved. */
    int startShift()
    {
        return read.alignmentStart() - originalStart;
    }

    /** How far the 5' end moved: the end for a reverse-strand read. */
    int fivePrimeShift()
    {
        return reverse ? read.alignmentEnd() - originalEnd : startShift();
    }
}

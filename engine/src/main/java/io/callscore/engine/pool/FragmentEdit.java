package io.callscore.engine.pool;

/** The edited reads of one fragment, by segment (0 unpaired, 1 first, 2 second), so mates stay consistent. */
final class FragmentEdit
{
    final EditedRead[] segments = new EditedRead[3];

    int startShift(final int segment)
    {
        return segments[segment] == null ? 0 : segments[segment].startShift();
    }

    int fivePrimeShift(final int segment)
    {
        return segments[segment] == null ? 0 : segments[segment].fivePrimeShift();
    }

    /** The segment of a read from its flags. */
    static int segment(final int flags)
    {
        if ((flags & 0x1) == 0)
        {
            return 0;
        }
        return (flags & 0x40) != 0 ? 1 : 2;
    }
}

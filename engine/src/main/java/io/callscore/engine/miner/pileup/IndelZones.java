package io.callscore.engine.miner.pileup;

/**
 * Where the indels called in a window make SNV evidence doubtful. Reads that end inside or just past an indel's
 * repeat are often aligned without the gap and show a few mismatches instead; those mismatches pile up as a
 * low-fraction "SNV" near the indel. And no SNV can sit on bases that a hom-alt deletion removes from both
 * haplotypes. Positions are 0-based.
 */
final class IndelZones
{
    private final Intervals near = new Intervals();
    private final Intervals deleted = new Intervals();

    void clear()
    {
        near.clear();
        deleted.clear();
    }

    /** An indel whose repeat (the stretch it can slide in) is {@code [from, to]}, widened by {@code distance}. */
    void addIndel(final int from, final int to, final int distance)
    {
        near.add(from - distance, to + distance);
    }

    /** Bases {@code [from, to]} are deleted on both haplotypes. */
    void addHomDeletion(final int from, final int to)
    {
        deleted.add(from, to);
    }

    boolean nearIndel(final int pos)
    {
        return near.contains(pos);
    }

    boolean deletedOnBothHaplotypes(final int pos)
    {
        return deleted.contains(pos);
    }
}

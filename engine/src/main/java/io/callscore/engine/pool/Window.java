package io.callscore.engine.pool;

/**
 * One window of a genome: the stretch of reference a task covers, 0-based half-open on the source contig.
 *
 * @param index      position in the build plan; with the genome label it names the window for resume
 * @param contig     source contig
 * @param start      first base
 * @param end        base just past the window
 * @param difficulty difficulty label of the window's tasks
 */
public record Window(int index, String contig, int start, int end, String difficulty)
{
    public int length()
    {
        return end - start;
    }

    /** The window as people write regions: {@code contig:start-end}, 1-based inclusive. */
    public String region()
    {
        return contig + ":" + (start + 1) + "-" + end;
    }
}

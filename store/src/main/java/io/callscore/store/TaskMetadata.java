package io.callscore.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a validator needs to know about a task besides its truth: which genome and region the window comes from,
 * how deep the reads are, how hard it was made, what the miner receives and where the data lives. Stored in the
 * truth record so that one lookup gives everything.
 *
 * @param genome      genome label (for example {@code HG002-GRCh38})
 * @param coverage    read depth of the window's input (for example 30.0)
 * @param region      the window, {@code contig:start-end} (1-based, inclusive, as people write regions)
 * @param difficulty  difficulty label of the pool build (for example {@code hard})
 * @param inputType   what the miner receives (for example {@code bam})
 * @param dataLocator where the input lives (a path or URI, validator-only)
 */
public record TaskMetadata(String genome, double coverage, String region, String difficulty, String inputType,
    String dataLocator)
{
    /** Longest text field in bytes (UTF-8); the record stores lengths as unsigned 16-bit numbers. */
    public static final int MAX_FIELD_BYTES = 0xFFFE;

    public TaskMetadata
    {
        check("genome", genome);
        check("region", region);
        check("difficulty", difficulty);
        check("inputType", inputType);
        check("dataLocator", dataLocator);
        if (!Double.isFinite(coverage) || coverage < 0)
        {
            throw new IllegalArgumentException("coverage must be a finite number >= 0, got " + coverage);
        }
    }

    private static void check(final String name, final String value)
    {
        Objects.requireNonNull(value, name);
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_FIELD_BYTES)
        {
            throw new IllegalArgumentException(name + " is longer than " + MAX_FIELD_BYTES + " bytes");
        }
    }
}

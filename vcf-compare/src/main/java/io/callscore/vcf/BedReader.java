package io.callscore.vcf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads BED intervals (plain or gzip): header, track and browser lines skipped; chrom, start and end checked
 * (0-based, half-open, 0 <= start <= end); the name column, when present, handed on. Every problem is an
 * {@link InputException} naming the file and line.
 */
public final class BedReader
{
    /** Receives one interval; {@code name} is the 4th column or null. */
    @FunctionalInterface
    public interface IntervalSink
    {
        void accept(String chrom, int start, int end, String name, LineReader at);
    }

    private BedReader()
    {
    }

    public static void read(final Path bed, final IntervalSink sink)
    {
        try (LineReader r = new LineReader(bed))
        {
            while (r.next())
            {
                final String line = new String(r.bytes(), 0, r.length(), StandardCharsets.ISO_8859_1);
                if (line.isBlank() || line.startsWith("#") || line.startsWith("track") || line.startsWith("browser"))
                {
                    continue;
                }
                final String[] f = line.split("\t", 5);
                if (f.length < 3)
                {
                    throw r.error("BED line needs at least 3 tab-separated columns (chrom, start, end)");
                }
                final int start;
                final int end;
                try
                {
                    start = Integer.parseInt(f[1].strip());
                    end = Integer.parseInt(f[2].strip());
                }
                catch (final NumberFormatException e)
                {
                    throw r.error("BED start/end is not a whole number: " + f[1] + ", " + f[2]);
                }
                if (start < 0 || end < start)
                {
                    throw r.error("BED interval " + start + "-" + end + " is invalid (need 0 <= start <= end)");
                }
                sink.accept(f[0], start, end, f.length > 3 && !f[3].isBlank() ? f[3].strip() : null, r);
            }
        }
    }
}

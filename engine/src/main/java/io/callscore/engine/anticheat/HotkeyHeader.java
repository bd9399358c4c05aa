package io.callscore.engine.anticheat;

import io.callscore.vcf.LineReader;

import java.nio.file.Path;

/**
 * Reads the {@code ##miner_hotkey=<ss58>} header line of a returned VCF. Only the header is read, with a small line
 * cap, so a hostile file costs nothing here.
 */
public final class HotkeyHeader
{
    private static final String KEY = "##miner_hotkey=";
    private static final int MAX_HEADER_LINE = 1 << 16;

    private HotkeyHeader()
    {
    }

    /**
     * The hotkey in the header, or null when there is none. Throws InputException for unreadable input (corrupt
     * gzip, an endless line).
     */
    public static String read(final Path vcf)
    {
        try (LineReader r = new LineReader(vcf, MAX_HEADER_LINE))
        {
            while (r.next())
            {
                final String line = r.lineString();
                if (line.startsWith(KEY))
                {
                    return line.substring(KEY.length()).strip();
                }
                if (!line.startsWith("##"))
                {
                    return null;
                }
            }
        }
        return null;
    }
}

package io.callscore.engine.miner.adversary;

import io.callscore.vcf.LineReader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small VCF text helpers the adversaries share: read a VCF (plain or gzip) as lines, swap the hotkey, write. */
final class VcfLines
{
    static final String HOTKEY_KEY = "##miner_hotkey=";
    static final String COLUMNS = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSAMPLE";

    private VcfLines()
    {
    }

    static List<String> read(final Path vcf)
    {
        final List<String> lines = new ArrayList<>();
        try (LineReader r = new LineReader(vcf))
        {
            while (r.next())
            {
                lines.add(r.lineString());
            }
        }
        return lines;
    }

    /** The lines with the {@code ##miner_hotkey} line naming {@code hotkey} (added after the first line if absent). */
    static List<String> withHotkey(final List<String> lines, final String hotkey)
    {
        final List<String> out = new ArrayList<>(lines.size() + 1);
        boolean done = false;
        for (final String line : lines)
        {
            if (line.startsWith(HOTKEY_KEY))
            {
                if (!done)
                {
                    out.add(HOTKEY_KEY + hotkey);
                    done = true;
                }
                continue;
            }
            out.add(line);
            if (!done && out.size() == 1)
            {
                out.add(HOTKEY_KEY + hotkey);
                done = true;
            }
        }
        return out;
    }

    /** A header-only VCF naming {@code hotkey}. */
    static List<String> emptyVcf(final String hotkey)
    {
        return List.of("##fileformat=VCFv4.2", HOTKEY_KEY + hotkey,
            "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">", COLUMNS);
    }

    static void write(final OutputStream out, final List<String> lines) throws IOException
    {
        for (final String line : lines)
        {
            out.write(line.getBytes(StandardCharsets.ISO_8859_1));
            out.write('\n');
        }
    }
}

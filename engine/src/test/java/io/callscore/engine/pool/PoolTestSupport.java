package io.callscore.engine.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import io.callscore.vcf.LineReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading a built pool back in tests. */
final class PoolTestSupport
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private PoolTestSupport()
    {
    }

    static List<JsonNode> manifest(final Path pool) throws IOException
    {
        final List<JsonNode> out = new ArrayList<>();
        for (final String line : Files.readAllLines(pool.resolve("manifest.jsonl")))
        {
            if (!line.isBlank())
            {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    static List<SAMRecord> reads(final Path bam) throws IOException
    {
        final List<SAMRecord> out = new ArrayList<>();
        try (SamReader r = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.STRICT).open(bam))
        {
            for (final SAMRecord rec : r)
            {
                out.add(rec);
            }
        }
        return out;
    }

    /** An edit line of {@code edits.tsv}: kind, 1-based slice position, REF, ALT, GT. */
    record Edit(String kind, int pos, String ref, String alt, String gt)
    {
        boolean isSnv()
        {
            return ref.length() == 1 && alt.length() == 1;
        }
    }

    static List<Edit> edits(final Path tsv) throws IOException
    {
        final List<Edit> out = new ArrayList<>();
        for (final String line : Files.readAllLines(tsv))
        {
            if (line.startsWith("#") || line.isBlank())
            {
                continue;
            }
            final String[] f = line.split("\t");
            out.add(new Edit(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4]));
        }
        return out;
    }

    /** The data lines of a VCF (plain or bgzip). */
    static List<String[]> vcfRecords(final Path vcf)
    {
        final List<String[]> out = new ArrayList<>();
        try (LineReader r = new LineReader(vcf))
        {
            while (r.next())
            {
                final String line = new String(r.bytes(), 0, r.length(), StandardCharsets.ISO_8859_1);
                if (!line.startsWith("#") && !line.isBlank())
                {
                    out.add(line.split("\t"));
                }
            }
        }
        return out;
    }

    /** Reads covering a 1-based position and the base they show there ('-' for a deletion, 0 when not covered). */
    static int[] baseCounts(final List<SAMRecord> reads, final int pos)
    {
        final int[] counts = new int[6];
        for (final SAMRecord r : reads)
        {
            if (r.getReadUnmappedFlag() || r.getAlignmentStart() > pos || r.getAlignmentEnd() < pos)
            {
                continue;
            }
            final int offset = r.getReadPositionAtReferencePosition(pos) - 1;
            if (offset < 0)
            {
                counts[5]++;
                continue;
            }
            counts["ACGTN".indexOf(Character.toUpperCase((char)r.getReadBases()[offset]))]++;
        }
        return counts;
    }
}

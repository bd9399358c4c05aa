package io.callscore.engine.pool;

import io.callscore.vcf.LineReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the input truth VCF once, keeping only the records inside the spans the build needs (the windows and their
 * margins). A whole GIAB truth set has millions of records; the windows hold a few percent of them, so only those
 * become objects. Kept: FILTER PASS or '.', a GT with at least one ALT, plain ACGTN alleles. A haploid GT reads
 * as homozygous.
 */
public final class TruthVcfReader
{
    private TruthVcfReader()
    {
    }

    /**
     * Reads the records whose POS falls inside {@code spans}: per contig, a flat sorted array of disjoint
     * {start, end} pairs (0-based, half-open). Returns per contig the records in file order.
     */
    public static Map<String, List<SmallVariant>> read(final Path vcf, final Map<String, int[]> spans)
    {
        final Map<String, List<SmallVariant>> out = new HashMap<>();
        int sampleColumn = -1;
        String contig = null;
        int[] contigSpans = null;
        List<SmallVariant> contigList = null;
        try (LineReader r = new LineReader(vcf))
        {
            while (r.next())
            {
                final byte[] b = r.bytes();
                final int n = r.length();
                if (n == 0)
                {
                    continue;
                }
                if (b[0] == '#')
                {
                    if (n > 1 && b[1] != '#')
                    {
                        final String[] header = new String(b, 0, n, StandardCharsets.ISO_8859_1).split("\t");
                        if (header.length < 10)
                        {
                            throw r.error("the truth VCF needs a sample column with a GT");
                        }
                        sampleColumn = 9;
                    }
                    continue;
                }
                if (sampleColumn < 0)
                {
                    throw r.error("data line before the #CHROM header line");
                }
                final int tab1 = indexOf(b, 0, n);
                final int tab2 = tab1 < 0 ? -1 : indexOf(b, tab1 + 1, n);
                if (tab2 < 0)
                {
                    throw r.error("expected at least 10 tab-separated columns");
                }
                if (contig == null || !sameName(contig, b, tab1))
                {
                    contig = new String(b, 0, tab1, StandardCharsets.ISO_8859_1);
                    contigSpans = spans.get(contig);
                    contigList = contigSpans == null ? null : out.computeIfAbsent(contig, k -> new ArrayList<>());
                }
                if (contigSpans == null)
                {
                    continue;
                }
                final int pos = parsePos(b, tab1 + 1, tab2, r) - 1;
                if (!inside(contigSpans, pos))
                {
                    continue;
                }
                final SmallVariant v = parseRecord(new String(b, 0, n, StandardCharsets.ISO_8859_1), pos, r);
                if (v != null)
                {
                    contigList.add(v);
                }
            }
        }
        return out;
    }

    private static SmallVariant parseRecord(final String line, final int pos, final LineReader r)
    {
        final String[] f = line.split("\t", 11);
        if (f.length < 10)
        {
            throw r.error("expected at least 10 tab-separated columns");
        }
        final String filter = f[6];
        if (!filter.equals("PASS") && !filter.equals("."))
        {
            return null;
        }
        final String ref = f[3].toUpperCase(Locale.ROOT);
        if (!isBases(ref))
        {
            throw r.error("REF '" + f[3] + "' is not made of ACGTN");
        }
        final String[] alts = f[4].toUpperCase(Locale.ROOT).split(",");
        for (final String alt : alts)
        {
            if (!isBases(alt))
            {
                return null;
            }
        }
        final int gtIndex = indexOfKey(f[8], "GT");
        if (gtIndex < 0)
        {
            return null;
        }
        final String[] sample = f[9].split(":", -1);
        if (gtIndex >= sample.length)
        {
            return null;
        }
        final String gt = sample[gtIndex];
        final boolean phased = gt.indexOf('|') >= 0;
        final String[] calls = gtAlleles(gt);
        if (calls.length < 1 || calls.length > 2)
        {
            return null;
        }
        final int g0 = allele(calls[0], alts.length, r);
        final int g1 = calls.length == 2 ? allele(calls[1], alts.length, r) : g0;
        if (g0 <= 0 && g1 <= 0)
        {
            return null;
        }
        return new SmallVariant(pos, ref, alts, Math.max(g0, 0), Math.max(g1, 0), phased);
    }

    /**
     * The allele fields of a GT, split at '/' and '|' exactly as {@code gt.split("[/|]")} would (no separator: the
     * whole text; trailing empty fields dropped), without compiling a pattern for every record.
     */
    static String[] gtAlleles(final String gt)
    {
        int separator = -1;
        for (int i = 0; i < gt.length() && separator < 0; i++)
        {
            separator = gt.charAt(i) == '/' || gt.charAt(i) == '|' ? i : -1;
        }
        if (separator < 0)
        {
            return new String[] {gt};
        }
        final List<String> fields = new ArrayList<>(2);
        int from = 0;
        for (int i = separator; i < gt.length(); i++)
        {
            if (gt.charAt(i) == '/' || gt.charAt(i) == '|')
            {
                fields.add(gt.substring(from, i));
                from = i + 1;
            }
        }
        fields.add(gt.substring(from));
        int n = fields.size();
        while (n > 0 && fields.get(n - 1).isEmpty())
        {
            n--;
        }
        return fields.subList(0, n).toArray(new String[0]);
    }

    private static int allele(final String text, final int altCount, final LineReader r)
    {
        if (text.equals("."))
        {
            return -1;
        }
        try
        {
            final int a = Integer.parseInt(text);
            if (a < 0 || a > altCount)
            {
                throw r.error("GT allele " + a + " is out of range (" + altCount + " ALT alleles)");
            }
            return a;
        }
        catch (final NumberFormatException e)
        {
            throw r.error("GT allele '" + text + "' is not a number");
        }
    }

    private static int indexOfKey(final String format, final String key)
    {
        final String[] keys = format.split(":");
        for (int i = 0; i < keys.length; i++)
        {
            if (keys[i].equals(key))
            {
                return i;
            }
        }
        return -1;
    }

    static boolean isBases(final String s)
    {
        if (s.isEmpty())
        {
            return false;
        }
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c != 'A' && c != 'C' && c != 'G' && c != 'T' && c != 'N')
            {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code pos} lies in one of the sorted disjoint spans. */
    static boolean inside(final int[] spans, final int pos)
    {
        int lo = 0;
        int hi = spans.length / 2 - 1;
        while (lo <= hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (spans[2 * mid + 1] <= pos)
            {
                lo = mid + 1;
            }
            else if (spans[2 * mid] > pos)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }

    private static boolean sameName(final String name, final byte[] b, final int length)
    {
        if (name.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (name.charAt(i) != b[i])
            {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(final byte[] b, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (b[i] == '\t')
            {
                return i;
            }
        }
        return -1;
    }

    private static int parsePos(final byte[] b, final int from, final int to, final LineReader r)
    {
        long v = 0;
        if (from == to)
        {
            throw r.error("empty POS");
        }
        for (int i = from; i < to; i++)
        {
            final int d = b[i] - '0';
            if (d < 0 || d > 9 || v > Integer.MAX_VALUE)
            {
                throw r.error("POS is not a positive whole number");
            }
            v = v * 10 + d;
        }
        if (v < 1 || v > Integer.MAX_VALUE)
        {
            throw r.error("POS is not a positive whole number");
        }
        return (int)v;
    }
}

package io.callscore.engine.user;

import io.callscore.vcf.Bases;
import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.VariantSet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a loaded (or built) call set back as a VCF that loads into the same variants: REF from the reference,
 * the called ALTs only, a padding base where an allele would be empty. Used for the consensus a user receives.
 */
public final class CallSetVcf
{
    private record Line(int pos, int end, String text)
    {
    }

    private CallSetVcf()
    {
    }

    /**
     * Writes {@code calls} to {@code file} (through a temporary name), contigs in reference order, records by POS.
     *
     * @param header extra {@code ##} lines (without newline)
     * @param sample the sample column name
     */
    public static void write(final VariantSet calls, final ReferenceGenome reference, final Path file,
        final List<String> header, final String sample)
    {
        final Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII), 1 << 16))
        {
            w.write("##fileformat=VCFv4.2\n");
            for (final String h : header)
            {
                w.write(h);
                w.write('\n');
            }
            for (final String contig : reference.names())
            {
                if (calls.contig(contig) != null)
                {
                    w.write("##contig=<ID=" + contig + ",length=" + reference.length(contig) + ">\n");
                }
            }
            w.write("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
            w.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + sample + "\n");
            for (final String contig : reference.names())
            {
                final ContigVariants cv = calls.contig(contig);
                if (cv == null)
                {
                    continue;
                }
                final byte[] seq = reference.bases(contig);
                final List<Line> lines = new ArrayList<>(cv.size());
                for (int v = 0; v < cv.size(); v++)
                {
                    final Line line = line(cv, v, seq);
                    if (line != null)
                    {
                        lines.add(line);
                    }
                }
                lines.sort(Comparator.comparingInt(Line::pos).thenComparingInt(Line::end));
                for (final Line line : lines)
                {
                    w.write(line.text());
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        try
        {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** One record, or null when no ALT is called. */
    private static Line line(final ContigVariants cv, final int v, final byte[] seq)
    {
        final int start = cv.start(v);
        final int end = cv.end(v);
        final List<String> alts = new ArrayList<>();
        final int[] newIndex = new int[cv.alleleCount(v)];
        boolean empty = end == start;
        for (int k = 1; k < cv.alleleCount(v); k++)
        {
            final int a = cv.allele(v, k);
            if (a < 0)
            {
                newIndex[k] = -1;
                continue;
            }
            final String alt = Bases.toString(cv.bases(), cv.alleleOffset(a), cv.alleleLength(a));
            alts.add(alt);
            newIndex[k] = alts.size();
            empty |= alt.isEmpty();
        }
        if (alts.isEmpty())
        {
            return null;
        }
        String ref = Bases.toString(seq, start, end - start);
        int pos = start + 1;
        if (empty)
        {
            if (start > 0)
            {
                final String pad = Bases.toString(seq, start - 1, 1);
                ref = pad + ref;
                alts.replaceAll(alt -> pad + alt);
                pos = start;
            }
            else
            {
                final String pad = Bases.toString(seq, end, 1);
                ref = ref + pad;
                alts.replaceAll(alt -> alt + pad);
            }
        }
        final StringBuilder gt = new StringBuilder();
        for (int h = 0; h < cv.ploidy(); h++)
        {
            if (h > 0)
            {
                gt.append(cv.isPhased(v) ? '|' : '/');
            }
            final int k = cv.gt(v, h);
            final boolean called = k >= 0 && k < newIndex.length && newIndex[k] >= 0;
            gt.append(called ? Integer.toString(k == 0 ? 0 : newIndex[k]) : ".");
        }
        final String contig = cv.contig();
        return new Line(pos, end, contig + "\t" + pos + "\t.\t" + ref + "\t" + String.join(",", alts)
            + "\t.\tPASS\t.\tGT\t" + gt + "\n");
    }
}

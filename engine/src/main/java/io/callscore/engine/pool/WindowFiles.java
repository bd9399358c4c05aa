package io.callscore.engine.pool;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import io.callscore.engine.pool.bam.DirectFileOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the per-window files in the coordinates of the delivered reference slice: the slice itself as FASTA with
 * its index (miner-facing), the window truth VCF, the region mask BED and the list of edits (validator-only).
 * Position {@code slice.start()} of the source contig is position 1 of the contig {@link #SLICE_CONTIG}.
 */
final class WindowFiles
{
    /** Name of the one contig of every delivered reference: says nothing about the source contig. */
    static final String SLICE_CONTIG = "window";
    private static final int FASTA_LINE = 60;

    private WindowFiles()
    {
    }

    /** Writes {@code ref.fa} and {@code ref.fa.fai}. */
    static void writeReference(final Path fasta, final ReferenceSlice slice)
    {
        final byte[] bases = slice.ascii();
        final String header = ">" + SLICE_CONTIG + "\n";
        // Direct I/O where possible: a slice is megabytes per task that the build never reads back.
        try (DirectFileOutput out = new DirectFileOutput(fasta))
        {
            final byte[] h = header.getBytes(StandardCharsets.US_ASCII);
            out.write(h, 0, h.length);
            for (int i = 0; i < bases.length; i += FASTA_LINE)
            {
                out.write(bases, i, Math.min(FASTA_LINE, bases.length - i));
                out.write((byte)'\n');
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + fasta + ": " + e.getMessage(), e);
        }
        final String fai = SLICE_CONTIG + "\t" + bases.length + "\t" + header.length() + "\t" + FASTA_LINE + "\t"
            + (FASTA_LINE + 1) + "\n";
        write(fasta.resolveSibling(fasta.getFileName() + ".fai"), fai);
    }

    /**
     * Writes the window truth (bgzip VCF): the given variants with positions moved into slice coordinates, GT
     * only, sorted by position then end.
     */
    static int writeTruth(final Path vcf, final List<SmallVariant> variants, final ReferenceSlice slice)
    {
        final List<SmallVariant> sorted = new ArrayList<>(variants);
        sorted.sort(Comparator.comparingInt(SmallVariant::pos).thenComparingInt(SmallVariant::end));
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new BlockCompressedOutputStream(vcf.toFile()),
            StandardCharsets.US_ASCII)))
        {
            w.write("##fileformat=VCFv4.2\n");
            w.write("##contig=<ID=" + SLICE_CONTIG + ",length=" + slice.length() + ">\n");
            w.write("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
            w.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTRUTH\n");
            for (final SmallVariant v : sorted)
            {
                w.write(SLICE_CONTIG + "\t" + (v.pos() - slice.start() + 1) + "\t.\t" + v.ref() + "\t" + v.altText()
                    + "\t.\tPASS\t.\tGT\t" + v.genotypeText() + "\n");
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + vcf + ": " + e.getMessage(), e);
        }
        return sorted.size();
    }

    /** Writes the region mask (confident regions inside the window) in slice coordinates. */
    static void writeMask(final Path bed, final int[] mask, final ReferenceSlice slice)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < mask.length; i += 2)
        {
            sb.append(SLICE_CONTIG).append('\t').append(mask[i] - slice.start()).append('\t')
                .append(mask[i + 1] - slice.start()).append('\n');
        }
        write(bed, sb.toString());
    }

    /** Writes the edits made to the window (validator-only audit trail), in slice and in source coordinates. */
    static void writeEdits(final Path tsv, final List<SmallVariant> spiked, final List<SmallVariant> reverted,
        final ReferenceSlice slice)
    {
        final StringBuilder sb = new StringBuilder("#kind\tpos\tref\talt\tgt\tsource_contig\tsource_pos\n");
        for (final SmallVariant v : spiked)
        {
            edit(sb, "spike-in", v, slice);
        }
        for (final SmallVariant v : reverted)
        {
            edit(sb, "spike-out", v, slice);
        }
        write(tsv, sb.toString());
    }

    private static void edit(final StringBuilder sb, final String kind, final SmallVariant v,
        final ReferenceSlice slice)
    {
        sb.append(kind).append('\t').append(v.pos() - slice.start() + 1).append('\t').append(v.ref()).append('\t')
            .append(v.altText()).append('\t').append(v.genotypeText()).append('\t').append(slice.contig())
            .append('\t').append(v.pos() + 1).append('\n');
    }

    static void write(final Path file, final String text)
    {
        try
        {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

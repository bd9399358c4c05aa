package io.callscore.engine.miner.pileup;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.samtools.util.RuntimeIOException;
import io.callscore.vcf.ReferenceGenome;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes calls as a bgzipped, single-sample VCF 4.2 with {@code GT:GQ:DP:AD}. The header carries
 * {@code ##miner_hotkey}, which ties the output to the miner that made it, and a {@code ##contig} line per
 * reference contig. Records must come in reference order. The header holds nothing that changes from run to run
 * (no date, no paths), so the same task gives the same bytes.
 */
final class CallVcfWriter implements Closeable
{
    private final Path file;
    private final Writer out;
    private final boolean writeFiltered;
    private int records;
    private int passing;

    /** Opens {@code file} and writes the header; filtered calls are dropped unless {@code writeFiltered}. */
    CallVcfWriter(final Path file, final ReferenceGenome reference, final String hotkey, final String sample,
        final boolean writeFiltered)
    {
        this.file = file;
        this.writeFiltered = writeFiltered;
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            // The writer owns the bgzip stream: closing it once writes the EOF block.
            this.out = new BufferedWriter(new OutputStreamWriter(new BlockCompressedOutputStream(file.toFile()),
                StandardCharsets.US_ASCII), 1 << 16);
            final StringBuilder h = new StringBuilder();
            h.append("##fileformat=VCFv4.2\n");
            h.append("##source=callscore-pileup-miner\n");
            h.append("##miner_hotkey=").append(hotkey).append('\n');
            h.append("##reference=").append(reference.file().getFileName()).append('\n');
            for (final String contig : reference.names())
            {
                h.append("##contig=<ID=").append(contig).append(",length=").append(reference.length(contig))
                    .append(">\n");
            }
            h.append("##FILTER=<ID=PASS,Description=\"All filters passed\">\n");
            h.append("##FILTER=<ID=").append(VariantCall.LOW_QUAL)
                .append(",Description=\"QUAL below the caller's threshold\">\n");
            h.append("##FILTER=<ID=").append(VariantCall.LOW_DEPTH)
                .append(",Description=\"Read depth below the caller's threshold\">\n");
            h.append("##FILTER=<ID=").append(VariantCall.NEAR_INDEL)
                .append(",Description=\"Het SNV near a called indel with too few alt reads: likely misaligned\">\n");
            h.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
            h.append("##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"Genotype quality (phred, capped at 99)\">\n");
            h.append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Read depth used for the call\">\n");
            h.append("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Reads supporting REF and each ALT\">\n");
            h.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t").append(sample).append('\n');
            out.write(h.toString());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        catch (final RuntimeIOException e)
        {
            // htsjdk's way of saying the file cannot be created.
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), new IOException(e));
        }
    }

    void write(final String contig, final VariantCall call)
    {
        if (!writeFiltered && !call.passes())
        {
            return;
        }
        final StringBuilder r = new StringBuilder(96);
        r.append(contig).append('\t').append(call.pos()).append("\t.\t").append(call.ref()).append('\t')
            .append(String.join(",", call.alts())).append('\t')
            .append(String.format(Locale.ROOT, "%.2f", call.qual())).append('\t').append(call.filter())
            .append("\t.\tGT:GQ:DP:AD\t").append(call.genotype()).append(':').append(call.gq()).append(':')
            .append(call.dp()).append(':');
        for (int i = 0; i < call.ad().length; i++)
        {
            r.append(i == 0 ? "" : ",").append(call.ad()[i]);
        }
        r.append('\n');
        try
        {
            out.write(r.toString());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        records++;
        passing += call.passes() ? 1 : 0;
    }

    /** Records written so far. */
    int records()
    {
        return records;
    }

    /** Records written so far with FILTER PASS. */
    int passing()
    {
        return passing;
    }

    @Override
    public void close()
    {
        try
        {
            out.close();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

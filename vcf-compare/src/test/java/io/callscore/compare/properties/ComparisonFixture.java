package io.callscore.compare.properties;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ReferenceGenome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Writes generated records as plain-text VCFs and runs the comparator on them, through its public entry point. */
final class ComparisonFixture
{
    private ComparisonFixture()
    {
    }

    static ComparisonResult compare(final Path dir, final Scenario scenario, final CompareOptions options)
    {
        return compare(dir, scenario.contigs(), scenario.truthLines(), scenario.callLines(), options);
    }

    static ComparisonResult compare(final Path dir, final Map<String, String> contigs, final List<VcfLine> truth,
        final List<VcfLine> calls, final CompareOptions options)
    {
        final Path truthFile = dir.resolve("truth.vcf");
        final Path callsFile = dir.resolve("calls.vcf");
        writeVcf(truthFile, contigs, truth);
        writeVcf(callsFile, contigs, calls);
        return VcfComparator.compare(truthFile, callsFile, ReferenceGenome.of(contigs), null, options);
    }

    /**
     * Writes a VCF with the records sorted by contig (reference order) and POS; the sort is stable, so records
     * sharing a POS keep the order they are given in.
     */
    static void writeVcf(final Path file, final Map<String, String> contigs, final List<VcfLine> lines)
    {
        final List<String> order = new ArrayList<>(contigs.keySet());
        final List<VcfLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt((VcfLine l) -> order.indexOf(l.contig())).thenComparingInt(VcfLine::pos));
        final StringBuilder s = new StringBuilder(1024);
        s.append("##fileformat=VCFv4.2\n");
        contigs.forEach((name, bases) -> s.append("##contig=<ID=").append(name).append(",length=")
            .append(bases.length()).append(">\n"));
        s.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
        s.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSAMPLE\n");
        for (final VcfLine line : sorted)
        {
            s.append(line.text()).append('\n');
        }
        try
        {
            Files.writeString(file, s);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}

package io.callscore.compare.report;

import io.callscore.vcf.InputException;
import io.callscore.vcf.LineReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over one compared input in file order: copies its header and the records of each decision to the
 * split files (tp/fp or tp-baseline/fn), counts them for summary.csv and spools them for the GA4GH file. Records
 * are paired with decisions by ordinal, the 0-based index of the data line, exactly as the loader numbered them.
 */
final class InputPass
{
    private static final String[] STRUCTURED_PREFIXES = {
        "##contig=", "##INFO=", "##FORMAT=", "##FILTER=", "##ALT=", "##SAMPLE=", "##PEDIGREE="};
    private static final String CONTIG_PREFIX = "##contig=";
    private static final String FILTER_PREFIX = "##FILTER=";
    private static final String MINIMAL_FILEFORMAT = "##fileformat=VCFv4.2";
    private static final String MINIMAL_COLUMNS = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO";

    /** The header lines of an input that the GA4GH file carries over. */
    record Header(List<String> contigLines, List<String> filterLines)
    {
    }

    private final Path vcf;
    private final String sample;
    private final int expectedRecords;
    private final RecordDecisions decisions;
    private final boolean truth;

    /**
     * @param vcf             the input as compared
     * @param sample          the compared sample's name, or null for the only sample
     * @param expectedRecords data lines the loader saw (0 to skip the check)
     * @param decisions       what each record became
     * @param truth           whether this is the truth (baseline) side
     */
    InputPass(final Path vcf, final String sample, final int expectedRecords, final RecordDecisions decisions,
        final boolean truth)
    {
        this.vcf = vcf;
        this.sample = sample;
        this.expectedRecords = expectedRecords;
        this.decisions = decisions;
        this.truth = truth;
    }

    /**
     * Runs the pass. {@code tpOut} gets the TP records, {@code missOut} the FN (truth) or FP (calls) records, both
     * with the input's header plus {@code commandLine} inserted where vcfeval puts its {@code ##CL} line (after
     * the unstructured meta lines, before the first contig/INFO/FORMAT/FILTER/ALT line).
     */
    Header run(final IndexedVcfWriter tpOut, final IndexedVcfWriter missOut, final String commandLine,
        final HappyTally tally, final Ga4ghSpool spool) throws IOException
    {
        final List<String> contigLines = new ArrayList<>();
        final List<String> filterLines = new ArrayList<>();
        final VcfDataLine record = new VcfDataLine();
        boolean commandWritten = false;
        boolean columnsSeen = false;
        boolean anyHeader = false;
        int sampleColumn = -1;
        int ordinal = 0;
        String contig = null;
        try (LineReader lines = new LineReader(vcf))
        {
            while (lines.next())
            {
                final byte[] b = lines.bytes();
                final int n = lines.length();
                if (n == 0)
                {
                    continue;
                }
                if (b[0] == '#')
                {
                    final boolean meta = n > 1 && b[1] == '#';
                    anyHeader = true;
                    final String text = lines.lineString();
                    if (!commandWritten && (!meta || isStructured(text)))
                    {
                        header(tpOut, missOut, commandLine);
                        commandWritten = true;
                    }
                    if (text.startsWith(CONTIG_PREFIX))
                    {
                        contigLines.add(text);
                    }
                    else if (text.startsWith(FILTER_PREFIX))
                    {
                        filterLines.add(text);
                    }
                    else if (!meta)
                    {
                        columnsSeen = true;
                        sampleColumn = sampleColumn(text);
                    }
                    tpOut.header(b, n);
                    missOut.header(b, n);
                    continue;
                }
                final int thisOrdinal = ordinal++;
                final byte decision = decisions.decision(thisOrdinal);
                if (decision == RecordDecisions.NONE)
                {
                    continue;
                }
                record.wrap(b, n, sampleColumn);
                if (!record.isContig(contig))
                {
                    contig = new String(b, record.from(VcfDataLine.CHROM), record.to(VcfDataLine.CHROM)
                        - record.from(VcfDataLine.CHROM), StandardCharsets.ISO_8859_1);
                }
                final boolean indel = decisions.isIndelClass(thisOrdinal);
                if (decision == RecordDecisions.TP)
                {
                    tpOut.record(b, n, contig, record.pos(), record.end());
                }
                else if (decision == RecordDecisions.MISS)
                {
                    missOut.record(b, n, contig, record.pos(), record.end());
                }
                tally.add(!truth, indel, record.isPass(), decision, indel ? 0 : record.tiTv(), record.zygosity());
                spool.add(contig, record, decision, indel);
            }
        }
        if (expectedRecords > 0 && ordinal != expectedRecords)
        {
            throw new InputException(vcf, "changed since it was compared: " + ordinal + " data lines, "
                + expectedRecords + " when compared");
        }
        if (!columnsSeen)
        {
            // An empty input: still write valid (empty) VCFs.
            if (!anyHeader)
            {
                header(tpOut, missOut, MINIMAL_FILEFORMAT);
            }
            if (!commandWritten)
            {
                header(tpOut, missOut, commandLine);
            }
            header(tpOut, missOut, MINIMAL_COLUMNS);
        }
        return new Header(List.copyOf(contigLines), List.copyOf(filterLines));
    }

    private static void header(final IndexedVcfWriter a, final IndexedVcfWriter b, final String line)
        throws IOException
    {
        a.header(line);
        b.header(line);
    }

    private static boolean isStructured(final String line)
    {
        for (final String prefix : STRUCTURED_PREFIXES)
        {
            if (line.startsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }

    /** Column of the compared sample as the loader chose it, or -1. */
    private int sampleColumn(final String columnsLine)
    {
        final String[] columns = columnsLine.split("\t", -1);
        if (sample == null)
        {
            return columns.length > 9 ? 9 : -1;
        }
        for (int i = 9; i < columns.length; i++)
        {
            if (columns[i].equals(sample))
            {
                return i;
            }
        }
        return -1;
    }
}

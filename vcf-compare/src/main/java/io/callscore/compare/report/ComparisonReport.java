package io.callscore.compare.report;

import io.callscore.compare.ComparisonResult;
import io.callscore.compare.ContigOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output directory of {@code callscore compare -o DIR}: vcfeval's split files and summary, a hap.py-style
 * summary.csv and a GA4GH intermediate VCF, all from one {@link ComparisonResult} (docs/output-files.md).
 * Each input is re-read once in file order and its records are paired with the comparison's decisions by record
 * ordinal; records that gave no variant and variants of too-complex regions are written nowhere.
 */
public final class ComparisonReport
{
    /** Call records counted TP. */
    public static final String TP_VCF = "tp.vcf.gz";
    /** Truth records counted TP. */
    public static final String TP_BASELINE_VCF = "tp-baseline.vcf.gz";
    /** Call records counted FP. */
    public static final String FP_VCF = "fp.vcf.gz";
    /** Truth records counted FN. */
    public static final String FN_VCF = "fn.vcf.gz";
    /** vcfeval's summary table. */
    public static final String SUMMARY_TXT = "summary.txt";
    /** hap.py's summary table. */
    public static final String SUMMARY_CSV = "summary.csv";
    /** GA4GH intermediate VCF with samples TRUTH and QUERY. */
    public static final String GA4GH_VCF = "output.vcf.gz";
    /** Header key of the command line in every output VCF. */
    public static final String COMMAND_HEADER_KEY = "##callscore_command=";

    private ComparisonReport()
    {
    }

    /**
     * Writes every output file into {@code outDir} (created if needed; existing files of these names are replaced).
     *
     * @param result      the comparison of {@code truthVcf} and {@code callsVcf}
     * @param truthVcf    the truth (baseline) VCF that was compared, unchanged since
     * @param callsVcf    the calls VCF that was compared, unchanged since
     * @param outDir      the output directory
     * @param commandLine the command line, recorded in the VCF headers
     * @throws IOException when an output cannot be written
     * @throws io.callscore.vcf.InputException when an input cannot be read or changed since the comparison
     */
    public static void writeAll(final ComparisonResult result, final Path truthVcf, final Path callsVcf,
        final Path outDir, final String commandLine) throws IOException
    {
        Files.createDirectories(outDir);
        final String commandHeader = commandHeaderLine(commandLine);
        final HappyTally tally = new HappyTally();
        final Path spoolDir = Files.createTempDirectory(outDir, ".callscore-spool-");
        try
        {
            final InputPass.Header truthHeader;
            final InputPass.Header callsHeader;
            try (Ga4ghSpool truthSpool = new Ga4ghSpool(spoolDir, "truth", true);
                Ga4ghSpool querySpool = new Ga4ghSpool(spoolDir, "query", false))
            {
                try (IndexedVcfWriter tp = new IndexedVcfWriter(outDir.resolve(TP_BASELINE_VCF));
                    IndexedVcfWriter fn = new IndexedVcfWriter(outDir.resolve(FN_VCF)))
                {
                    truthHeader = new InputPass(truthVcf, result.baseline().sample(), result.baseline().records(),
                        RecordDecisions.baseline(result), true).run(tp, fn, commandHeader, tally, truthSpool);
                }
                try (IndexedVcfWriter tp = new IndexedVcfWriter(outDir.resolve(TP_VCF));
                    IndexedVcfWriter fp = new IndexedVcfWriter(outDir.resolve(FP_VCF)))
                {
                    callsHeader = new InputPass(callsVcf, result.calls().sample(), result.calls().records(),
                        RecordDecisions.calls(result), false).run(tp, fp, commandHeader, tally, querySpool);
                }
                truthSpool.close();
                querySpool.close();
                Ga4ghVcfWriter.write(outDir.resolve(GA4GH_VCF), contigOrder(result), truthSpool, querySpool,
                    truthHeader, callsHeader, commandHeader);
            }
        }
        finally
        {
            deleteTree(spoolDir);
        }
        Files.writeString(outDir.resolve(SUMMARY_TXT), VcfevalSummaryTxt.format(result.counts()),
            StandardCharsets.US_ASCII);
        Files.writeString(outDir.resolve(SUMMARY_CSV), HappySummaryCsv.format(tally), StandardCharsets.US_ASCII);
    }

    /** The header line recording a command line (kept on one line). */
    static String commandHeaderLine(final String commandLine)
    {
        return COMMAND_HEADER_KEY + (commandLine == null ? "" : commandLine.replace('\n', ' ').replace('\r', ' '));
    }

    private static List<String> contigOrder(final ComparisonResult result)
    {
        final List<String> order = new ArrayList<>();
        for (final ContigOutcome outcome : result.contigs())
        {
            order.add(outcome.contig());
        }
        return order;
    }

    private static void deleteTree(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(p ->
            {
                try
                {
                    Files.deleteIfExists(p);
                }
                catch (final IOException e)
                {
                    throw new UncheckedIOException(e);
                }
            });
        }
        catch (final UncheckedIOException e)
        {
            throw e.getCause();
        }
    }
}

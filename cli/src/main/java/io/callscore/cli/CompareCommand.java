package io.callscore.cli;

import io.callscore.compare.BatchComparison;
import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonJson;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.ComparisonTable;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code callscore compare}: one truth/calls pair, or a batch of them, counted as vcfeval counts. */
@Command(
    name = "compare",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
        "Compare called variants with truth, counting as RTG vcfeval does.",
        "Haplotype-aware: TP/FP/FN for SNP and INDEL. Prints a table (or one JSON object with --json);",
        "score = 0.7*F1_snp + 0.3*F1_indel.",
    },
    footer = {
        "",
        "Batch mode: --batch CASES.tsv, one case per line: id<TAB>truth<TAB>calls<TAB>reference<TAB>regions-or-dash",
        "(paths relative to the batch file's folder). Prints one JSON line per case in input order; a failing case",
        "prints {\"id\":...,\"error\":...} and the batch goes on.",
        "",
        "Exit codes: 0 ok, 2 bad input (one line on stderr naming file, line and problem), 1 internal error.",
    })
public final class CompareCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-b", "--baseline"}, paramLabel = "TRUTH", description = "Truth VCF (plain or bgzip).")
    Path baseline;

    @Option(names = {"-c", "--calls"}, paramLabel = "CALLS", description = "Called VCF (plain or bgzip).")
    Path calls;

    @Option(names = {"-r", "-t", "--reference"}, paramLabel = "REF.fa",
        description = "Reference FASTA (a .fai beside it is used; built in memory when missing).")
    Path reference;

    @Option(names = {"-e", "--evaluation-regions"}, paramLabel = "REGIONS.bed",
        description = "Count only variants in these regions (matching still crosses their borders).")
    Path regions;

    @Option(names = "--region", paramLabel = "CONTIG[:START-END]",
        description = "Only records overlapping this region exist for the comparison (repeatable; vcfeval --region).")
    java.util.List<String> loadRegionTexts = new java.util.ArrayList<>();

    @Option(names = "--bed-regions", paramLabel = "REGIONS.bed",
        description = "Only records overlapping these regions exist for the comparison (vcfeval --bed-regions).")
    Path loadRegionsBed;

    @Option(names = "--squash-ploidy", description = "Allele matching: ignore zygosity (vcfeval --squash-ploidy).")
    boolean squashPloidy;

    @Option(names = "--all-records", description = "Also use records whose FILTER or FT is not PASS.")
    boolean allRecords;

    @Option(names = "--ref-overlap", description = "REF alleles do not block overlapping variants.")
    boolean refOverlap;

    @Option(names = "--sample", paramLabel = "NAME[,NAME]",
        description = "Sample to use in both VCFs, or TRUTH_SAMPLE,CALL_SAMPLE. Needed for multi-sample VCFs.")
    String sample;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR",
        description = "Also write tp/fp/fn VCFs, summary.txt, summary.csv and a GA4GH output.vcf.gz here.")
    Path outDir;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Option(names = "--batch", paramLabel = "CASES.tsv", description = "Run many comparisons (see below).")
    Path batch;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for --batch (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        if (batch != null)
        {
            if (baseline != null || calls != null || outDir != null)
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--batch takes its inputs from the batch file: drop -b/-c/-o");
            }
            if (!loadRegionTexts.isEmpty() || loadRegionsBed != null)
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--region and --bed-regions apply to a single comparison, not to --batch");
            }
            final List<BatchComparison.Case> cases = BatchComparison.readCases(batch);
            new BatchComparison(options()).run(cases, Math.max(1, threads), line ->
            {
                out.println(line);
                out.flush();
            });
            return CallscoreCommand.EXIT_OK;
        }
        if (baseline == null || calls == null || reference == null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "compare needs -b TRUTH, -c CALLS and -r REF.fa (or --batch CASES.tsv)");
        }
        final ReferenceGenome ref = ReferenceGenome.open(reference);
        final RegionSet evalRegions = regions == null ? null : RegionSet.readBed(regions);
        final RegionSet restrict = loadRegions(ref);
        final CompareOptions options = restrict == null ? this.options() : this.options().withLoadRegions(restrict);
        final ComparisonResult result = VcfComparator.compare(baseline, calls, ref, evalRegions, options,
            Runtime.getRuntime().availableProcessors());
        final PrintWriter err = spec.commandLine().getErr();
        for (final String region : result.tooComplexRegions())
        {
            err.println("callscore: warning: evaluation too complex at " + region
                + "; its variants are left out of the counts");
        }
        if (outDir != null)
        {
            OutputFiles.write(result, baseline, calls, outDir, String.join(" ", spec.commandLine().getParseResult()
                .originalArgs()));
        }
        out.print(json ? ComparisonJson.of(result) + System.lineSeparator() : ComparisonTable.of(result));
        if (!json && result.skipped() > 0)
        {
            out.println("skipped records: " + result.skipped() + " (too long, beyond the reference, wrong ploidy or"
                + " bad bases)");
        }
        out.flush();
        return CallscoreCommand.EXIT_OK;
    }

    /** The load restriction of --region/--bed-regions, or null. */
    private RegionSet loadRegions(final ReferenceGenome ref)
    {
        if (loadRegionTexts.isEmpty() && loadRegionsBed == null)
        {
            return null;
        }
        if (!loadRegionTexts.isEmpty() && loadRegionsBed != null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --region or --bed-regions, not both");
        }
        if (loadRegionsBed != null)
        {
            return RegionSet.readBed(loadRegionsBed);
        }
        try
        {
            return io.callscore.vcf.RegionText.parse(loadRegionTexts, ref);
        }
        catch (final IllegalArgumentException e)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private CompareOptions options()
    {
        CompareOptions o = CompareOptions.defaults().withSquashPloidy(squashPloidy).withAllRecords(allRecords)
            .withRefOverlap(refOverlap);
        if (sample != null)
        {
            final String[] names = sample.split(",", -1);
            if (names.length > 2 || names[0].isBlank() || (names.length == 2 && names[1].isBlank()))
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--sample takes NAME or TRUTH_SAMPLE,CALL_SAMPLE");
            }
            o = o.withSamples(names[0], names.length == 2 ? names[1] : names[0]);
        }
        return o;
    }
}

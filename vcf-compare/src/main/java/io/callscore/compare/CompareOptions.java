package io.callscore.compare;

import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.RegionSet;

/**
 * Options of one comparison; the defaults are vcfeval's.
 *
 * @param squashPloidy   allele matching: one haplotype, zygosity ignored ({@code --squash-ploidy})
 * @param refOverlap     REF alleles do not block overlapping variants ({@code --ref-overlap})
 * @param allRecords     keep filtered records ({@code --all-records})
 * @param baselineSample truth sample name, or null for the only one
 * @param callSample     calls sample name, or null for the only one
 * @param maxLength      records longer than this are skipped (1000)
 * @param maxPaths       live-path cap before a region is too complex (50,000)
 * @param maxIterations  iterations since the last sync point before a region is too complex (10,000,000)
 * @param loadRegions    when not null, only records overlapping these regions exist for the comparison (vcfeval's
 *                       {@code --region}/{@code --bed-regions}: no matching across their borders)
 */
public record CompareOptions(boolean squashPloidy, boolean refOverlap, boolean allRecords, String baselineSample,
    String callSample, int maxLength, int maxPaths, int maxIterations, RegionSet loadRegions)
{
    public static final int DEFAULT_MAX_PATHS = 50_000;
    public static final int DEFAULT_MAX_ITERATIONS = 10_000_000;

    public static CompareOptions defaults()
    {
        return new CompareOptions(false, false, false, null, null, LoadOptions.DEFAULT_MAX_LENGTH,
            DEFAULT_MAX_PATHS, DEFAULT_MAX_ITERATIONS, null);
    }

    public CompareOptions withSquashPloidy(final boolean squash)
    {
        return new CompareOptions(squash, refOverlap, allRecords, baselineSample, callSample, maxLength, maxPaths,
            maxIterations, loadRegions);
    }

    public CompareOptions withRefOverlap(final boolean overlap)
    {
        return new CompareOptions(squashPloidy, overlap, allRecords, baselineSample, callSample, maxLength, maxPaths,
            maxIterations, loadRegions);
    }

    public CompareOptions withAllRecords(final boolean all)
    {
        return new CompareOptions(squashPloidy, refOverlap, all, baselineSample, callSample, maxLength, maxPaths,
            maxIterations, loadRegions);
    }

    public CompareOptions withSamples(final String baseline, final String calls)
    {
        return new CompareOptions(squashPloidy, refOverlap, allRecords, baseline, calls, maxLength, maxPaths,
            maxIterations, loadRegions);
    }

    public CompareOptions withMaxPaths(final int paths)
    {
        return new CompareOptions(squashPloidy, refOverlap, allRecords, baselineSample, callSample, maxLength, paths,
            maxIterations, loadRegions);
    }

    public CompareOptions withLoadRegions(final RegionSet regions)
    {
        return new CompareOptions(squashPloidy, refOverlap, allRecords, baselineSample, callSample, maxLength, maxPaths,
            maxIterations, regions);
    }

    /** How truth records are loaded under these options. */
    public LoadOptions baselineLoad()
    {
        return new LoadOptions(baselineSample, 2, allRecords, maxLength, true).withLoadRegions(loadRegions);
    }

    /** How call records are loaded under these options. */
    public LoadOptions callLoad()
    {
        return new LoadOptions(callSample, 2, allRecords, maxLength, true).withLoadRegions(loadRegions);
    }
}

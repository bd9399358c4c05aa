package io.callscore.vcf;

/**
 * How records become variants.
 *
 * @param sample        sample column name, or null for the only sample of the file
 * @param ploidy        expected ploidy (2); in diploid mode a haploid GT {@code 1} reads as {@code 1/1}
 * @param allRecords    keep records whose FILTER or sample FT is not PASS
 * @param maxLength     records with REF or an ALT longer than this are skipped (vcfeval's default 1000; -1 none)
 * @param checkRef      reject records whose REF disagrees with the reference (callscore; vcfeval does not check)
 * @param loadRegions   when not null, records whose REF interval overlaps none of these regions are not loaded at
 *                      all (counted in {@link VariantSet#outsideLoadRegions()}), as vcfeval's --bed-regions
 * @param maxInputBytes cap on the decompressed bytes read, against gzip bombs ({@link Long#MAX_VALUE}: none)
 */
public record LoadOptions(String sample, int ploidy, boolean allRecords, int maxLength, boolean checkRef,
    RegionSet loadRegions, long maxInputBytes)
{
    public static final int DEFAULT_MAX_LENGTH = 1000;

    public LoadOptions(final String sample, final int ploidy, final boolean allRecords, final int maxLength,
        final boolean checkRef)
    {
        this(sample, ploidy, allRecords, maxLength, checkRef, null, Long.MAX_VALUE);
    }

    public static LoadOptions defaults()
    {
        return new LoadOptions(null, 2, false, DEFAULT_MAX_LENGTH, true);
    }

    public LoadOptions withSample(final String name)
    {
        return new LoadOptions(name, ploidy, allRecords, maxLength, checkRef, loadRegions, maxInputBytes);
    }

    public LoadOptions withAllRecords(final boolean all)
    {
        return new LoadOptions(sample, ploidy, all, maxLength, checkRef, loadRegions, maxInputBytes);
    }

    public LoadOptions withLoadRegions(final RegionSet regions)
    {
        return new LoadOptions(sample, ploidy, allRecords, maxLength, checkRef, regions, maxInputBytes);
    }

    public LoadOptions withMaxInputBytes(final long bytes)
    {
        return new LoadOptions(sample, ploidy, allRecords, maxLength, checkRef, loadRegions, bytes);
    }
}

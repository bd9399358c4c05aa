package io.callscore.vcf;

/**
 * How records become variants.
 *
 * @param sample       sample column name, or null for the only sample of the file
 * @param ploidy       expected ploidy (2); in diploid mode a haploid GT {@code 1} reads as {@code 1/1}
 * @param allRecords   keep records whose FILTER or sample FT is not PASS
 * @param maxLength    records with REF or an ALT longer than this are skipped (vcfeval's default 1000; -1 none)
 * @param checkRef     reject records whose REF disagrees with the reference (callscore; vcfeval does not check)
 */
public record LoadOptions(String sample, int ploidy, boolean allRecords, int maxLength, boolean checkRef)
{
    public static final int DEFAULT_MAX_LENGTH = 1000;

    public static LoadOptions defaults()
    {
        return new LoadOptions(null, 2, false, DEFAULT_MAX_LENGTH, true);
    }

    public LoadOptions withSample(final String name)
    {
        return new LoadOptions(name, ploidy, allRecords, maxLength, checkRef);
    }

    public LoadOptions withAllRecords(final boolean all)
    {
        return new LoadOptions(sample, ploidy, all, maxLength, checkRef);
    }
}

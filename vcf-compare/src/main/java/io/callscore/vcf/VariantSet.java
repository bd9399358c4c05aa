package io.callscore.vcf;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** All variants of one VCF side, per contig in first-seen order, with load statistics. */
public final class VariantSet
{
    private final Path file;
    private final String sample;
    private final Map<String, ContigVariants> contigs = new LinkedHashMap<>();
    int records;
    int skipped;
    int ignored;
    int outsideLoadRegions;

    public VariantSet(final Path file, final String sample)
    {
        this.file = file;
        this.sample = sample;
    }

    /** A set rebuilt from a stored truth record, keeping the load statistics of the VCF it was loaded from. */
    public VariantSet(final Path file, final String sample, final int records, final int skipped, final int ignored)
    {
        this(file, sample);
        this.records = records;
        this.skipped = skipped;
        this.ignored = ignored;
    }

    public Path file()
    {
        return file;
    }

    /** Name of the sample column used. */
    public String sample()
    {
        return sample;
    }

    public Map<String, ContigVariants> contigs()
    {
        return Collections.unmodifiableMap(contigs);
    }

    public ContigVariants contig(final String name)
    {
        return contigs.get(name);
    }

    ContigVariants contig(final String name, final int ploidy)
    {
        return contigs.computeIfAbsent(name, n -> new ContigVariants(n, ploidy));
    }

    /** Put a contig's variants built elsewhere (a stored truth record, a generator). */
    public void put(final ContigVariants variants)
    {
        contigs.put(variants.contig(), variants);
    }

    /** Number of data records in the file. */
    public int records()
    {
        return records;
    }

    /** Records skipped as vcfeval skips them: too long, beyond the reference, wrong ploidy, bad bases. */
    public int skipped()
    {
        return skipped;
    }

    /** Records that are not variants for the comparison: filtered, no GT, reference-only or symbolic calls. */
    public int ignored()
    {
        return ignored;
    }

    /** Records not loaded because they are outside the load regions ({@link LoadOptions#loadRegions()}). */
    public int outsideLoadRegions()
    {
        return outsideLoadRegions;
    }

    /** Total variants loaded. */
    public int variantCount()
    {
        int n = 0;
        for (final ContigVariants c : contigs.values())
        {
            n += c.size();
        }
        return n;
    }
}

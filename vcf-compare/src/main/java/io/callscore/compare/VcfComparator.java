package io.callscore.compare;

import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Compares a call set with a truth set as RTG vcfeval 3.12.1 does (docs/semantics.md): haplotype replay path
 * search per contig, TP/FP/FN counted by record and split into SNP and INDEL classes.
 */
public final class VcfComparator
{
    private VcfComparator()
    {
    }

    /** Loads both VCFs and compares them; {@code evalRegions} may be null (everything counts). */
    public static ComparisonResult compare(final Path truth, final Path calls, final ReferenceGenome reference,
        final RegionSet evalRegions, final CompareOptions options)
    {
        final VariantSet baseline = VariantLoader.load(truth, reference, evalRegions, options.baselineLoad());
        final VariantSet called = VariantLoader.load(calls, reference, evalRegions, options.callLoad());
        return compare(baseline, called, reference, options);
    }

    /** Compares loaded variant sets. Under {@code --ref-overlap} the sets are trimmed in place. */
    public static ComparisonResult compare(final VariantSet baseline, final VariantSet calls,
        final ReferenceGenome reference, final CompareOptions options)
    {
        return compare(baseline, calls, reference, options, ContigEvaluator.FAST_PATH);
    }

    /** As above, with the isolated-cluster fast path chosen explicitly (for tests). */
    static ComparisonResult compare(final VariantSet baseline, final VariantSet calls,
        final ReferenceGenome reference, final CompareOptions options, final boolean fastPath)
    {
        final Counts counts = new Counts();
        final List<String> tooComplex = new ArrayList<>();
        final List<ContigOutcome> outcomes = new ArrayList<>();
        for (final String contig : contigOrder(baseline, calls, reference))
        {
            final ContigVariants b = baseline.contig(contig);
            final ContigVariants c = calls.contig(contig);
            if (options.refOverlap())
            {
                if (b != null)
                {
                    RefOverlapTrimmer.trim(b);
                }
                if (c != null)
                {
                    RefOverlapTrimmer.trim(c);
                }
            }
            final ContigOutcome outcome = ContigEvaluator.evaluate(contig, reference.bases(contig), b, c, options,
                tooComplex, fastPath);
            outcome.addTo(counts);
            outcomes.add(outcome);
        }
        return new ComparisonResult(counts, baseline.skipped(), calls.skipped(),
            Collections.unmodifiableList(tooComplex), Collections.unmodifiableList(outcomes), baseline, calls);
    }

    /** Contigs with variants on either side, in reference order. */
    static List<String> contigOrder(final VariantSet baseline, final VariantSet calls, final ReferenceGenome reference)
    {
        final List<String> order = new ArrayList<>();
        for (final String name : reference.names())
        {
            if (baseline.contig(name) != null || calls.contig(name) != null)
            {
                order.add(name);
            }
        }
        return order;
    }
}

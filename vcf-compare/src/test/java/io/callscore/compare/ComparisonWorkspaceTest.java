package io.callscore.compare;

import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workspace reused case after case (pooled paths, list nodes, result columns longer than a contig) must decide
 * every variant as a fresh comparison does, including past the path cap (too-complex regions).
 */
class ComparisonWorkspaceTest
{
    private static final Path ROOT = root();

    private static Path root()
    {
        try
        {
            return Path.of(ComparisonWorkspaceTest.class.getResource("/conformance/vcfeval-synthetic/expected.tsv")
                .toURI()).getParent();
        }
        catch (final java.net.URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldDecideEveryConformanceCaseAsAFreshComparisonWhenTheWorkspaceIsReusedOnTheSameContig()
    {
        final ReferenceGenome ref = ReferenceGenome.open(ROOT.resolve("ref.fa"));
        final ComparisonWorkspace workspace = new ComparisonWorkspace();
        // Large and small cases interleaved, both modes, and a path cap low enough to make regions too complex.
        final List<CompareOptions> modes = List.of(CompareOptions.defaults(),
            CompareOptions.defaults().withSquashPloidy(true), CompareOptions.defaults().withMaxPaths(3));
        int tooComplex = 0;
        for (int i = 0; i < 300; i++)
        {
            for (final CompareOptions options : modes)
            {
                final Path c = ROOT.resolve(String.format("case%04d", (i * 7) % 300));
                final Path bed = c.resolve("regions.bed");
                final RegionSet regions = Files.exists(bed) ? RegionSet.readBed(bed) : null;
                // Each case has its own contig; the swapped comparison reuses the same contig with other variants on
                // each side, as consecutive windows of one chromosome do in a batch.
                for (final boolean swapped : new boolean[] {false, true})
                {
                    final String first = swapped ? "query.vcf" : "truth.vcf";
                    final String second = swapped ? "truth.vcf" : "query.vcf";
                    final ComparisonResult fresh = VcfComparator.compare(load(c, first, ref, regions),
                        load(c, second, ref, regions), ref, options);
                    final ComparisonResult reused = VcfComparator.compare(load(c, first, ref, regions),
                        load(c, second, ref, regions), ref, options, workspace);
                    assertSameDecisions(c.getFileName() + (swapped ? " swapped" : ""), fresh, reused);
                    tooComplex += reused.tooComplexRegions().size();
                }
            }
        }
        assertTrue(tooComplex > 0, "the low path cap must make some region too complex");
    }

    @Test
    void shouldShareColumnsWithTheWorkspaceWhenOneIsPassed()
    {
        final ReferenceGenome ref = ReferenceGenome.open(ROOT.resolve("ref.fa"));
        final Path c = ROOT.resolve("case0000");
        final ComparisonWorkspace workspace = new ComparisonWorkspace();
        final ComparisonResult first = VcfComparator.compare(load(c, "truth.vcf", ref, null),
            load(c, "query.vcf", ref, null), ref, CompareOptions.defaults(), workspace);
        final ComparisonResult second = VcfComparator.compare(load(c, "truth.vcf", ref, null),
            load(c, "query.vcf", ref, null), ref, CompareOptions.defaults(), workspace);
        final ComparisonResult fresh = VcfComparator.compare(load(c, "truth.vcf", ref, null),
            load(c, "query.vcf", ref, null), ref, CompareOptions.defaults());
        assertSame(first.contigs().get(0).callStatus(), second.contigs().get(0).callStatus());
        assertNotSame(first.contigs().get(0).callStatus(), fresh.contigs().get(0).callStatus());
    }

    private static VariantSet load(final Path dir, final String name, final ReferenceGenome ref,
        final RegionSet regions)
    {
        return VariantLoader.load(dir.resolve(name), ref, regions, LoadOptions.defaults());
    }

    private static void assertSameDecisions(final String name, final ComparisonResult expected,
        final ComparisonResult actual)
    {
        assertEquals(expected.counts().snp(), actual.counts().snp(), name);
        assertEquals(expected.counts().indel(), actual.counts().indel(), name);
        assertEquals(expected.tooComplexRegions(), actual.tooComplexRegions(), name);
        assertEquals(expected.contigs().size(), actual.contigs().size(), name);
        for (int k = 0; k < expected.contigs().size(); k++)
        {
            final ContigOutcome a = expected.contigs().get(k);
            final ContigOutcome b = actual.contigs().get(k);
            final int nb = a.baseline() == null ? 0 : a.baseline().size();
            final int nc = a.calls() == null ? 0 : a.calls().size();
            assertArrayEquals(Arrays.copyOf(a.baselineStatus(), nb), Arrays.copyOf(b.baselineStatus(), nb), name);
            assertArrayEquals(Arrays.copyOf(a.callStatus(), nc), Arrays.copyOf(b.callStatus(), nc), name);
            assertArrayEquals(Arrays.copyOf(a.callWeight(), nc), Arrays.copyOf(b.callWeight(), nc), 0.0, name);
        }
    }
}

package io.callscore.engine.realdata;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.Counts;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Real data against a published result: DeepVariant 1.5.0's calls on NA12878 chr20:10.00-10.01 Mb against the NIST
 * truth, which hap.py (vcfeval engine, PASS only, {@code -l chr20:10000000-10010000}, the confident BED) counts as
 * SNP TP 43 / FN 1 / FP 0 and INDEL TP 4 / FN 0 / FP 0 (resources/real/SOURCE.md).
 */
class DeepVariantHappyTest
{
    @Test
    void shouldCountTheDeepVariantCallsAsHappyPublished() throws Exception
    {
        final Path dir = Path.of(getClass().getResource("/real/SOURCE.md").toURI()).getParent();
        final ReferenceGenome reference = ReferenceGenome.open(dir.resolve("ucsc.hg19.chr20.unittest.fasta.gz"));
        final RegionSet confident = RegionSet.readBed(dir.resolve("test_nist.b37_chr20_100kbp_at_10mb.bed"));
        final RegionSet location = RegionSet.fromIntervals(Map.of("chr20", List.of(new int[] {9_999_999, 10_010_000})));
        final ComparisonResult r = VcfComparator.compare(dir.resolve("test_nist.b37_chr20_100kbp_at_10mb.vcf.gz"),
            dir.resolve("golden.postprocess_single_site_output.vcf"), reference, confident,
            CompareOptions.defaults().withSamples("INTEGRATION", "NA12878").withLoadRegions(location));
        final Counts.ClassCounts snp = r.counts().snp();
        final Counts.ClassCounts indel = r.counts().indel();
        assertEquals(List.of(43L, 1L, 0L), List.of(snp.tpBase(), snp.fn(), snp.fp()), "SNP TP, FN, FP");
        assertEquals(List.of(4L, 0L, 0L), List.of(indel.tpBase(), indel.fn(), indel.fp()), "INDEL TP, FN, FP");
        assertEquals(0.977273, snp.recall(), 5e-7);
        assertEquals(0.988506, snp.f1(), 5e-7);
    }
}

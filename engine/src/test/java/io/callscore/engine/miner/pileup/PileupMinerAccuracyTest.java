package io.callscore.engine.miner.pileup;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.Counts;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accuracy of the pileup miner, scored by the project's vcfeval-equivalent comparator: on simulated reads with
 * known alignments, and on real NA12878 reads against the NIST truth. The per-class figures are printed (see
 * target/surefire-reports) and recorded in docs/miners.md; the thresholds sit a little below them.
 */
class PileupMinerAccuracyTest
{
    private static final PileupMiner MINER = new PileupMiner(PileupSettings.defaults());

    /** At 10x a het shows 5 reads or so, and an indel fewer informative ones: genotypes are often uncertain. */
    @ParameterizedTest(name = "{0}x")
    @CsvSource({"30, 0.98, 0.95", "10, 0.94, 0.7"})
    void shouldCallSnvsAndIndelsAccuratelyWhenReadsAreSimulated(final int coverage, final double minSnpF1,
        final double minIndelF1, @TempDir final Path dir) throws IOException
    {
        final SimulatedSample.Files sample = new SimulatedSample(20_260_101L).write(dir, 50_000, 250, coverage);
        final Path calls = dir.resolve("calls.vcf.gz");
        MINER.run(sample.task(), calls, "5SimulatedHotkey");

        final ComparisonResult r = VcfComparator.compare(sample.truth(), calls, ReferenceGenome.open(
            sample.reference()), null, CompareOptions.defaults());
        report("simulated 50 kb, " + coverage + "x", r);
        assertTrue(r.counts().snp().f1() >= minSnpF1, "SNP F1 " + r.counts().snp());
        assertTrue(r.counts().indel().f1() >= minIndelF1, "INDEL F1 " + r.counts().indel());
    }

    @Test
    void shouldAgreeWithNistTruthWhenCallingRealNa12878Reads(@TempDir final Path dir)
        throws IOException, URISyntaxException
    {
        final Path real = Path.of(getClass().getResource("/real/SOURCE.md").toURI()).getParent();
        final Path task = dir.resolve("task.json");
        Files.writeString(task, """
            {"task_id": "na12878-chr20", "mode": "benchmark", "ref_build": "hg19", "input_type": "BAM",
             "data_locator": {"bam": "%s", "reference": "%s"},
             "regions": ["chr20:10,000,000-10,010,000"], "output_format": "VCF",
             "constraints": {"include_genotypes": true, "include_filters": true}}
            """.formatted(real.resolve("NA12878_S1.chr20.10_10p01mb.bam"),
            real.resolve("ucsc.hg19.chr20.unittest.fasta.gz")));
        final Path calls = dir.resolve("calls.vcf.gz");
        MINER.run(task, calls, "5RealHotkey");

        final ReferenceGenome reference = ReferenceGenome.open(real.resolve("ucsc.hg19.chr20.unittest.fasta.gz"));
        // The confident BED reaches past the task region (to 10,010,531): count only what the task asked for.
        final RegionSet confident = clip(RegionSet.readBed(real.resolve("test_nist.b37_chr20_100kbp_at_10mb.bed")),
            "chr20", 9_999_999, 10_010_000);
        final ComparisonResult r = VcfComparator.compare(real.resolve("test_nist.b37_chr20_100kbp_at_10mb.vcf.gz"),
            calls, reference, confident, CompareOptions.defaults().withSamples("INTEGRATION", PileupMiner.SAMPLE));
        report("NA12878 chr20:10.00-10.01 Mb", r);
        // 44 SNPs and 4 indels in the confident regions: one error costs about 0.02 (SNP) or 0.13 (INDEL).
        assertTrue(r.counts().snp().f1() >= 0.95, "SNP F1 " + r.counts().snp());
        assertTrue(r.counts().indel().f1() >= 0.85, "INDEL F1 " + r.counts().indel());
    }

    /** The regions of one contig inside {@code [start, end)} (0-based). */
    private static RegionSet clip(final RegionSet regions, final String contig, final int start, final int end)
    {
        final int[] iv = regions.intervals(contig);
        final List<int[]> clipped = new ArrayList<>();
        for (int i = 0; i < iv.length; i += 2)
        {
            if (iv[i] < end && iv[i + 1] > start)
            {
                clipped.add(new int[] {Math.max(start, iv[i]), Math.min(end, iv[i + 1])});
            }
        }
        return RegionSet.fromIntervals(Map.of(contig, clipped));
    }

    private static void report(final String scenario, final ComparisonResult r)
    {
        row(scenario, "SNP", r.counts().snp());
        row(scenario, "INDEL", r.counts().indel());
    }

    private static void row(final String scenario, final String type, final Counts.ClassCounts c)
    {
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.4f | %.4f | %.4f |%n", scenario, type,
            c.tpBase(), c.tpCall(), c.fp(), c.fn(), c.precision(), c.recall(), c.f1());
    }
}

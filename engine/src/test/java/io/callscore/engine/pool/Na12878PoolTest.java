package io.callscore.engine.pool;

import com.fasterxml.jackson.databind.JsonNode;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The BAM path on real reads: NA12878 (HG001) Illumina reads over hg19 chr20:9,999,000-10,013,000 at ~52x, with
 * the GIAB truth and confident regions of that stretch (src/test/resources/pool/SOURCE.md).
 */
class Na12878PoolTest
{
    @TempDir
    static Path tmp;

    private static Path pool;
    private static List<JsonNode> tasks;
    private static Set<String> sourceNames;
    private static Path truth;

    @BeforeAll
    static void build() throws IOException
    {
        final Path in = Files.createDirectories(tmp.resolve("in"));
        for (final String name : List.of("hg19.chr20.npadded.fa.gz", "na12878.chr20.9999k-10013k.bam",
            "na12878.chr20.9999k-10013k.bam.bai", "test_nist.b37_chr20_100kbp_at_10mb.vcf.gz",
            "test_nist.b37_chr20_100kbp_at_10mb.bed"))
        {
            try (InputStream s = Na12878PoolTest.class.getResourceAsStream("/pool/" + name))
            {
                Files.copy(s, in.resolve(name));
            }
        }
        final Path strata = in.resolve("strata.bed");
        Files.writeString(strata, "chr20\t10000000\t10011000\thard\n");
        truth = in.resolve("test_nist.b37_chr20_100kbp_at_10mb.vcf.gz");
        final Path bam = in.resolve("na12878.chr20.9999k-10013k.bam");
        sourceNames = new HashSet<>();
        try (SamReader r = SamReaderFactory.makeDefault().open(bam))
        {
            for (final SAMRecord rec : r)
            {
                sourceNames.add(rec.getReadName());
            }
        }
        pool = tmp.resolve("POOL");
        final PoolBuildOptions o = PoolBuildOptions.defaults(in.resolve("hg19.chr20.npadded.fa.gz"), truth,
            in.resolve("test_nist.b37_chr20_100kbp_at_10mb.bed"), bam, "HG001", pool).withWindows(1, 1000)
            .withStrata(strata).withCoverages(List.of(30, 15)).withSpikes(10, 4, 0.03).withSites(30, 3);
        new PoolBuilder(o, FilePoolSink.open(pool), null).run();
        tasks = PoolTestSupport.manifest(pool);
    }

    @Test
    void shouldBuildTheWindowFromTheStrataWithItsLabel()
    {
        assertEquals(2, tasks.size());
        for (final JsonNode t : tasks)
        {
            assertEquals("chr20:10000001-10011000", t.get("region").asText());
            assertEquals("hard", t.get("difficulty").asText());
            assertTrue(t.get("spikedSnvs").asInt() >= 8, t.toString());
            assertTrue(t.get("reverted").asInt() >= 1, t.toString());
        }
    }

    @Test
    void shouldPutSpikesIntoRealReadsAndScrubThem() throws IOException
    {
        for (final JsonNode t : tasks)
        {
            final Path bam = pool.resolve(t.get("dataLocator").asText()).resolve("reads.bam");
            try (SamReader r = SamReaderFactory.makeDefault().open(bam))
            {
                final SAMFileHeader h = r.getFileHeader();
                assertFalse(h.getSAMString().contains("NA12878"), h.getSAMString());
                assertTrue(h.getProgramRecords().isEmpty());
            }
            final List<SAMRecord> reads = PoolTestSupport.reads(bam);
            for (final SAMRecord rec : reads)
            {
                assertFalse(sourceNames.contains(rec.getReadName()));
                assertEquals(101, rec.getReadLength());
            }
            for (final PoolTestSupport.Edit e : PoolTestSupport.edits(pool.resolve(t.get("edits").asText())))
            {
                if (!e.isSnv())
                {
                    continue;
                }
                final int[] counts = PoolTestSupport.baseCounts(reads, e.pos());
                final int total = counts[0] + counts[1] + counts[2] + counts[3];
                final double af = (double)counts["ACGT".indexOf(e.alt())] / total;
                if (e.kind().equals("spike-out"))
                {
                    assertTrue(af < 0.1, e + " " + af);
                }
                else
                {
                    assertTrue(e.gt().equals("1/1") ? af > 0.85 : af > 0.15 && af < 0.85, e + " " + af);
                }
            }
        }
    }

    @Test
    void shouldLetBcftoolsFindTheSpikesAndBeatTheLookUpOnRealReads() throws IOException, InterruptedException
    {
        assumeTrue(PoolFixture.Tools.has("bcftools"), "bcftools is not installed (Debian package bcftools)");
        final JsonNode t = tasks.getFirst();
        assertEquals(30.0, t.get("coverage").asDouble());
        final Path dir = pool.resolve(t.get("dataLocator").asText());
        final Path work = Files.createDirectories(tmp.resolve("calls"));
        final Path calls = PoolFixture.Tools.callVariants(work, dir.resolve("ref.fa"), dir.resolve("reads.bam"));
        final Set<String> called = new HashSet<>();
        for (final String[] f : PoolTestSupport.vcfRecords(calls))
        {
            called.add(f[1] + ":" + f[3] + ">" + f[4]);
        }
        int spiked = 0;
        int found = 0;
        for (final PoolTestSupport.Edit e : PoolTestSupport.edits(pool.resolve(t.get("edits").asText())))
        {
            if (e.kind().equals("spike-in") && e.isSnv())
            {
                spiked++;
                found += called.contains(e.pos() + ":" + e.ref() + ">" + e.alt()) ? 1 : 0;
            }
        }
        System.out.printf("bcftools found %d of %d spiked SNVs%n", found, spiked);
        assertTrue(found >= 0.9 * spiked, "bcftools found " + found + " of " + spiked);

        // The look-up miner returns GIAB's truth for the window, moved into the task's coordinates.
        final int sliceStart = 10_000_000 - PoolBuildOptions.DEFAULT_MARGIN;
        final List<SmallVariant> window = new ArrayList<>();
        TruthVcfReader.read(truth, java.util.Map.of("chr20", new int[] {10_000_000, 10_011_000})).get("chr20")
            .forEach(v -> window.add(new SmallVariant(v.pos() - sliceStart, v.ref(), v.alts(), v.gt0(), v.gt1(),
                v.phased())));
        final ReferenceGenome ref = ReferenceGenome.open(dir.resolve("ref.fa"));
        final Path lookUp = work.resolve("lookup.vcf.gz");
        WindowFiles.writeTruth(lookUp, window, new ReferenceSlice("window", 0, new byte[ref.length("window")]));
        final Path windowTruth = pool.resolve(t.get("truth").asText());
        final RegionSet regions = RegionSet.readBed(pool.resolve(t.get("regions").asText()));
        final ComparisonResult cheat = VcfComparator.compare(windowTruth, lookUp, ref, regions,
            CompareOptions.defaults());
        final ComparisonResult fair = VcfComparator.compare(windowTruth, calls, ref, regions, CompareOptions.defaults());
        assertEquals(t.get("reverted").asInt(), cheat.counts().total().fp());
        System.out.printf("look-up %.4f (%s) vs honest %.4f (%s)%n", cheat.score(), cheat.counts().total(),
            fair.score(), fair.counts().total());
        assertTrue(fair.score() >= cheat.score() + 0.05, "honest " + fair.score() + " vs look-up " + cheat.score());
    }
}

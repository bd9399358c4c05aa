package io.callscore.engine.pool;

import com.fasterxml.jackson.databind.JsonNode;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.util.SequenceUtil;
import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The BAM path end to end on a bwa-aligned source BAM of simulated reads: layout, spikes really in the reads,
 * spike-outs really gone, nothing identifying left in delivered files, mates and MD/NM consistent, downsampling
 * repeatable, and (with bcftools) the realism and look-up checks of the issue.
 */
class PoolBuildBamTest
{
    @TempDir
    static Path tmp;

    private static PoolFixture fixture;
    private static Path pool;
    private static List<JsonNode> tasks;

    @BeforeAll
    static void build() throws IOException, InterruptedException
    {
        assumeTrue(PoolFixture.Tools.has("bwa"), "bwa is not installed (Debian package bwa): BAM pool tests skipped");
        fixture = PoolFixture.simulated();
        pool = tmp.resolve("POOL");
        final PoolBuildOptions options = options(pool, 1);
        new PoolBuilder(options, FilePoolSink.open(pool), System.err).run();
        tasks = PoolTestSupport.manifest(pool);
    }

    static PoolBuildOptions options(final Path out, final long seed)
    {
        return PoolBuildOptions.defaults(fixture.reference, fixture.truth, fixture.confident, fixture.bam, "HG001",
            out).withWindows(2, 25_000).withCoverages(List.of(30, 10)).withSpikes(16, 8, 0.03).withSeed(seed)
            .withSites(60, 3);
    }

    private static Path delivered(final JsonNode task)
    {
        return pool.resolve(task.get("dataLocator").asText());
    }

    @Test
    void shouldWriteOneTaskPerWindowAndCoverageWithValidatorFilesApart() throws IOException
    {
        assertEquals(4, tasks.size());
        final Set<String> regions = new HashSet<>();
        for (final JsonNode t : tasks)
        {
            regions.add(t.get("region").asText());
            assertEquals("BAM", t.get("inputType").asText());
            assertEquals("HG001", t.get("genome").asText());
            final Path dir = delivered(t);
            try (Stream<Path> s = Files.list(dir))
            {
                assertEquals(Set.of("reads.bam", "reads.bam.bai", "ref.fa", "ref.fa.fai"),
                    Set.copyOf(s.map(p -> p.getFileName().toString()).toList()));
            }
            assertTrue(Files.isRegularFile(pool.resolve(t.get("truth").asText())));
            assertTrue(Files.isRegularFile(pool.resolve(t.get("regions").asText())));
            assertTrue(t.get("spikedSnvs").asInt() >= 12, t.toString());
            assertTrue(t.get("spikedIndels").asInt() >= 5, t.toString());
            assertTrue(t.get("reverted").asInt() >= 1, t.toString());
        }
        assertEquals(2, regions.size());
        assertFalse(Files.exists(pool.resolve(".staging").resolve("HG001")));
    }

    @Test
    void shouldDownsampleToEachCoverage() throws IOException
    {
        for (final JsonNode t : tasks)
        {
            final double coverage = t.get("coverage").asDouble();
            final List<SAMRecord> reads = PoolTestSupport.reads(delivered(t).resolve("reads.bam"));
            long aligned = 0;
            for (final SAMRecord r : reads)
            {
                aligned += r.getReadUnmappedFlag() ? 0 : r.getAlignmentEnd() - r.getAlignmentStart() + 1;
            }
            final double depth = aligned / 25_000.0;
            assertTrue(depth > coverage * 0.85 && depth < coverage * 1.25, "depth " + depth + " for " + coverage);
        }
    }

    @Test
    void shouldPutSpikesIntoTheReadsAndTakeSpikeOutsAway() throws IOException
    {
        for (final JsonNode t : tasks)
        {
            if (t.get("coverage").asDouble() < 20)
            {
                continue;
            }
            final List<SAMRecord> reads = PoolTestSupport.reads(delivered(t).resolve("reads.bam"));
            for (final PoolTestSupport.Edit e : PoolTestSupport.edits(pool.resolve(t.get("edits").asText())))
            {
                if (!e.isSnv())
                {
                    continue;
                }
                final int[] counts = PoolTestSupport.baseCounts(reads, e.pos());
                final int total = counts[0] + counts[1] + counts[2] + counts[3];
                final int alt = counts["ACGT".indexOf(e.alt())];
                final double af = (double)alt / total;
                if (e.kind().equals("spike-out"))
                {
                    assertTrue(af < 0.1, "alt still in reads at spike-out " + e + ": " + af);
                }
                else if (e.gt().equals("1/1"))
                {
                    assertTrue(af > 0.9, "hom spike " + e + " at AF " + af);
                }
                else
                {
                    assertTrue(af > 0.2 && af < 0.8, "het spike " + e + " at AF " + af);
                }
            }
        }
    }

    @Test
    void shouldLeaveNothingThatIdentifiesTheSourceInDeliveredFiles() throws IOException
    {
        for (final JsonNode t : tasks)
        {
            final Path dir = delivered(t);
            final Path bam = dir.resolve("reads.bam");
            try (SamReader r = SamReaderFactory.makeDefault().open(bam))
            {
                final SAMFileHeader h = r.getFileHeader();
                final String text = h.getSAMString();
                assertTrue(h.getProgramRecords().isEmpty(), "no @PG");
                assertTrue(h.getComments().isEmpty(), "no @CO");
                assertEquals(1, h.getReadGroups().size());
                assertFalse(text.contains(PoolFixture.SOURCE_SAMPLE) || text.contains(PoolFixture.SOURCE_GROUP)
                    || text.contains("chr20") || text.contains("bwa") || text.contains("HG001"), text);
                final String group = h.getReadGroups().getFirst().getId();
                for (final SAMRecord rec : r)
                {
                    assertFalse(fixture.sourceReadNames.contains(rec.getReadName()), rec.getReadName());
                    assertEquals(group, rec.getStringAttribute("RG"));
                    for (final SAMRecord.SAMTagAndValue tag : rec.getAttributes())
                    {
                        assertTrue(Set.of("RG", "MD", "NM").contains(tag.tag), "tag " + tag.tag);
                    }
                }
            }
            final String fasta = Files.readString(dir.resolve("ref.fa"), StandardCharsets.US_ASCII);
            assertTrue(fasta.startsWith(">window\n"));
            for (final Path p : List.of(dir.resolve("ref.fa.fai"), dir.resolve("reads.bam.bai")))
            {
                final String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("chr20") || bytes.contains("HG001") || bytes.contains("source"), p.toString());
            }
            assertFalse(t.get("dataLocator").asText().contains("HG001"));
        }
    }

    @Test
    void shouldKeepEditedReadsIndistinguishable() throws IOException
    {
        for (final JsonNode t : tasks)
        {
            final Path dir = delivered(t);
            final byte[] ref = ReferenceGenome.open(dir.resolve("ref.fa")).bases("window");
            final byte[] ascii = new byte[ref.length];
            for (int i = 0; i < ref.length; i++)
            {
                ascii[i] = io.callscore.vcf.Bases.letter(ref[i]);
            }
            final List<SAMRecord> reads = PoolTestSupport.reads(dir.resolve("reads.bam"));
            final Map<String, SAMRecord> firstMates = new HashMap<>();
            for (final SAMRecord r : reads)
            {
                assertEquals(150, r.getReadLength(), "every read keeps its length");
                if (!r.getReadUnmappedFlag())
                {
                    final SAMRecord copy = r.deepCopy();
                    SequenceUtil.calculateMdAndNmTags(copy, ascii, true, true);
                    assertEquals(copy.getStringAttribute("MD"), r.getStringAttribute("MD"), r.getSAMString());
                    assertEquals(copy.getIntegerAttribute("NM"), r.getIntegerAttribute("NM"), r.getSAMString());
                }
                final SAMRecord mate = firstMates.remove(r.getReadName());
                if (mate == null)
                {
                    firstMates.put(r.getReadName(), r);
                    continue;
                }
                assertEquals(mate.getAlignmentStart(), r.getMateAlignmentStart(), r.getSAMString());
                assertEquals(r.getAlignmentStart(), mate.getMateAlignmentStart(), mate.getSAMString());
                assertEquals(-mate.getInferredInsertSize(), r.getInferredInsertSize(), r.getSAMString()
                    + mate.getSAMString());
                assertEquals(mate.getReadNegativeStrandFlag(), r.getMateNegativeStrandFlag());
            }
        }
    }

    @Test
    void shouldDownsampleTheSameWayForTheSameSeed() throws IOException
    {
        final Path again = tmp.resolve("POOL-again");
        new PoolBuilder(options(again, 1).withOutput("standard", 1000, 5, false), FilePoolSink.open(again), null).run();
        final List<JsonNode> second = PoolTestSupport.manifest(again);
        assertEquals(tasks.size(), second.size());
        for (int i = 0; i < tasks.size(); i++)
        {
            assertEquals(tasks.get(i).get("region"), second.get(i).get("region"));
            assertEquals(tasks.get(i).get("reads"), second.get(i).get("reads"));
            assertEquals(Files.readString(pool.resolve(tasks.get(i).get("edits").asText())),
                Files.readString(again.resolve(second.get(i).get("edits").asText())));
            final List<SAMRecord> a = PoolTestSupport.reads(delivered(tasks.get(i)).resolve("reads.bam"));
            final List<SAMRecord> b = PoolTestSupport.reads(again.resolve(second.get(i).get("dataLocator").asText())
                .resolve("reads.bam"));
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++)
            {
                assertEquals(a.get(k).getAlignmentStart(), b.get(k).getAlignmentStart());
                assertEquals(a.get(k).getCigarString(), b.get(k).getCigarString());
                assertFalse(a.get(k).getReadName().equals(b.get(k).getReadName()), "names are fresh every build");
            }
        }
    }

    @Test
    void shouldLetBcftoolsFindNinetyPercentOfSpikedSnvsAt30x() throws IOException, InterruptedException
    {
        assumeTrue(PoolFixture.Tools.has("bcftools"), "bcftools is not installed (Debian package bcftools)");
        int spiked = 0;
        int found = 0;
        for (final JsonNode t : tasks)
        {
            if (t.get("coverage").asDouble() < 29)
            {
                continue;
            }
            final Path dir = delivered(t);
            final Path work = Files.createDirectories(tmp.resolve("calls-" + t.get("taskId").asText()));
            final Set<String> called = new HashSet<>();
            for (final String[] f : PoolTestSupport.vcfRecords(PoolFixture.Tools.callVariants(work,
                dir.resolve("ref.fa"), dir.resolve("reads.bam"))))
            {
                called.add(f[1] + ":" + f[3] + ">" + f[4]);
            }
            for (final PoolTestSupport.Edit e : PoolTestSupport.edits(pool.resolve(t.get("edits").asText())))
            {
                if (e.kind().equals("spike-in") && e.isSnv())
                {
                    spiked++;
                    found += called.contains(e.pos() + ":" + e.ref() + ">" + e.alt()) ? 1 : 0;
                }
            }
        }
        assertTrue(spiked >= 20, "spiked SNVs: " + spiked);
        System.out.printf("bcftools found %d of %d spiked SNVs%n", found, spiked);
        assertTrue(found >= 0.9 * spiked, "bcftools found " + found + " of " + spiked + " spiked SNVs");
    }

    @Test
    void shouldScoreALookUpMinerClearlyBelowAnHonestCaller() throws IOException, InterruptedException
    {
        assumeTrue(PoolFixture.Tools.has("bcftools"), "bcftools is not installed (Debian package bcftools)");
        for (final JsonNode t : tasks)
        {
            if (t.get("coverage").asDouble() < 29)
            {
                continue;
            }
            final Path dir = delivered(t);
            final Path work = Files.createDirectories(tmp.resolve("lookup-" + t.get("taskId").asText()));
            final Path truth = pool.resolve(t.get("truth").asText());
            final RegionSet regions = RegionSet.readBed(pool.resolve(t.get("regions").asText()));
            final ReferenceGenome ref = ReferenceGenome.open(dir.resolve("ref.fa"));
            // The look-up miner recognised the sample and returns its public truth for the window.
            final Path lookUp = work.resolve("lookup.vcf.gz");
            final String[] region = t.get("region").asText().split("[:-]");
            final int start = Integer.parseInt(region[1]) - 1;
            final int end = Integer.parseInt(region[2]);
            final int sliceStart = Math.max(0, start - PoolBuildOptions.DEFAULT_MARGIN);
            final List<SmallVariant> window = fixture.truthVariants.stream()
                .filter(v -> v.pos() >= start && v.pos() < end)
                .map(v -> new SmallVariant(v.pos() - sliceStart, v.ref(), v.alts(), v.gt0(), v.gt1(), v.phased()))
                .toList();
            WindowFiles.writeTruth(lookUp, window, new ReferenceSlice("window", 0, new byte[ref.length("window")]));
            final Path honest = PoolFixture.Tools.callVariants(work, dir.resolve("ref.fa"), dir.resolve("reads.bam"));
            final ComparisonResult cheat = VcfComparator.compare(truth, lookUp, ref, regions, CompareOptions.defaults());
            final ComparisonResult fair = VcfComparator.compare(truth, honest, ref, regions, CompareOptions.defaults());
            final int reverted = t.get("reverted").asInt();
            assertEquals(reverted, cheat.counts().total().fp(), "every spike-out costs the look-up a false positive");
            System.out.printf("look-up %.4f (%s) vs honest %.4f (%s)%n", cheat.score(), cheat.counts().total(),
                fair.score(), fair.counts().total());
            assertTrue(fair.score() >= cheat.score() + 0.05, "honest " + fair.score() + " vs look-up " + cheat.score());
            assertNotNull(fair.counts());
        }
    }
}

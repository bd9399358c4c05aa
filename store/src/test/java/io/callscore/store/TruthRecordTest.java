package io.callscore.store;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.Counts;
import io.callscore.compare.VcfComparator;
import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.callscore.store.VariantAssertions.assertSameVariants;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TruthRecordTest
{
    @Test
    void shouldDecodeExactlyWhatTheLoaderBuiltWhenEveryCaseIsStored()
    {
        int withRegions = 0;
        for (final String name : TruthCases.names())
        {
            final RegionSet regions = TruthCases.regions(name);
            withRegions += regions != null ? 1 : 0;
            final VariantSet loaded = TruthCases.truth(name, regions);
            final byte[] bytes = TruthRecordEncoder.encode(loaded, regions, TruthCases.metadata(name));
            final TruthRecord record = new TruthRecord().wrap(bytes);
            assertSameVariants(loaded, record.toVariantSet());
            assertEquals(regions != null, record.hasRegions(), name);
            assertEquals(loaded.variantCount(), record.variantCount(), name);
        }
        assertTrue(withRegions >= 3, "cases with regions: " + withRegions);
    }

    @Test
    void shouldSetOutsideFromStoredRegionsWhenVariantsWereEncodedWithoutThem()
    {
        final String name = "case0125";
        final RegionSet regions = TruthCases.regions(name);
        final VariantSet withoutFlags = TruthCases.truth(name, null);
        final VariantSet reference = TruthCases.truth(name, regions);
        final VariantSet decoded = new TruthRecord()
            .wrap(TruthRecordEncoder.encode(withoutFlags, regions, TruthCases.metadata(name))).toVariantSet();
        assertSameVariants(reference, decoded);
        final ContigVariants cv = decoded.contig(name);
        int outside = 0;
        for (int v = 0; v < cv.size(); v++)
        {
            outside += cv.isOutside(v) ? 1 : 0;
        }
        assertTrue(outside > 0 && outside < cv.size(), "outside " + outside + " of " + cv.size());
    }

    @Test
    void shouldScoreAsVcfevalWhenTheTruthComesFromAStoredRecord() throws IOException
    {
        final List<String> lines = Files.readAllLines(TruthCases.ROOT.resolve("expected.tsv"));
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] f = line.split("\t");
            final long[] expected = Arrays.stream(f, 2, 14).mapToLong(Long::parseLong).toArray();
            final RegionSet original = TruthCases.regions(f[0]);
            final TruthRecord record = new TruthRecord().wrap(TruthRecordEncoder.encode(
                TruthCases.truth(f[0], original), original, TruthCases.metadata(f[0])));
            final RegionSet stored = record.regions();
            final ComparisonResult result = VcfComparator.compare(record.toVariantSet(),
                TruthCases.calls(f[0], stored), TruthCases.REFERENCE,
                CompareOptions.defaults().withSquashPloidy(f[1].equals("allele")));
            assertArrayEquals(expected, counts(result.counts()), f[0] + " " + f[1]);
        }
    }

    private static long[] counts(final Counts c)
    {
        final Counts.ClassCounts t = c.total();
        final Counts.ClassCounts s = c.snp();
        final Counts.ClassCounts i = c.indel();
        return new long[] {t.tpBase(), t.tpCall(), t.fp(), t.fn(), s.tpBase(), s.tpCall(), s.fp(), s.fn(),
            i.tpBase(), i.tpCall(), i.fp(), i.fn()};
    }

    @Test
    void shouldKeepMetadataAndRegionsWhenRoundTripped()
    {
        final String name = "case0070";
        final RegionSet regions = TruthCases.regions(name);
        final TaskMetadata metadata = new TaskMetadata("HG002-GRCh38 ünïcode", 42.25, "chr20:1-50000", "easy",
            "cram", "s3://bucket/x.cram");
        final TruthRecord record = new TruthRecord()
            .wrap(TruthRecordEncoder.encode(TruthCases.truth(name, regions), regions, metadata));
        assertEquals(metadata, record.metadata());
        assertNull(record.sample());
        final RegionSet decoded = record.regions();
        assertEquals(regions.contigs(), decoded.contigs());
        for (final String contig : regions.contigs())
        {
            assertArrayEquals(regions.intervals(contig), decoded.intervals(contig), contig);
        }
        long bases = 0;
        for (final String contig : regions.contigs())
        {
            final int[] iv = regions.intervals(contig);
            for (int i = 0; i < iv.length; i += 2)
            {
                bases += iv[i + 1] - iv[i];
            }
        }
        assertEquals(bases, record.confidentBases());
    }

    @Test
    void shouldKeepRegionOnlyContigsWhenTheyHaveNoTruthVariants()
    {
        final VariantSet truth = TruthCases.truth("case0041", null);
        final RegionSet regions = RegionSet.fromIntervals(Map.of("case0041", List.of(new int[] {0, 100_000}),
            "chrEmpty", List.of(new int[] {10, 20}, new int[] {30, 40})));
        final TruthRecord record = new TruthRecord()
            .wrap(TruthRecordEncoder.encode(truth, regions, TruthCases.metadata("x")));
        assertEquals(2, record.contigCount());
        assertFalse(record.contig(1).hasVariants());
        assertEquals("chrEmpty", record.contig(1).name());
        assertArrayEquals(new int[] {10, 20, 30, 40}, record.regions().intervals("chrEmpty"));
        assertEquals(List.of("case0041"), List.copyOf(record.toVariantSet().contigs().keySet()));
    }

    @Test
    void shouldReadVariantsInPlaceWhenUsingTheContigView()
    {
        final VariantSet loaded = TruthCases.truth("case0053", null);
        final ContigVariants cv = loaded.contig("case0053");
        final TruthRecord record = new TruthRecord()
            .wrap(TruthRecordEncoder.encode(loaded, null, TruthCases.metadata("case0053")));
        final TruthRecord.Contig view = record.contig(0);
        assertEquals(cv.size(), view.variantCount());
        for (int v = 0; v < cv.size(); v++)
        {
            assertEquals(cv.start(v), view.start(v));
            assertEquals(cv.end(v), view.end(v));
            assertEquals(cv.recordOrdinal(v), view.recordOrdinal(v));
            assertEquals(cv.alleleCount(v), view.alleleCount(v));
            for (int h = 0; h < cv.ploidy(); h++)
            {
                assertEquals(cv.gt(v, h), view.gt(v, h));
            }
            for (int k = 0; k < cv.alleleCount(v); k++)
            {
                final int a = cv.alleleHandle(v, k);
                assertEquals(cv.alleleLength(a), view.alleleLength(v, k));
                for (int i = 0; i < cv.alleleLength(a); i++)
                {
                    assertEquals(cv.bases()[cv.alleleOffset(a) + i], view.base(v, k, i));
                }
            }
        }
    }

    @Test
    void shouldRefuseWhenBytesAreForeignTruncatedOrDamaged()
    {
        final byte[] good = TruthRecordEncoder.encode(TruthCases.truth("case0041", null), null,
            TruthCases.metadata("case0041"));
        final TruthRecord record = new TruthRecord();
        final IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
            () -> record.wrap(Arrays.copyOf(good, 20)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        final byte[] foreign = good.clone();
        foreign[0] = 'X';
        assertTrue(assertThrows(IllegalArgumentException.class, () -> record.wrap(foreign)).getMessage()
            .contains("not a callscore truth record"));
        final IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
            () -> record.wrap(Arrays.copyOf(good, good.length - 8)));
        assertTrue(cut.getMessage().contains("damaged"), cut.getMessage());
        final byte[] future = good.clone();
        future[TruthRecordDescriptor.VERSION_OFFSET] = 9;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> record.wrap(future)).getMessage()
            .contains("version 9"));
        assertThrows(IllegalStateException.class, record::variantCount);
    }
}

package io.callscore.engine.demo;

import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SamFileValidator;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.VcfComparator;
import io.callscore.engine.miner.pileup.PileupMiner;
import io.callscore.engine.miner.pileup.PileupSettings;
import io.callscore.engine.pool.SmallVariant;
import io.callscore.engine.pool.TruthVcfReader;
import io.callscore.engine.synthetic.SyntheticCallSets;
import io.callscore.vcf.ReferenceGenome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedAlignedReadsTest
{
    private static final String CONTIG = "chrT";

    @TempDir
    Path dir;

    @Test
    void shouldWriteValidSortedIndexedPairsWhoseBasesFollowTheirAlignmentsWhenErrorFree() throws Exception
    {
        final String ref = randomBases(30_000, 11);
        final ReferenceGenome genome = ReferenceGenome.of(Map.of(CONTIG, ref));
        // An SNV (hom), an MNP, an insertion, a deletion, a complex change and two close hets.
        final List<SmallVariant> variants = List.of(
            SmallVariant.biallelic(5_000, ref.substring(5_000, 5_001), other(ref.charAt(5_000)), true),
            SmallVariant.biallelic(8_000, ref.substring(8_000, 8_002), "" + other(ref.charAt(8_000))
                + other(ref.charAt(8_001)), false),
            SmallVariant.biallelic(11_000, ref.substring(11_000, 11_001), ref.charAt(11_000) + "TTGCA", true),
            SmallVariant.biallelic(14_000, ref.substring(14_000, 14_007), ref.substring(14_000, 14_001), true),
            SmallVariant.biallelic(17_000, ref.substring(17_000, 17_003), "" + other(ref.charAt(17_000))
                + other(ref.charAt(17_001)), true),
            SmallVariant.biallelic(20_000, ref.substring(20_000, 20_001), other(ref.charAt(20_000)), false),
            SmallVariant.biallelic(20_010, ref.substring(20_010, 20_011), other(ref.charAt(20_010)), false));
        final Path bam = dir.resolve("sample.bam");
        final SimulatedAlignedReads.Result result = SimulatedAlignedReads.write(genome, CONTIG, 1_000, 29_000,
            variants, new SimulatedAlignedReads.Settings(30, 150, 400, 50, 0.0, 7), bam);
        assertEquals(4 * 2 + 3, result.altAlleles(), "four hom variants on both haplotypes, three hets on one");

        final StringWriter problems = new StringWriter();
        try (SamReader reader = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.STRICT)
            .open(bam))
        {
            final boolean valid = new SamFileValidator(new PrintWriter(problems, true), 100).setValidateIndex(true)
                .validateSamFileVerbose(reader, null);
            assertTrue(valid, problems.toString());
        }
        final List<SAMRecord> reads = new ArrayList<>();
        try (SamReader reader = SamReaderFactory.makeDefault().open(bam))
        {
            assertTrue(reader.hasIndex());
            int previous = 0;
            for (final SAMRecord r : reader)
            {
                assertTrue(r.getAlignmentStart() >= previous, "coordinate-sorted");
                previous = r.getAlignmentStart();
                reads.add(r);
            }
        }
        try (SamReader reader = SamReaderFactory.makeDefault().open(bam);
             SAMRecordIterator it = reader.queryOverlapping(CONTIG, 14_001, 14_007))
        {
            assertTrue(it.hasNext(), "the index answers queries");
        }
        assertEquals(2 * result.pairs(), reads.size());
        final Map<String, SAMRecord> mates = new HashMap<>();
        long aligned = 0;
        for (final SAMRecord r : reads)
        {
            aligned += r.getAlignmentEnd() - r.getAlignmentStart() + 1;
            final SAMRecord mate = mates.remove(r.getReadName());
            if (mate == null)
            {
                mates.put(r.getReadName(), r);
                continue;
            }
            assertEquals(mate.getAlignmentStart(), r.getMateAlignmentStart());
            assertEquals(r.getAlignmentStart(), mate.getMateAlignmentStart());
            assertEquals(0, r.getInferredInsertSize() + mate.getInferredInsertSize());
            assertTrue(r.getReadNegativeStrandFlag() != mate.getReadNegativeStrandFlag());
            assertTrue(r.getFirstOfPairFlag() != mate.getFirstOfPairFlag());
        }
        assertTrue(mates.isEmpty(), "every read has its mate");
        final double depth = (double)aligned / 28_000;
        assertTrue(depth > 25 && depth < 33, "depth " + depth);

        // Error-free reads differ from the reference only at the variants, and show each one's alleles.
        final int[] allowed = {5_000, 8_000, 8_001, 11_000, 14_000, 17_000, 17_001, 17_002, 20_000, 20_010};
        final int[] alt = new int[3];
        final int[] covering = new int[3];
        for (final SAMRecord r : reads)
        {
            int refPos = r.getAlignmentStart() - 1;
            int readPos = 0;
            for (final CigarElement e : r.getCigar().getCigarElements())
            {
                final CigarOperator op = e.getOperator();
                if (op == CigarOperator.M)
                {
                    for (int k = 0; k < e.getLength(); k++)
                    {
                        final int p = refPos + k;
                        if (r.getReadBases()[readPos + k] != ref.charAt(p))
                        {
                            assertTrue(java.util.Arrays.stream(allowed).anyMatch(a -> a == p),
                                r.getReadName() + " mismatches the reference at " + p);
                        }
                    }
                }
                else if (op == CigarOperator.I)
                {
                    assertEquals(11_001, refPos, "the only insertion follows 11,000");
                }
                else if (op == CigarOperator.D)
                {
                    final int at = refPos;
                    assertTrue(at == 14_001 || at == 17_001 || at == 17_002, "a deletion at " + at
                        + " (only the deletion and the complex change delete bases)");
                }
                refPos += op.consumesReferenceBases() ? e.getLength() : 0;
                readPos += op.consumesReadBases() ? e.getLength() : 0;
            }
            count(r, 5_000, ref, alt, covering, 0);
            count(r, 20_000, ref, alt, covering, 1);
            count(r, 20_010, ref, alt, covering, 2);
        }
        assertEquals(covering[0], alt[0], "a hom SNV is in every read");
        final double het = (double)alt[1] / covering[1];
        assertTrue(het > 0.3 && het < 0.7, "het allele fraction " + het);
    }

    @Test
    void shouldLetThePileupMinerRecoverTheTruthWhenItsReadsAreSimulatedFromIt() throws Exception
    {
        final String ref = randomBases(40_000, 23);
        final Path refFile = dir.resolve("ref.fa");
        Files.writeString(refFile, ">" + CONTIG + "\n" + ref + "\n");
        final ReferenceGenome genome = ReferenceGenome.open(refFile);
        final Path truth = new SyntheticCallSets(genome, List.of(), SyntheticCallSets.Profile.perfect(120), 5)
            .write(dir.resolve("truth")).truth();
        final List<SmallVariant> variants = TruthVcfReader.read(truth, Map.of(CONTIG, new int[] {0, 40_000}))
            .get(CONTIG);
        final Path bam = dir.resolve("reads.bam");
        SimulatedAlignedReads.write(genome, CONTIG, 0, 40_000, variants,
            new SimulatedAlignedReads.Settings(30, 150, 400, 50, 0.002, 3), bam);
        final Path task = dir.resolve("task.json");
        Files.writeString(task, """
            {"task_id": "t", "mode": "benchmark", "ref_build": "sim", "input_type": "BAM",
             "data_locator": {"bam": "reads.bam", "reference": "ref.fa"},
             "regions": ["chrT:1000-39000"], "output_format": "VCF"}
            """);
        final Path calls = dir.resolve("calls.vcf.gz");
        new PileupMiner(PileupSettings.defaults()).run(task, calls, "HK");
        final Path bed = dir.resolve("inner.bed");
        Files.writeString(bed, CONTIG + "\t1500\t38500\n");
        final ComparisonResult r = VcfComparator.compare(truth, calls, genome, io.callscore.vcf.RegionSet.readBed(bed),
            CompareOptions.defaults());
        assertTrue(r.counts().snp().f1() > 0.97 && r.counts().indel().f1() > 0.9, r.counts().toString());
    }

    @Test
    void shouldClipAnIndelWithAShortAnchorTogetherWithItsAnchorWhenAtAReadEnd()
    {
        final List<CigarElement> start = new ArrayList<>(List.of(el(3, CigarOperator.M), el(2, CigarOperator.D),
            el(95, CigarOperator.M)));
        assertEquals(5, SimulatedAlignedReads.clipShortAnchor(start, true));
        assertEquals(List.of(el(3, CigarOperator.S), el(95, CigarOperator.M)), start);

        final List<CigarElement> end = new ArrayList<>(List.of(el(90, CigarOperator.M), el(2, CigarOperator.I),
            el(3, CigarOperator.M)));
        assertEquals(0, SimulatedAlignedReads.clipShortAnchor(end, false));
        assertEquals(List.of(el(90, CigarOperator.M), el(5, CigarOperator.S)), end);

        final List<CigarElement> clipped = new ArrayList<>(List.of(el(2, CigarOperator.S), el(3, CigarOperator.M),
            el(1, CigarOperator.I), el(94, CigarOperator.M)));
        assertEquals(3, SimulatedAlignedReads.clipShortAnchor(clipped, true));
        assertEquals(List.of(el(6, CigarOperator.S), el(94, CigarOperator.M)), clipped);

        final List<CigarElement> anchored = new ArrayList<>(List.of(el(5, CigarOperator.M), el(1, CigarOperator.D),
            el(95, CigarOperator.M)));
        assertEquals(0, SimulatedAlignedReads.clipShortAnchor(anchored, true), "five bases are anchor enough");
    }

    private static void count(final SAMRecord r, final int pos, final String ref, final int[] alt,
        final int[] covering, final int i)
    {
        final int offset = r.getReadPositionAtReferencePosition(pos + 1) - 1;
        if (offset >= 0)
        {
            covering[i]++;
            alt[i] += r.getReadBases()[offset] != ref.charAt(pos) ? 1 : 0;
        }
    }

    private static CigarElement el(final int n, final CigarOperator op)
    {
        return new CigarElement(n, op);
    }

    private static String other(final char base)
    {
        return base == 'A' ? "C" : "A";
    }

    private static String randomBases(final int n, final long seed)
    {
        final SplittableRandom r = new SplittableRandom(seed);
        final StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++)
        {
            sb.append("ACGT".charAt(r.nextInt(4)));
        }
        return sb.toString();
    }
}

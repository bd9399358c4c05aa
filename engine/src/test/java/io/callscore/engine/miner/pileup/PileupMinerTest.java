package io.callscore.engine.miner.pileup;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.TextCigarCodec;
import htsjdk.samtools.util.BlockCompressedInputStream;
import io.callscore.vcf.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PileupMinerTest
{
    private static final PileupMiner MINER = new PileupMiner(PileupSettings.defaults());
    private static final String HOTKEY = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

    @TempDir
    Path dir;

    @Test
    void shouldWriteBgzippedSortedVcfWithHotkeyContigAndSampleWhenCallingSimulatedReads() throws IOException
    {
        final SimulatedSample.Files sample = new SimulatedSample(3).write(dir, 5_000, 30, 20);
        final Path out = dir.resolve("out/calls.vcf.gz");
        final PileupMiner.Result result = MINER.run(sample.task(), out, HOTKEY);

        try (InputStream in = new BufferedInputStream(Files.newInputStream(out)))
        {
            assertTrue(BlockCompressedInputStream.isValidFile(in), "not bgzip");
        }
        final List<String> lines = vcfLines(out);
        assertEquals("##fileformat=VCFv4.2", lines.getFirst());
        assertTrue(lines.contains("##miner_hotkey=" + HOTKEY));
        assertTrue(lines.contains("##contig=<ID=chrS,length=5000>"));
        final List<String> records = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSAMPLE",
            lines.get(lines.size() - records.size() - 1));
        assertEquals(result.records(), records.size());
        assertTrue(records.size() >= 25, "records " + records.size());
        final String ref = String.join("", Files.readAllLines(sample.reference()).subList(1,
            Files.readAllLines(sample.reference()).size()));
        int previous = 0;
        for (final String r : records)
        {
            final String[] f = r.split("\t");
            final int pos = Integer.parseInt(f[1]);
            assertTrue(pos >= previous, "unsorted at " + pos);
            previous = pos;
            assertEquals(ref.substring(pos - 1, pos - 1 + f[3].length()), f[3], "REF at " + pos);
            assertEquals("GT:GQ:DP:AD", f[8]);
            final String[] sampleFields = f[9].split(":");
            assertTrue(List.of("0/1", "1/1", "1/2").contains(sampleFields[0]), r);
            assertEquals(f[4].split(",").length + 1, sampleFields[3].split(",").length, r);
        }
    }

    @Test
    void shouldWriteTheSameVcfWhenRunTwiceOrWithSmallWindows() throws IOException
    {
        final SimulatedSample.Files sample = new SimulatedSample(4).write(dir, 6_000, 40, 20);
        final Path first = MINER.run(sample.task(), dir.resolve("a.vcf.gz"), HOTKEY).vcf();
        final Path second = MINER.run(sample.task(), dir.resolve("b.vcf.gz"), HOTKEY).vcf();
        // The text, not the gzip bytes: once a pool build has made ISA-L htsjdk's deflater in this JVM, the same
        // text may be encoded a little differently from run to run (it decodes the same).
        assertEquals(vcfLines(first), vcfLines(second));

        final PileupSettings d = PileupSettings.defaults();
        final PileupSettings smallWindows = new PileupSettings(d.minBaseQuality(), d.minMappingQuality(),
            d.snvHeterozygosity(), d.indelHeterozygosity(), d.indelErrorRate(), d.minAltReads(), d.minQual(),
            d.minDepth(), d.nearIndelDistance(), d.nearIndelMinBalance(), 257);
        final Path windowed = new PileupMiner(smallWindows).run(sample.task(), dir.resolve("c.vcf.gz"), HOTKEY).vcf();
        assertEquals(vcfLines(first), vcfLines(windowed));
    }

    @Test
    void shouldDropFilteredRecordsAndKeepPassingOnesWhenTaskExcludesFilters() throws IOException
    {
        final SimulatedSample.Files sample = new SimulatedSample(5).write(dir, 20_000, 100, 6);
        final List<String> all = records(MINER.run(sample.task(), dir.resolve("all.vcf.gz"), HOTKEY).vcf());
        Files.writeString(sample.task(), Files.readString(sample.task())
            .replace("\"include_filters\": true", "\"include_filters\": false"));
        final List<String> confident = records(MINER.run(sample.task(), dir.resolve("pass.vcf.gz"), HOTKEY).vcf());

        final List<String> passing = all.stream().filter(r -> r.split("\t")[6].equals("PASS")).toList();
        assertTrue(passing.size() < all.size(), "expected some filtered calls at 6x");
        assertEquals(passing, confident);
    }

    @Test
    void shouldIgnoreReadsThatAreDuplicateSecondaryQcFailedOrPoorlyMappedWhenOnlyTheyCarryTheAllele()
        throws IOException
    {
        final Crafted c = new Crafted(1);
        c.refReads(20, 150);
        for (final int flag : new int[] {0x400, 0x100, 0x200})
        {
            c.snvReads(8, 150, 'G', flag, 60, 30);
        }
        c.snvReads(8, 150, 'G', 0, 10, 30);
        c.snvReads(8, 150, 'G', 0, 60, 10);
        assertEquals(List.of(), records(c.run(dir, "chrT:1-400")));

        final Crafted control = new Crafted(1);
        control.refReads(20, 150);
        control.snvReads(20, 150, 'G', 0, 60, 30);
        final List<String> calls = records(control.run(dir, "chrT:1-400"));
        assertEquals(1, calls.size(), calls.toString());
        final String[] f = calls.getFirst().split("\t");
        assertEquals("151", f[1]);
        assertEquals("G", f[4]);
        assertEquals("PASS", f[6]);
        assertTrue(f[9].startsWith("0/1:99:40:20,20"), f[9]);
    }

    @Test
    void shouldSkipReadsWhoseCigarDoesNotMatchTheirBases() throws IOException
    {
        final Crafted c = new Crafted(7);
        c.refReads(10, 150);
        c.snvReads(10, 150, 'G', 0, 60, 30);
        c.reads.forEach(r -> r.setCigarString(r.getCigarString().equals("100M") && r.getReadString().charAt(
            150 - r.getStart() + 1) == 'G' ? "90M" : r.getCigarString()));
        assertEquals(List.of(), records(c.run(dir, "chrT:1-400")));
    }

    @Test
    void shouldReportBamAndLeaveNoOutputWhenBamIsTruncated() throws IOException
    {
        final Crafted c = new Crafted(8);
        for (int pos = 110; pos < 290; pos += 3)
        {
            c.refReads(40, pos);
        }
        final Path task = c.write(dir, "chrT:1-400");
        final Path bam = dir.resolve("reads.bam");
        final byte[] whole = Files.readAllBytes(bam);
        Files.write(bam, Arrays.copyOf(whole, whole.length / 2));
        final Path out = dir.resolve("calls.vcf.gz");

        final InputException e = assertThrows(InputException.class, () -> MINER.run(task, out, HOTKEY));

        assertTrue(e.getMessage().startsWith(bam + ": cannot read BAM: "), e.getMessage());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("calls.vcf.gz.partial")));
    }

    @Test
    void shouldRefuseSettingsWhenWindowIsEmpty()
    {
        final PileupSettings d = PileupSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> new PileupSettings(d.minBaseQuality(),
            d.minMappingQuality(), d.snvHeterozygosity(), d.indelHeterozygosity(), d.indelErrorRate(),
            d.minAltReads(), d.minQual(), d.minDepth(), d.nearIndelDistance(), d.nearIndelMinBalance(), 0));
    }

    @Test
    void shouldCallTwoAltAllelesWhenReadsSplitBetweenThem() throws IOException
    {
        final Crafted c = new Crafted(2);
        c.snvReads(12, 150, 'G', 0, 60, 30);
        c.snvReads(14, 150, 'T', 0, 60, 30);
        final List<String> calls = records(c.run(dir, "chrT:1-400"));
        assertEquals(1, calls.size(), calls.toString());
        final String[] f = calls.getFirst().split("\t");
        assertEquals("T,G", f[4]);
        assertTrue(f[9].startsWith("1/2:99:26:0,14,12"), f[9]);
    }

    @Test
    void shouldWriteOneLeftAlignedDeletionWhenReadsPlaceItAnywhereInHomopolymer() throws IOException
    {
        final Crafted c = new Crafted(3);
        c.refReads(12, Crafted.HOMOPOLYMER_START + 2);
        for (int i = 0; i < 12; i++)
        {
            c.deletionRead(Crafted.HOMOPOLYMER_START + i % Crafted.HOMOPOLYMER_LENGTH);
        }
        final List<String> calls = records(c.run(dir, "chrT:1-400"));
        assertEquals(1, calls.size(), calls.toString());
        final String[] f = calls.getFirst().split("\t");
        // Anchored on the C before the homopolymer.
        assertEquals(String.valueOf(Crafted.HOMOPOLYMER_START - 1), f[1]);
        assertEquals("CA", f[3]);
        assertEquals("C", f[4]);
        assertTrue(f[9].startsWith("0/1:"), f[9]);
    }

    @Test
    void shouldRefuseFastqTaskWithOneLineSayingAlignedReadsAreNeeded() throws IOException
    {
        final Path task = dir.resolve("task.json");
        Files.writeString(task, """
            {"task_id": "t", "mode": "user", "ref_build": "GRCh38", "input_type": "FASTQ",
             "data_locator": {"r1": "r1.fq.gz", "r2": "r2.fq.gz"}, "regions": ["chr20:1-100"],
             "output_format": "VCF"}
            """);
        final InputException e = assertThrows(InputException.class,
            () -> MINER.run(task, dir.resolve("x.vcf.gz"), HOTKEY));
        assertTrue(e.getMessage().endsWith("the pileup miner needs aligned reads; use a bwa-based miner"),
            e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.vcf.gz")));
    }

    @Test
    void shouldRefuseBamWithoutIndex() throws IOException
    {
        final Crafted c = new Crafted(4);
        c.refReads(4, 150);
        final Path task = c.write(dir, "chrT:1-400");
        Files.delete(dir.resolve("reads.bai"));
        final InputException e = assertThrows(InputException.class,
            () -> MINER.run(task, dir.resolve("x.vcf.gz"), HOTKEY));
        assertTrue(e.getMessage().contains("reads.bam: no index found"), e.getMessage());
    }

    @Test
    void shouldRefuseRegionOnContigMissingFromReference() throws IOException
    {
        final Crafted c = new Crafted(5);
        c.refReads(4, 150);
        final Path task = c.write(dir, "chr9:1-400");
        final InputException e = assertThrows(InputException.class,
            () -> MINER.run(task, dir.resolve("x.vcf.gz"), HOTKEY));
        assertTrue(e.getMessage().endsWith("region chr9:1-400: contig chr9 is not in the reference ref.fa"),
            e.getMessage());
    }

    @Test
    void shouldRefuseHotkeyThatWouldBreakTheHeaderLine() throws IOException
    {
        final Crafted c = new Crafted(6);
        c.refReads(4, 150);
        final Path task = c.write(dir, "chrT:1-400");
        final InputException e = assertThrows(InputException.class,
            () -> MINER.run(task, dir.resolve("x.vcf.gz"), "two words"));
        assertTrue(e.getMessage().startsWith("hotkey: must be"), e.getMessage());
    }

    private static List<String> vcfLines(final Path vcf) throws IOException
    {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(vcf)))
        {
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n"));
        }
    }

    private static List<String> records(final Path vcf) throws IOException
    {
        return vcfLines(vcf).stream().filter(l -> !l.startsWith("#")).toList();
    }

    /** A 400 bp contig {@code chrT} with an A homopolymer, and hand-made 100 bp reads over it. */
    private static final class Crafted
    {
        static final int LENGTH = 400;
        static final int READ_LENGTH = 100;
        /** 1-based first base of the homopolymer {@code AAAAAA}. */
        static final int HOMOPOLYMER_START = 251;
        static final int HOMOPOLYMER_LENGTH = 6;

        final String ref;
        private final SAMFileHeader header = new SAMFileHeader();
        final List<SAMRecord> reads = new ArrayList<>();
        private final SplittableRandom random;

        Crafted(final long seed)
        {
            random = new SplittableRandom(seed);
            final StringBuilder sb = new StringBuilder();
            while (sb.length() < LENGTH)
            {
                sb.append("ACGT".charAt(random.nextInt(4)));
            }
            sb.replace(HOMOPOLYMER_START - 2, HOMOPOLYMER_START + HOMOPOLYMER_LENGTH, "C" + "A".repeat(
                HOMOPOLYMER_LENGTH) + "G");
            ref = sb.toString();
            header.addSequence(new SAMSequenceRecord("chrT", LENGTH));
            header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        }

        /** Reads matching the reference, spread so that they all cover the 0-based {@code pos}. */
        void refReads(final int n, final int pos)
        {
            for (int i = 0; i < n; i++)
            {
                final int start = pos - 10 - random.nextInt(READ_LENGTH - 20);
                add(start, READ_LENGTH + "M", ref.substring(start, start + READ_LENGTH), 0, 60);
            }
        }

        /** Reads with {@code alt} at the 0-based {@code pos}, with the given flags, mapping and base quality. */
        void snvReads(final int n, final int pos, final char alt, final int flags, final int mapq, final int baseQ)
        {
            for (int i = 0; i < n; i++)
            {
                final int start = pos - 10 - random.nextInt(READ_LENGTH - 20);
                final StringBuilder bases = new StringBuilder(ref.substring(start, start + READ_LENGTH));
                bases.setCharAt(pos - start, alt);
                add(start, READ_LENGTH + "M", bases.toString(), flags, mapq).getBaseQualities()[pos - start] =
                    (byte)baseQ;
            }
        }

        /** A read that deletes the 1-based base {@code deleted} (inside the homopolymer). */
        void deletionRead(final int deleted)
        {
            final int d = deleted - 1;
            final int start = d - 20 - random.nextInt(50);
            final int before = d - start;
            final String bases = ref.substring(start, d) + ref.substring(d + 1, d + 1 + READ_LENGTH - before);
            add(start, before + "M1D" + (READ_LENGTH - before) + "M", bases, 0, 60);
        }

        /** A read with base quality 30 throughout. */
        private SAMRecord add(final int start, final String cigar, final String bases, final int flags,
            final int mapq)
        {
            final SAMRecord r = new SAMRecord(header);
            r.setReadName("r" + reads.size());
            r.setFlags(flags);
            r.setReferenceName("chrT");
            r.setAlignmentStart(start + 1);
            r.setCigar(TextCigarCodec.decode(cigar));
            r.setMappingQuality(mapq);
            r.setReadString(bases);
            final byte[] q = new byte[bases.length()];
            Arrays.fill(q, (byte)30);
            r.setBaseQualities(q);
            reads.add(r);
            return r;
        }

        /** Writes ref.fa, reads.bam (+ index) and task.json for {@code region}; returns the task. */
        Path write(final Path dir, final String region) throws IOException
        {
            Files.writeString(dir.resolve("ref.fa"), ">chrT\n" + ref + "\n");
            try (SAMFileWriter w = new SAMFileWriterFactory().setCreateIndex(true).makeBAMWriter(header, false,
                dir.resolve("reads.bam").toFile()))
            {
                reads.forEach(w::addAlignment);
            }
            final Path task = dir.resolve("task.json");
            Files.writeString(task, """
                {"task_id": "crafted", "mode": "benchmark", "ref_build": "test", "input_type": "BAM",
                 "data_locator": {"bam": "reads.bam", "reference": "ref.fa"}, "regions": ["%s"],
                 "output_format": "VCF"}
                """.formatted(region));
            return task;
        }

        Path run(final Path dir, final String region) throws IOException
        {
            return MINER.run(write(dir, region), dir.resolve("calls-" + reads.size() + ".vcf.gz"), HOTKEY).vcf();
        }
    }
}

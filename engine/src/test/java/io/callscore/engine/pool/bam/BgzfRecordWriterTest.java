package io.callscore.engine.pool.bam;

import htsjdk.samtools.BAMFileSpan;
import htsjdk.samtools.BAMIndexer;
import htsjdk.samtools.Chunk;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SamInputResource;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import htsjdk.samtools.util.zip.DeflaterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * BAMs written from raw records by {@link BgzfRecordWriter}, checked against the tools that read them: the index is
 * the one {@code samtools index} writes (bins in canonical order), agrees with htsjdk's own index wherever htsjdk and
 * samtools agree, and answers htsjdk and samtools region queries as a scan of the BAM does.
 */
class BgzfRecordWriterTest
{
    private static final int WINDOW = 1 << 14;
    private static final boolean SAMTOOLS = onPath("samtools");

    @TempDir
    Path dir;

    private static boolean onPath(final String tool)
    {
        for (final String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool)))
            {
                return true;
            }
        }
        return false;
    }

    private static SamReaderFactory readers()
    {
        return SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT);
    }

    /** The BAM of this random case, written by the writer under test. */
    private Path write(final RandomBam bam, final int level) throws IOException
    {
        final Path path = Files.createTempDirectory(dir, "case").resolve("reads.bam");
        bam.write(path, level, new DeflaterFactory());
        return path;
    }

    private static Path bai(final Path bam)
    {
        return bam.resolveSibling(bam.getFileName() + ".bai");
    }

    private static String run(final String... command) throws IOException, InterruptedException
    {
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ": " + out);
        return out;
    }

    private static void assertSameAsSamtools(final Path bam) throws IOException, InterruptedException
    {
        final Path theirs = bam.resolveSibling("samtools.bai");
        run("samtools", "index", "-b", bam.toString(), theirs.toString());
        final BaiFile expected = BaiFile.read(theirs);
        assertEquals(expected.describe(), BaiFile.read(bai(bam)).describe());
        assertArrayEquals(expected.canonicalBytes(), Files.readAllBytes(bai(bam)));
    }

    private static BaiFile htsjdkIndex(final Path bam) throws IOException
    {
        final Path theirs = bam.resolveSibling("htsjdk.bai");
        try (SamReader reader = readers().enable(SamReaderFactory.Option.INCLUDE_SOURCE_IN_RECORDS).open(bam))
        {
            BAMIndexer.createIndex(reader, theirs);
        }
        return BaiFile.read(theirs);
    }

    private interface Check
    {
        void run(RandomBam bam, Path path) throws Exception;
    }

    private void forRandomBams(final long seed, final int examples, final Check check)
    {
        qt().withFixedSeed(seed).withExamples(examples)
            .forAll(longs().all(), integers().between(0, 6000), integers().between(0, 9))
            .checkAssert((bamSeed, count, level) ->
            {
                try
                {
                    final RandomBam bam = RandomBam.generate(bamSeed, count, bamSeed % 3 != 0);
                    check.run(bam, write(bam, level));
                }
                catch (final IOException e)
                {
                    throw new UncheckedIOException(e);
                }
                catch (final Exception e)
                {
                    throw new AssertionError(e);
                }
            });
    }

    @Test
    void shouldWriteTheIndexSamtoolsWritesWhenBamIsRandom()
    {
        assumeTrue(SAMTOOLS, "samtools not on PATH");
        forRandomBams(17L, 12, (bam, path) -> assertSameAsSamtools(path));
    }

    @Test
    void shouldWriteTheIndexSamtoolsWritesWhenBamHasManyBlocks() throws Exception
    {
        assumeTrue(SAMTOOLS, "samtools not on PATH");
        final Path path = write(RandomBam.generate(99L, 8000, true), 6);
        final BaiFile index = BaiFile.read(bai(path));
        final long[] meta = index.references.getFirst().meta();
        assertTrue(meta[1] >>> 16 > 10 * 65536L, "chr1 should span many BGZF blocks");
        assertSameAsSamtools(path);
    }

    @Test
    void shouldWriteTheIndexSamtoolsAndHtsjdkWriteWhenBamIsEmpty() throws Exception
    {
        for (final RandomBam bam : List.of(RandomBam.generate(1L, 0, false), RandomBam.generate(2L, 0, true)))
        {
            final Path path = write(bam, 5);
            assertArrayEquals(htsjdkIndex(path).canonicalBytes(), Files.readAllBytes(bai(path)));
            if (SAMTOOLS)
            {
                assertSameAsSamtools(path);
            }
        }
    }

    @Test
    void shouldWriteTheIndexSamtoolsWritesWhenBamHoldsOneRead() throws Exception
    {
        for (long seed = 0; seed < 40; seed++)
        {
            final RandomBam bam = RandomBam.generate(seed, 1, seed % 2 == 0);
            final Path path = write(bam, 5);
            assertAgreesWithHtsjdk(bam, path);
            if (SAMTOOLS)
            {
                assertSameAsSamtools(path);
            }
        }
    }

    /**
     * htsjdk 4.3.0 builds a different but valid index: it keeps small bins that samtools folds into their parent;
     * it fills an empty linear window with 0 before the first read and from the window before it after (samtools:
     * from the window after); and it takes a mapped read with no reference span as ending one base before it starts
     * and an unmapped one as starting one base early, so such a read at the first base of a 16 kbp window goes to a
     * larger bin and the window before, or to no window. Everything else must agree: the metadata pseudo-bins, the
     * unplaced count and the linear index at every other window a read overlaps; and every record (at the offsets
     * htsjdk reads it from) must lie in a chunk of our index in its bin or an enclosing one.
     */
    @Test
    void shouldAgreeWithHtsjdkIndexWhereSamtoolsDoesWhenBamIsRandom()
    {
        forRandomBams(23L, 10, BgzfRecordWriterTest::assertAgreesWithHtsjdk);
    }

    private static void assertAgreesWithHtsjdk(final RandomBam bam, final Path path) throws IOException
    {
        final BaiFile theirs = htsjdkIndex(path);
        final BaiFile ours = BaiFile.read(bai(path));
        assertEquals(theirs.references.size(), ours.references.size());
        assertEquals(theirs.noCoordinate, ours.noCoordinate);
        for (int r = 0; r < ours.references.size(); r++)
        {
            final BaiFile.Reference o = ours.references.get(r);
            final BaiFile.Reference t = theirs.references.get(r);
            assertArrayEquals(t.meta(), o.meta(), "metadata of reference " + r);
            for (final int w : windowsBothIndex(bam, r))
            {
                assertEquals(t.linear()[w], o.linear()[w], "reference " + r + " window " + w);
            }
        }
        try (SamReader reader = readers().enable(SamReaderFactory.Option.INCLUDE_SOURCE_IN_RECORDS).open(path);
            SAMRecordIterator it = reader.iterator())
        {
            for (final RandomBam.Read read : bam.reads)
            {
                final Chunk span = ((BAMFileSpan)it.next().getFileSource().getFilePointer()).getChunks().getFirst();
                if (read.refId() >= 0)
                {
                    assertTrue(covered(ours.references.get(read.refId()).bins(),
                        BaiIndexBuilder.reg2bin(read.start0(), read.end0()), span.getChunkStart(), span.getChunkEnd()),
                        () -> read.name() + " not in a chunk of its bin or an enclosing one");
                }
            }
        }
    }

    /**
     * The windows some read overlaps, less those where a one-base read (unmapped, or mapped with no reference span)
     * sits at the window's first base: htsjdk files such a read under the window before, or under none.
     */
    private static List<Integer> windowsBothIndex(final RandomBam bam, final int ref)
    {
        final TreeMap<Integer, Boolean> windows = new TreeMap<>();
        for (final RandomBam.Read read : bam.reads)
        {
            if (read.refId() == ref)
            {
                for (int w = read.start0() / WINDOW; w <= (read.end0() - 1) / WINDOW; w++)
                {
                    windows.putIfAbsent(w, true);
                }
            }
        }
        for (final RandomBam.Read read : bam.reads)
        {
            if (read.refId() == ref && read.end0() == read.start0() + 1 && read.start0() % WINDOW == 0)
            {
                windows.remove(read.start0() / WINDOW);
            }
        }
        return new ArrayList<>(windows.keySet());
    }

    /** Whether our index holds the record's byte range in a chunk of its bin or of an enclosing bin. */
    private static boolean covered(final Map<Integer, long[]> bins, final int bin, final long start, final long end)
    {
        for (int b = bin; ; b = (b - 1) >> 3)
        {
            final long[] chunks = bins.get(b);
            for (int c = 0; chunks != null && c < chunks.length; c += 2)
            {
                if (chunks[c] <= start && end <= chunks[c + 1])
                {
                    return true;
                }
            }
            if (b == 0)
            {
                return false;
            }
        }
    }

    @Test
    void shouldReturnWhatAScanFindsWhenHtsjdkQueriesWithTheIndex()
    {
        forRandomBams(29L, 10, (bam, path) ->
        {
            try (SamReader reader = readers().open(SamInputResource.of(path).index(bai(path))))
            {
                assertTrue(reader.hasIndex());
                final List<SAMRecord> all = new ArrayList<>();
                try (SAMRecordIterator it = reader.iterator())
                {
                    it.forEachRemaining(all::add);
                }
                assertEquals(bam.reads.stream().map(RandomBam.Read::name).toList(),
                    all.stream().map(SAMRecord::getReadName).toList());
                final SplittableRandom rnd = new SplittableRandom(all.size());
                for (int q = 0; q < 150; q++)
                {
                    final int ref = rnd.nextInt(RandomBam.LENGTHS.length);
                    final int start = queryStart(rnd, bam, ref);
                    final int end = Math.min(start + rnd.nextInt(rnd.nextBoolean() ? 50 : 100_000),
                        RandomBam.LENGTHS[ref]);
                    final String contig = reader.getFileHeader().getSequence(ref).getSequenceName();
                    final List<String> expected = new ArrayList<>();
                    final StringBuilder records = new StringBuilder();
                    for (final SAMRecord rec : all)
                    {
                        if (rec.getReferenceIndex() == ref && overlapsAsHtsjdk(rec, start, end))
                        {
                            expected.add(rec.getReadName());
                            records.append(rec.getSAMString());
                        }
                    }
                    final List<String> found = new ArrayList<>();
                    try (SAMRecordIterator it = reader.queryOverlapping(contig, start, end))
                    {
                        it.forEachRemaining(rec -> found.add(rec.getReadName()));
                    }
                    assertEquals(expected, found, () -> contig + ":" + start + "-" + end + "\n" + records);
                }
            }
        });
    }

    /**
     * htsjdk's overlap test for a query (BAMQueryMultipleIntervalsIteratorFilter): an unmapped placed read covers
     * its one base; a mapped read with no reference span ends before it starts, so it overlaps nothing at 1-based
     * position 1 and otherwise only queries that start before it.
     */
    private static boolean overlapsAsHtsjdk(final SAMRecord rec, final int start1, final int end1)
    {
        final int end = rec.getReadUnmappedFlag() ? rec.getAlignmentStart() : rec.getAlignmentEnd();
        return rec.getAlignmentStart() <= end1 && end >= start1;
    }

    /** A 1-based query start near a read, a bin border or anywhere on the reference. */
    private static int queryStart(final SplittableRandom rnd, final RandomBam bam, final int ref)
    {
        final int kind = rnd.nextInt(3);
        final int at;
        if (kind == 0 && !bam.reads.isEmpty())
        {
            at = bam.reads.get(rnd.nextInt(bam.reads.size())).start0() + rnd.nextInt(-2000, 2000);
        }
        else if (kind == 1)
        {
            final int shift = 14 + 3 * rnd.nextInt(5);
            at = (rnd.nextInt((RandomBam.LENGTHS[ref] >> shift) + 1) << shift) + rnd.nextInt(-3, 3);
        }
        else
        {
            at = rnd.nextInt(Math.min(RandomBam.LENGTHS[ref], 300_000));
        }
        return Math.clamp(at, 1, RandomBam.LENGTHS[ref]);
    }

    @Test
    void shouldCountWhatAScanFindsWhenSamtoolsViewUsesTheIndex()
    {
        assumeTrue(SAMTOOLS, "samtools not on PATH");
        forRandomBams(31L, 5, (bam, path) ->
        {
            final SplittableRandom rnd = new SplittableRandom(bam.reads.size() + 7L);
            for (int q = 0; q < 25; q++)
            {
                final int ref = rnd.nextInt(RandomBam.LENGTHS.length);
                final int start = queryStart(rnd, bam, ref);
                final int end = Math.min(start + rnd.nextInt(rnd.nextBoolean() ? 50 : 100_000),
                    RandomBam.LENGTHS[ref]);
                long expected = 0;
                for (final RandomBam.Read read : bam.reads)
                {
                    expected += read.refId() == ref && read.start0() < end && read.end0() > start - 1 ? 1 : 0;
                }
                final String region = "chr" + (ref + 1) + ":" + start + "-" + end;
                final String out = run("samtools", "view", "-c", path.toString(), region);
                assertEquals(expected, Long.parseLong(out.strip()), region);
            }
        });
    }

    @Test
    void shouldRejectRecordWhenLengthDisagreesWithBlockSize() throws Exception
    {
        final RandomBam bam = RandomBam.generate(5L, 3, false);
        final byte[] record = bam.reads.getFirst().bytes();
        try (BgzfRecordWriter writer = new BgzfRecordWriter(dir.resolve("bad.bam"), bam.header, 5,
            new DeflaterFactory()))
        {
            assertThrows(IllegalArgumentException.class, () -> writer.write(record, 0, record.length - 1));
        }
    }
}

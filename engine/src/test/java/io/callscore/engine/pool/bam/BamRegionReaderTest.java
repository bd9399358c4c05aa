package io.callscore.engine.pool.bam;

import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SamInputResource;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * {@link BamRegionReader} against htsjdk's {@code queryOverlapping}: the same records, in the same order and with the
 * same bytes, for one reader moved from region to region (as a pool build uses it), reading through a block cache or
 * streaming. Records that lie inside one block are read in place, records that span blocks are copied: random BAMs
 * of thousands of reads with long names and CIGARs have both.
 */
class BamRegionReaderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReturnWhatHtsjdkReturnsForEveryRegionOfOneReusedReader()
    {
        qt().withFixedSeed(41L).withExamples(8)
            .forAll(longs().all(), integers().between(0, 6000), integers().between(0, 2))
            .checkAssert((seed, count, mode) ->
            {
                try
                {
                    check(seed, count, mode);
                }
                catch (final IOException e)
                {
                    throw new UncheckedIOException(e);
                }
            });
    }

    private void check(final long seed, final int count, final int mode) throws IOException
    {
        final RandomBam bam = RandomBam.generate(seed, count, seed % 2 == 0);
        final Path path = Files.createTempDirectory(dir, "case").resolve("reads.bam");
        bam.write(path, 1, BgzfCompression.deflaters());
        final BgzfBlockCache cache = mode == 0 ? null : new BgzfBlockCache(1 << 16);
        final SplittableRandom rnd = new SplittableRandom(seed);
        try (SamReader htsjdk = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
            .open(SamInputResource.of(path).index(path.resolveSibling("reads.bam.bai")));
            BamRegionReader ours = new BamRegionReader(htsjdk, path, cache, mode == 2))
        {
            final BamRecord view = new BamRecord();
            for (int q = 0; q < 60; q++)
            {
                final int ref = rnd.nextInt(RandomBam.LENGTHS.length);
                final String contig = htsjdk.getFileHeader().getSequence(ref).getSequenceName();
                final int start0 = rnd.nextInt(RandomBam.LENGTHS[ref]);
                final int end0 = Math.min(RandomBam.LENGTHS[ref], start0 + 1 + rnd.nextInt(rnd.nextBoolean() ? 100
                    : 3_000_000));
                final List<byte[]> expected = new ArrayList<>();
                try (SAMRecordIterator it = htsjdk.queryOverlapping(contig, start0 + 1, end0))
                {
                    it.forEachRemaining((SAMRecord r) -> expected.add(r.getReadName().getBytes()));
                }
                ours.query(contig, start0, end0);
                final List<byte[]> found = new ArrayList<>();
                while (ours.next(view))
                {
                    found.add(Arrays.copyOfRange(view.buffer(), view.nameOffset(),
                        view.nameOffset() + view.nameLength() - 1));
                    final byte[] written = bam.bytesOf(new String(found.getLast()));
                    assertArrayEquals(written, Arrays.copyOfRange(view.buffer(), view.offset(),
                        view.offset() + written.length), "record bytes of " + new String(found.getLast()));
                }
                assertEquals(expected.stream().map(String::new).toList(), found.stream().map(String::new).toList(),
                    contig + ":" + start0 + "-" + end0);
            }
        }
    }
}

package io.callscore.engine.pool.bam;

import htsjdk.samtools.BAMRecordCodec;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.util.zip.DeflaterFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random coordinate-sorted BAMs that reach the corners of BAI indexing: reads near 16 kbp windows and bin borders
 * of every level, CIGARs with clips, insertions, deletions and long skips (some crossing a 64 Mbp border), reads
 * with no reference span, unmapped reads placed at their mate, unplaced reads at the end, a reference with no
 * reads between used ones, and enough random bases to fill many BGZF blocks.
 */
final class RandomBam
{
    /** One record as the test sees it: samtools' 0-based span and the raw bytes the writer gets. */
    record Read(String name, int refId, int start0, int end0, boolean unmapped, byte[] bytes)
    {
    }

    static final int[] LENGTHS = {150_000_000, 400_000, 300_000, 2_000_000};
    private static final int[] SHIFTS = {14, 14, 17, 20, 23, 26};
    private static final char[] OPS = {'M', 'I', 'D', 'N', 'S', 'H', 'P', '=', 'X'};

    final SAMFileHeader header;
    final List<Read> reads;

    private RandomBam(final SAMFileHeader header, final List<Read> reads)
    {
        this.header = header;
        this.reads = reads;
    }

    static SAMFileHeader header()
    {
        final SAMSequenceDictionary dict = new SAMSequenceDictionary();
        for (int i = 0; i < LENGTHS.length; i++)
        {
            dict.addSequence(new SAMSequenceRecord("chr" + (i + 1), LENGTHS[i]));
        }
        final SAMFileHeader header = new SAMFileHeader(dict);
        header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        return header;
    }

    /** {@code count} placed reads and a few unplaced ones; reference 2 (chr3) stays empty. */
    static RandomBam generate(final long seed, final int count, final boolean unplaced)
    {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final SAMFileHeader header = header();
        final List<SAMRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            final int ref = rnd.nextInt(10) < 6 ? 0 : rnd.nextBoolean() ? 1 : 3;
            records.add(placed(header, rnd, "r" + i, ref, position(rnd, LENGTHS[ref])));
        }
        final int unplacedCount = unplaced ? rnd.nextInt(1, 30) : 0;
        for (int i = 0; i < unplacedCount; i++)
        {
            final SAMRecord rec = new SAMRecord(header);
            rec.setReadName("u" + i);
            rec.setReadUnmappedFlag(true);
            rec.setReferenceIndex(-1);
            rec.setAlignmentStart(0);
            bases(rec, rnd, rnd.nextInt(1, 200));
            records.add(rec);
        }
        records.sort(Comparator.comparingInt((SAMRecord r) -> r.getReferenceIndex() < 0 ? Integer.MAX_VALUE
            : r.getReferenceIndex()).thenComparingInt(SAMRecord::getAlignmentStart));
        final List<Read> reads = new ArrayList<>();
        for (final SAMRecord rec : records)
        {
            reads.add(encode(header, rec));
        }
        return new RandomBam(header, reads);
    }

    /** A BAM of exactly these records, given in sorted order. */
    static RandomBam of(final SAMFileHeader header, final List<SAMRecord> records)
    {
        final List<Read> reads = new ArrayList<>();
        for (final SAMRecord rec : records)
        {
            reads.add(encode(header, rec));
        }
        return new RandomBam(header, reads);
    }

    /** The encoded record of the read with this name (names are unique). */
    byte[] bytesOf(final String name)
    {
        for (final Read read : reads)
        {
            if (read.name().equals(name))
            {
                return read.bytes();
            }
        }
        throw new IllegalArgumentException("no read " + name);
    }

    void write(final Path bam, final int level, final DeflaterFactory deflaters) throws IOException
    {
        try (BgzfRecordWriter writer = new BgzfRecordWriter(bam, header, level, deflaters))
        {
            for (final Read read : reads)
            {
                writer.write(read.bytes(), 0, read.bytes().length);
            }
        }
    }

    private static int position(final SplittableRandom rnd, final int length)
    {
        if (rnd.nextInt(10) < 6)
        {
            final int shift = SHIFTS[rnd.nextInt(SHIFTS.length)];
            final int borders = (length - 1) >> shift;
            final int border = rnd.nextInt(borders + 1) << shift;
            final int offset = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(-400, 400);
            return Math.clamp(border + offset, 0, length - 300);
        }
        return rnd.nextInt(Math.min(length - 300, 250_000));
    }

    private static SAMRecord placed(final SAMFileHeader header, final SplittableRandom rnd, final String name,
        final int ref, final int start0)
    {
        final SAMRecord rec = new SAMRecord(header);
        rec.setReadName(name);
        rec.setReferenceIndex(ref);
        rec.setAlignmentStart(start0 + 1);
        rec.setReadPairedFlag(true);
        rec.setMateReferenceIndex(ref);
        rec.setMateAlignmentStart(start0 + 1);
        rec.setMappingQuality(rnd.nextInt(61));
        final int kind = rnd.nextInt(100);
        if (kind < 12)
        {
            rec.setReadUnmappedFlag(true);
            bases(rec, rnd, rnd.nextInt(1, 250));
            return rec;
        }
        rec.setMateUnmappedFlag(kind < 20);
        rec.setReadNegativeStrandFlag(rnd.nextBoolean());
        final StringBuilder cigar = new StringBuilder();
        final int queryLength;
        if (kind < 22)
        {
            queryLength = rnd.nextInt(1, 40);
            cigar.append(queryLength).append(rnd.nextBoolean() ? 'S' : 'I');
        }
        else
        {
            int query;
            do
            {
                cigar.setLength(0);
                query = randomCigar(rnd, cigar);
                rec.setCigarString(cigar.toString());
            }
            while (start0 + rec.getCigar().getReferenceLength() > LENGTHS[ref]);
            queryLength = query;
        }
        rec.setCigarString(cigar.toString());
        bases(rec, rnd, queryLength);
        return rec;
    }

    private static int randomCigar(final SplittableRandom rnd, final StringBuilder cigar)
    {
        int query = 0;
        if (rnd.nextInt(5) == 0)
        {
            final int clip = rnd.nextInt(1, 30);
            cigar.append(clip).append('S');
            query += clip;
        }
        final int segments = rnd.nextInt(1, 5);
        for (int s = 0; s < segments; s++)
        {
            if (s > 0)
            {
                final int gap = rnd.nextInt(20);
                final char op = gap < 7 ? 'I' : gap < 16 ? 'D' : gap < 19 ? 'N' : 'P';
                final int len = op == 'N' ? rnd.nextInt(100, rnd.nextInt(200) == 0 ? 3_000_000 : 40_000)
                    : rnd.nextInt(1, 30);
                cigar.append(len).append(op);
                query += op == 'I' ? len : 0;
            }
            final int match = rnd.nextInt(1, 150);
            final char op = rnd.nextInt(8) == 0 ? OPS[7 + rnd.nextInt(2)] : 'M';
            cigar.append(match).append(op);
            query += match;
        }
        if (rnd.nextInt(5) == 0)
        {
            final int clip = rnd.nextInt(1, 30);
            cigar.append(clip).append('S');
            query += clip;
        }
        if (rnd.nextInt(20) == 0)
        {
            cigar.append(rnd.nextInt(1, 50)).append('H');
        }
        return query;
    }

    private static void bases(final SAMRecord rec, final SplittableRandom rnd, final int length)
    {
        final byte[] bases = new byte[length];
        final byte[] quals = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bases[i] = (byte)"ACGT".charAt(rnd.nextInt(4));
            quals[i] = (byte)rnd.nextInt(2, 41);
        }
        rec.setReadBases(bases);
        rec.setBaseQualities(quals);
    }

    /** Encodes the record as htsjdk does, then sets its bin field to the value samtools computes. */
    private static Read encode(final SAMFileHeader header, final SAMRecord rec)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final BAMRecordCodec codec = new BAMRecordCodec(header);
        codec.setOutputStream(bytes);
        codec.encode(rec);
        final byte[] b = bytes.toByteArray();
        final int refId = rec.getReferenceIndex();
        final int start0 = rec.getAlignmentStart() - 1;
        final boolean unmapped = rec.getReadUnmappedFlag();
        final int span = unmapped ? 0 : rec.getCigar().getReferenceLength();
        final int end0 = start0 + Math.max(span, 1);
        final int bin = BaiIndexBuilder.reg2bin(start0, end0);
        b[14] = (byte)bin;
        b[15] = (byte)(bin >>> 8);
        return new Read(rec.getReadName(), refId, start0, end0, unmapped, b);
    }
}

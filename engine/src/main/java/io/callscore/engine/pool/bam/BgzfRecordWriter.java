package io.callscore.engine.pool.bam;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SAMTextHeaderCodec;
import htsjdk.samtools.util.zip.DeflaterFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a coordinate-sorted BAM from raw record bytes (already encoded, block_size included) and its BAI at
 * {@code <bam>.bai}, so that records can be copied without decoding them into htsjdk SAMRecords.
 * <p>
 * The header goes in BGZF blocks of its own, as samtools and htsjdk write it. Each record's reference span is read
 * from its bytes: refID, pos, flag and the CIGAR's reference-consuming operations (M, D, N, =, X); an unmapped read
 * or one whose CIGAR consumes no reference spans one base, as htslib's {@code bam_endpos} has it. The record's bin
 * field is copied as given; {@link BaiIndexBuilder#reg2bin} computes the value samtools writes. A CIGAR stored in
 * the CG tag (over 65535 operations) is not looked at.
 */
public final class BgzfRecordWriter implements AutoCloseable
{
    private static final int FIXED_LENGTH = 32;
    private static final int FLAG_UNMAPPED = 0x4;

    private final Path bam;
    private final BgzfBlockWriter out;
    private final BaiIndexBuilder index;
    private final BamRecord view = new BamRecord();
    private boolean closed;

    /**
     * @param bam              the BAM to write; its index goes to {@code bam + ".bai"}
     * @param header           the BAM header (its sequence dictionary numbers the records' refIDs)
     * @param compressionLevel the deflate level of every BGZF block
     * @param deflaterFactory  where the block compressors come from (e.g. an Intel or libdeflate factory)
     */
    public BgzfRecordWriter(final Path bam, final SAMFileHeader header, final int compressionLevel,
        final DeflaterFactory deflaterFactory) throws IOException
    {
        this.bam = bam;
        this.out = new BgzfBlockWriter(bam, compressionLevel, deflaterFactory);
        this.index = new BaiIndexBuilder(header.getSequenceDictionary().size());
        final byte[] h = encodeHeader(header);
        out.write(h, 0, h.length);
        out.endBlock();
    }

    /** The BAM header as the SAM spec (4.2) lays it out: magic, SAM text, then the reference names and lengths. */
    private static byte[] encodeHeader(final SAMFileHeader header)
    {
        final StringWriter text = new StringWriter();
        new SAMTextHeaderCodec().encode(text, header);
        final byte[] textBytes = text.toString().getBytes(StandardCharsets.UTF_8);
        final List<SAMSequenceRecord> sequences = header.getSequenceDictionary().getSequences();
        final byte[][] names = new byte[sequences.size()][];
        int size = 12 + textBytes.length;
        for (int i = 0; i < names.length; i++)
        {
            names[i] = sequences.get(i).getSequenceName().getBytes(StandardCharsets.UTF_8);
            size += 9 + names[i].length;
        }
        final ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{'B', 'A', 'M', 1}).putInt(textBytes.length).put(textBytes).putInt(sequences.size());
        for (int i = 0; i < names.length; i++)
        {
            b.putInt(names[i].length + 1).put(names[i]).put((byte)0).putInt(sequences.get(i).getSequenceLength());
        }
        return b.array();
    }

    /**
     * Writes one complete record (block_size and the bytes it counts) lying at {@code buf[off, off + len)}.
     *
     * @throws IllegalArgumentException when the length disagrees with block_size or the records are not
     *                                  coordinate-sorted
     */
    public void write(final byte[] buf, final int off, final int len) throws IOException
    {
        if (len < 4 + FIXED_LENGTH || BamRecord.intAt(buf, off) != len - 4)
        {
            throw new IllegalArgumentException("record of " + len + " bytes does not match its block_size");
        }
        final BamRecord r = view.wrap(buf, off);
        final boolean unmapped = (r.flag() & FLAG_UNMAPPED) != 0;
        if (!unmapped && r.cigarOffset() + 4 * r.cigarOps() > off + len)
        {
            throw new IllegalArgumentException("record's CIGAR runs past its end");
        }
        final int pos = r.pos();
        final int span = unmapped ? 0 : r.referenceLength();
        final long vStart = out.filePointer();
        out.write(buf, off, len);
        index.add(r.refId(), pos, pos + Math.max(span, 1), unmapped, vStart, out.filePointer());
    }

    /** Flushes the last block, writes the BGZF end-of-file block and the index. */
    @Override
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        out.endBlock();
        index.endOfRecords(out.filePointer());
        out.close();
        index.write(bam.resolveSibling(bam.getFileName() + ".bai"));
    }
}

package io.callscore.engine.pool.bam;

import htsjdk.samtools.util.zip.DeflaterFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a BGZF file (SAM specification 4.1): bytes go into a block of at most {@value #BLOCK_INPUT} bytes, each
 * full block is deflated on its own and framed straight into the 1 MiB buffer of a {@link DirectFileOutput} (direct
 * I/O where the file system allows it), so a block costs no system call and no copy of its own on the way out. The
 * virtual offset of the next byte is known at every moment ({@link #filePointer}), which is what a BAM index
 * records.
 *
 * <pre>
 * block:  1f 8b 08 04 | mtime=0(4) xfl=0 os=ff | xlen=6(2) | 'B' 'C' 2 0 bsize-1(2) | deflate data | crc32(4) isize(4)
 * file:   block, block, ..., the empty end-of-file block (28 bytes)
 * </pre>
 *
 * The deflater comes from a {@link DeflaterFactory} (GKL's ISA-L in a pool build). Input is always handed to it at
 * offset 0: GKL's deflater ignores the offset of {@code setInput}. A block that does not shrink is stored instead
 * (deflate's stored mode), as htsjdk and htslib do. Not thread-safe.
 */
public final class BgzfBlockWriter implements Closeable
{
    /** Uncompressed bytes per block, as htslib writes them: a stored block then still fits in 64 KiB. */
    public static final int BLOCK_INPUT = 0xff00;

    private static final int HEADER = 18;
    private static final int TRAILER = 8;
    private static final int MAX_BLOCK = 1 << 16;
    private static final int MAX_DATA = MAX_BLOCK - HEADER - TRAILER;
    /** The end-of-file marker: an empty block (SAM specification 4.1.2). */
    private static final byte[] EOF_BLOCK = {
        0x1f, (byte)0x8b, 8, 4, 0, 0, 0, 0, 0, (byte)0xff, 6, 0, 'B', 'C', 2, 0, 0x1b, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final Path file;
    private final DirectFileOutput output;
    private final Deflater deflater;
    private final Deflater store = new Deflater(Deflater.NO_COMPRESSION, true);
    private final CRC32 crc = new CRC32();
    private final byte[] block = new byte[BLOCK_INPUT];
    private final byte[] deflated = new byte[MAX_BLOCK];
    private int fill;
    /** File offset of the block being filled: everything before it is framed (in the output's buffer or the file). */
    private long blockAddress;
    private boolean closed;

    /**
     * Creates (or truncates) {@code file}.
     *
     * @param level     deflate level 0-9
     * @param deflaters where the deflater comes from
     */
    public BgzfBlockWriter(final Path file, final int level, final DeflaterFactory deflaters) throws IOException
    {
        this.file = file;
        this.output = new DirectFileOutput(file);
        this.deflater = deflaters.makeDeflater(level, true);
    }

    /** Whether the file is written with direct I/O (the file system allowed it and it was not turned off). */
    boolean direct()
    {
        return output.direct();
    }

    /** The virtual offset of the next byte written: block file offset &lt;&lt; 16 | offset inside the block. */
    public long filePointer()
    {
        return blockAddress << 16 | fill;
    }

    /** Appends bytes; a full block is deflated and framed before the rest goes into the next one. */
    public void write(final byte[] b, final int off, final int len) throws IOException
    {
        int at = off;
        int left = len;
        while (left > 0)
        {
            final int n = Math.min(left, BLOCK_INPUT - fill);
            System.arraycopy(b, at, block, fill, n);
            fill += n;
            at += n;
            left -= n;
            if (fill == BLOCK_INPUT)
            {
                endBlock();
            }
        }
    }

    /** Ends the current block (if it holds anything), so that what comes next starts a block of its own. */
    public void endBlock() throws IOException
    {
        if (fill == 0)
        {
            return;
        }
        int size = compress(deflater);
        if (size < 0)
        {
            size = compress(store);
            if (size < 0)
            {
                throw new IOException(file + ": a BGZF block of " + fill + " bytes does not fit when stored");
            }
        }
        crc.reset();
        crc.update(block, 0, fill);
        final ByteBuffer out = output.reserve(HEADER + size + TRAILER);
        out.put((byte)0x1f).put((byte)0x8b).put((byte)8).put((byte)4).putInt(0).put((byte)0).put((byte)0xff)
            .putShort((short)6).put((byte)'B').put((byte)'C').putShort((short)2)
            .putShort((short)(HEADER + size + TRAILER - 1));
        out.put(deflated, 0, size);
        out.putInt((int)crc.getValue()).putInt(fill);
        blockAddress += HEADER + size + TRAILER;
        fill = 0;
    }

    /** Deflates the block into {@link #deflated}; its size, or -1 when it does not fit in a BGZF block. */
    private int compress(final Deflater d)
    {
        d.reset();
        d.setInput(block, 0, fill);
        d.finish();
        try
        {
            final int size = d.deflate(deflated, 0, MAX_DATA);
            return d.finished() ? size : -1;
        }
        catch (final RuntimeException e)
        {
            // GKL reports an output buffer too small by throwing ("Output buffer too small."), zlib by not finishing.
            return -1;
        }
    }

    /** Ends the last block, appends the end-of-file block and closes the file. */
    @Override
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            endBlock();
            output.reserve(EOF_BLOCK.length).put(EOF_BLOCK);
        }
        finally
        {
            deflater.end();
            store.end();
            output.close();
        }
    }
}

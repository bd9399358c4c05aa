package io.callscore.engine.pool.bam;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the uncompressed bytes of a BGZF file (SAM specification 4.1) from a virtual offset on, one block at a
 * time, with the inflater {@link BgzfCompression} picked. The file is memory-mapped while the reader is open and
 * compressed bytes are copied out a read-ahead at a time (1 MiB when streaming a window; no system call, no
 * kernel copy, and only the pages read count towards the process's memory), and inflated blocks can be kept
 * in a {@link BgzfBlockCache} shared by the readers of one window: the blocks read for the depth estimate and the
 * edited sites are not inflated again by the streaming pass.
 *
 * <pre>
 * block:  1f 8b 08 04 | mtime(4) xfl os | xlen=6(2) | 'B' 'C' 2 0 bsize-1(2) | deflate data | crc32(4) isize(4)
 * virtual offset = block's file offset &lt;&lt; 16 | offset in its uncompressed bytes
 * </pre>
 */
public final class BgzfBlockReader implements Closeable
{
    private static final int HEADER = 18;
    private static final int TRAILER = 8;
    private static final int MAX_BLOCK = BgzfBlockCache.MAX_BLOCK;
    /** Read-ahead of a reader that streams a whole window, and of one that reads a few kilobases. */
    private static final int STREAM_READ_AHEAD = 1 << 20;
    private static final int SHORT_READ_AHEAD = 1 << 17;

    private final Path file;
    /** The file, mapped read-only for the life of this reader: blocks are copied out without system calls. */
    private final Arena arena = Arena.ofShared();
    private final MemorySegment mapped;
    private final BgzfBlockCache cache;
    private final boolean keep;
    private final byte[] scratch;
    private final Inflater inflater = BgzfCompression.inflaters().makeInflater(true);
    private final byte[] compressed;
    private long compressedStart = -1;
    private int compressedLength;

    private BgzfBlockCache.Block block;
    private int position;

    /**
     * Opens {@code file}. Blocks are taken from {@code cache} when it holds them (it may be null); with
     * {@code keep}, the blocks this reader inflates are added to it, otherwise they go to one reused buffer, so a
     * single pass over a window allocates nothing per block.
     */
    public BgzfBlockReader(final Path file, final BgzfBlockCache cache, final boolean keep) throws IOException
    {
        this.file = file;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            this.mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        }
        catch (final IOException | RuntimeException e)
        {
            inflater.end();
            arena.close();
            throw e;
        }
        this.cache = cache;
        this.keep = keep && cache != null;
        // A keeping reader serves a short query (a depth chunk, an edited site); the other streams a window.
        this.compressed = new byte[this.keep ? SHORT_READ_AHEAD : STREAM_READ_AHEAD];
        this.scratch = this.keep ? null : new byte[MAX_BLOCK];
    }

    /** Moves to a virtual offset. */
    public void seek(final long virtualOffset) throws IOException
    {
        block = load(virtualOffset >>> 16);
        position = (int)(virtualOffset & 0xFFFF);
        if (block != null && position > block.length())
        {
            throw new IOException(file + ": virtual offset " + virtualOffset + " is past its block");
        }
    }

    /** Reads up to {@code len} bytes; -1 at the end of the file. */
    public int read(final byte[] b, final int off, final int len) throws IOException
    {
        final int available = contiguous();
        if (available == 0)
        {
            return -1;
        }
        final int n = Math.min(len, available);
        System.arraycopy(block.data(), position, b, off, n);
        position += n;
        return n;
    }

    /**
     * How many bytes the current block holds from the read position on, moving to the next block first when the
     * current one is used up; 0 at the end of the file. Those bytes are {@link #data()} from {@link #offset()}:
     * a caller may read them in place and {@link #skip} them, valid until the next call that moves the reader.
     */
    public int contiguous() throws IOException
    {
        while (block != null && position == block.length())
        {
            block = load(block.next());
            position = 0;
        }
        return block == null ? 0 : block.length() - position;
    }

    /** The current block's bytes (see {@link #contiguous}). */
    public byte[] data()
    {
        return block.data();
    }

    /** The read position in {@link #data()}. */
    public int offset()
    {
        return position;
    }

    /** Moves the read position on by {@code n} bytes of the current block (at most {@link #contiguous}). */
    public void skip(final int n)
    {
        position += n;
    }

    /** The block at a file offset, from the cache or inflated now; null at the end of the file. */
    private BgzfBlockCache.Block load(final long address) throws IOException
    {
        if (cache != null)
        {
            final BgzfBlockCache.Block hit = cache.get(address);
            if (hit != null)
            {
                return hit;
            }
        }
        if (!buffered(address, HEADER))
        {
            return null;
        }
        final byte[] c = compressed;
        int at = (int)(address - compressedStart);
        if ((c[at] & 0xFF) != 0x1f || (c[at + 1] & 0xFF) != 0x8b || (c[at + 3] & 0x04) == 0
            || c[at + 12] != 'B' || c[at + 13] != 'C')
        {
            throw new IOException(file + ": not a BGZF block at byte " + address);
        }
        final int size = BamRecord.shortAt(c, at + 16) + 1;
        if (!buffered(address, size))
        {
            throw new IOException(file + ": truncated BGZF block at byte " + address);
        }
        at = (int)(address - compressedStart);
        final int xlen = BamRecord.shortAt(c, at + 10);
        final int dataStart = at + 12 + xlen;
        final int dataLength = size - 12 - xlen - TRAILER;
        final int isize = BamRecord.intAt(c, at + size - 4);
        if (dataLength < 0 || isize < 0 || isize > MAX_BLOCK)
        {
            throw new IOException(file + ": damaged BGZF block at byte " + address);
        }
        final byte[] data = keep ? cache.array() : scratch;
        inflater.reset();
        inflater.setInput(c, dataStart, dataLength);
        try
        {
            int got = 0;
            while (got < isize)
            {
                final int n = inflater.inflate(data, got, isize - got);
                if (n == 0 && (inflater.finished() || inflater.needsInput()))
                {
                    break;
                }
                got += n;
            }
            if (got != isize)
            {
                throw new IOException(file + ": BGZF block at byte " + address + " inflates to " + got
                    + " bytes, not " + isize);
            }
        }
        catch (final DataFormatException e)
        {
            throw new IOException(file + ": damaged BGZF block at byte " + address + ": " + e.getMessage(), e);
        }
        final BgzfBlockCache.Block loaded = new BgzfBlockCache.Block(data, isize, address + size);
        if (keep)
        {
            cache.put(address, loaded);
        }
        return loaded;
    }

    /** Makes {@code [address, address + length)} available in the read-ahead buffer; false at the end of file. */
    private boolean buffered(final long address, final int length) throws IOException
    {
        if (compressedStart >= 0 && address >= compressedStart
            && address + length <= compressedStart + compressedLength)
        {
            return true;
        }
        compressedStart = address;
        compressedLength = (int)Math.max(0, Math.min(compressed.length, mapped.byteSize() - address));
        MemorySegment.copy(mapped, ValueLayout.JAVA_BYTE, address, compressed, 0, compressedLength);
        return compressedLength >= length;
    }

    @Override
    public void close() throws IOException
    {
        inflater.end();
        arena.close();
    }
}

package io.callscore.engine.pool.bam;

import htsjdk.samtools.Cigar;
import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A flyweight over one BAM alignment record as it lies in a byte array (SAM specification 4.2), read and written
 * in place so a pool build copies reads without decoding them into objects. All integers are little-endian.
 *
 * <pre>
 *  offset  size  field
 *  0       4     block_size   bytes that follow this field
 *  4       4     refID        -1: unplaced
 *  8       4     pos          0-based leftmost position, -1: unplaced
 *  12      1     l_read_name  name length including its NUL
 *  13      1     mapq
 *  14      2     bin          reg2bin(pos, end)
 *  16      2     n_cigar_op
 *  18      2     flag
 *  20      4     l_seq
 *  24      4     next_refID
 *  28      4     next_pos
 *  32      4     tlen
 *  36      l_read_name               read_name, NUL-terminated
 *  ...     4 * n_cigar_op            cigar: length &lt;&lt; 4 | op (MIDNSHP=X = 0..8)
 *  ...     (l_seq + 1) / 2           seq: two bases per byte, high nibble first, "=ACMGRSVTWYHKDBN"
 *  ...     l_seq                     qual: phred, 0xFF when absent
 *  ...     to the end                tags
 * </pre>
 */
public final class BamRecord
{
    /** Bytes before the read name (block_size included). */
    public static final int FIXED = 36;

    /** The 16 base letters of BAM's 4-bit codes. */
    public static final String LETTERS = "=ACMGRSVTWYHKDBN";
    /** The 4-bit code of each byte that is one of {@link #LETTERS} in either case; -1 for every other byte. */
    private static final byte[] CODES = new byte[256];

    static
    {
        java.util.Arrays.fill(CODES, (byte)-1);
        for (int code = 0; code < LETTERS.length(); code++)
        {
            CODES[LETTERS.charAt(code)] = (byte)code;
            CODES[Character.toLowerCase(LETTERS.charAt(code))] = (byte)code;
        }
    }

    /** BAM's 4-bit code of a base letter (either case; {@code =} is 0), or -1 for a byte that is no base letter. */
    public static int code(final byte letter)
    {
        return CODES[letter & 0xFF];
    }

    private byte[] buffer;
    private int offset;

    /** Points this view at the record starting (at its block_size) at {@code offset}. */
    public BamRecord wrap(final byte[] buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    public byte[] buffer()
    {
        return buffer;
    }

    public int offset()
    {
        return offset;
    }

    /** Whole record length in bytes, block_size field included. */
    public int length()
    {
        return 4 + intAt(buffer, offset);
    }

    public int refId()
    {
        return intAt(buffer, offset + 4);
    }

    public int pos()
    {
        return intAt(buffer, offset + 8);
    }

    /** Name length including the NUL. */
    public int nameLength()
    {
        return buffer[offset + 12] & 0xFF;
    }

    public int cigarOps()
    {
        return shortAt(buffer, offset + 16);
    }

    public int flag()
    {
        return shortAt(buffer, offset + 18);
    }

    public int seqLength()
    {
        return intAt(buffer, offset + 20);
    }

    public int nextRefId()
    {
        return intAt(buffer, offset + 24);
    }

    public int nextPos()
    {
        return intAt(buffer, offset + 28);
    }

    public int tlen()
    {
        return intAt(buffer, offset + 32);
    }

    /** Offset in {@link #buffer()} of the read name's first byte. */
    public int nameOffset()
    {
        return offset + FIXED;
    }

    /** Offset of the first CIGAR operation. */
    public int cigarOffset()
    {
        return nameOffset() + nameLength();
    }

    /** The raw CIGAR operation {@code i}: length &lt;&lt; 4 | op. */
    public int cigar(final int i)
    {
        return intAt(buffer, cigarOffset() + 4 * i);
    }

    /** Offset of the packed bases. */
    public int seqOffset()
    {
        return cigarOffset() + 4 * cigarOps();
    }

    /** Offset of the base qualities. */
    public int qualOffset()
    {
        return seqOffset() + (seqLength() + 1) / 2;
    }

    /** Offset of the first tag. */
    public int tagsOffset()
    {
        return qualOffset() + seqLength();
    }

    // ---- decoded copies, for the few reads that are edited: these allocate --------------------------------------

    /** The read name as a string. */
    public String name()
    {
        return new String(buffer, nameOffset(), nameLength() - 1, StandardCharsets.ISO_8859_1);
    }

    /** The CIGAR as htsjdk's object. */
    public Cigar cigar()
    {
        final int n = cigarOps();
        final List<CigarElement> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
        {
            final int op = cigar(i);
            elements.add(new CigarElement(op >>> 4, CigarOperator.binaryToEnum(op & 0xF)));
        }
        return new Cigar(elements);
    }

    /** The bases as upper-case letters. */
    public byte[] bases()
    {
        final byte[] out = new byte[seqLength()];
        final int at = seqOffset();
        for (int i = 0; i < out.length; i++)
        {
            final int packed = buffer[at + (i >> 1)];
            out[i] = (byte)LETTERS.charAt((i & 1) == 0 ? (packed >> 4) & 0xF : packed & 0xF);
        }
        return out;
    }

    /** Reference bases the CIGAR covers (M, D, N, =, X). */
    public int referenceLength()
    {
        int span = 0;
        final int n = cigarOps();
        final int at = cigarOffset();
        for (int i = 0; i < n; i++)
        {
            span += referenceLength(intAt(buffer, at + 4 * i));
        }
        return span;
    }

    /** Reference bases one raw CIGAR operation covers. */
    public static int referenceLength(final int cigarOp)
    {
        final int op = cigarOp & 0xF;
        // M=0, D=2, N=3, '='=7, X=8 consume the reference.
        return op == 0 || op == 2 || op == 3 || op == 7 || op == 8 ? cigarOp >>> 4 : 0;
    }

    /** Reads bases one raw CIGAR operation covers (M, I, S, =, X). */
    public static int readLength(final int cigarOp)
    {
        final int op = cigarOp & 0xF;
        return op == 0 || op == 1 || op == 4 || op == 7 || op == 8 ? cigarOp >>> 4 : 0;
    }

    public static int intAt(final byte[] b, final int i)
    {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | b[i + 3] << 24;
    }

    public static int shortAt(final byte[] b, final int i)
    {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    public static void putInt(final byte[] b, final int i, final int v)
    {
        b[i] = (byte)v;
        b[i + 1] = (byte)(v >>> 8);
        b[i + 2] = (byte)(v >>> 16);
        b[i + 3] = (byte)(v >>> 24);
    }

    public static void putShort(final byte[] b, final int i, final int v)
    {
        b[i] = (byte)v;
        b[i + 1] = (byte)(v >>> 8);
    }
}

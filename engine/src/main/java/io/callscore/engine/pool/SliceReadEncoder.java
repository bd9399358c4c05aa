package io.callscore.engine.pool;

import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;
import io.callscore.engine.pool.bam.BaiIndexBuilder;
import io.callscore.engine.pool.bam.BamRecord;
import io.callscore.engine.pool.bam.MismatchTags;
import io.callscore.engine.pool.bam.PackedReference;

/**
 * Turns one raw source record into the record a task delivers, in bytes: the fragment's edits applied, coordinates
 * moved into the slice (contig 0, position relative to the slice), mates outside the slice marked unmapped, and
 * the identity scrubbed: every tag dropped but a new read group, MD and NM (recomputed against the slice), and a
 * placeholder name that each task fills with its own fresh name ({@link #NAME_LENGTH} bytes at
 * {@link BamRecord#FIXED}) and read group ({@link #READ_GROUP_LENGTH} bytes at {@link PendingRecord#readGroupAt}).
 * <p>The read's bases, qualities and CIGAR are copied as bytes unless an edit replaced them.
 */
final class SliceReadEncoder
{
    /** Length of the fresh read names. */
    static final int NAME_LENGTH = KeyedHash.NAME_LENGTH;
    /** Length of the read-group ids. */
    static final int READ_GROUP_LENGTH = 8;

    private static final int FLAG_PAIRED = 0x1;
    private static final int FLAG_PROPER = 0x2;
    private static final int FLAG_UNMAPPED = 0x4;
    private static final int FLAG_MATE_UNMAPPED = 0x8;
    private static final int FLAG_MATE_REVERSE = 0x20;
    private final ReferenceSlice slice;
    private final int sourceRefId;
    private final PackedReference packed;
    private final MismatchTags mismatches = new MismatchTags();
    private final BamRecord encoded = new BamRecord();

    /**
     * @param slice       the window's reference slice
     * @param sourceRefId index of the slice's contig in the source BAM's header
     */
    SliceReadEncoder(final ReferenceSlice slice, final int sourceRefId)
    {
        this.slice = slice;
        this.sourceRefId = sourceRefId;
        this.packed = new PackedReference(slice.ascii());
    }

    /** Encodes {@code r} (with its fragment's edits, or null) into {@code out}; false when it does not fit. */
    boolean encode(final BamRecord r, final FragmentEdit edit, final PendingRecord out)
    {
        int flags = r.flag();
        final boolean unmapped = (flags & FLAG_UNMAPPED) != 0;
        final boolean paired = (flags & FLAG_PAIRED) != 0;
        final boolean mateMapped = paired && (flags & FLAG_MATE_UNMAPPED) == 0;
        int start = r.pos();
        int mateStart = r.nextPos();
        int tlen = r.tlen();
        EditedRead edited = null;
        if (edit != null)
        {
            final int self = FragmentEdit.segment(flags);
            final int mate = self == 0 ? 0 : 3 - self;
            final EditedRead e = edit.segments[self];
            if (e != null && !unmapped)
            {
                edited = e;
                start = e.read.alignmentStart();
            }
            if (self != 0)
            {
                mateStart += edit.startShift(mate);
                if (unmapped)
                {
                    start += edit.startShift(mate);
                }
                if (tlen != 0)
                {
                    // TLEN runs from this read's 5' end to the mate's: it moves with both.
                    tlen += edit.fivePrimeShift(mate) - edit.fivePrimeShift(self);
                }
            }
        }
        final int span = unmapped ? 1
            : Math.max(1, edited != null ? edited.read.cigar().getReferenceLength() : r.referenceLength());
        if (start < slice.start() || start + span > slice.end())
        {
            return false;
        }
        final boolean mateInSlice = mateMapped && r.nextRefId() == sourceRefId
            && mateStart >= slice.start() && mateStart < slice.end();
        final int pos = start - slice.start();
        final int nextRef;
        final int nextPos;
        if (mateInSlice)
        {
            nextRef = 0;
            nextPos = mateStart - slice.start();
        }
        else if (paired)
        {
            if (unmapped)
            {
                return false;
            }
            flags = (flags | FLAG_MATE_UNMAPPED) & ~(FLAG_MATE_REVERSE | FLAG_PROPER);
            nextRef = 0;
            nextPos = pos;
            tlen = 0;
        }
        else
        {
            nextRef = -1;
            nextPos = -1;
            tlen = 0;
        }

        final int seqLength = edited != null ? edited.read.readLength() : r.seqLength();
        final int[] editedCigar = edited != null ? rawCigar(edited) : null;
        final int cigarOps = editedCigar != null ? editedCigar.length : r.cigarOps();
        // Fixed part, name, CIGAR, bases, qualities, then up to 12 + 7 + 4 tag bytes plus the MD string.
        final int body = BamRecord.FIXED + NAME_LENGTH + 1 + 4 * cigarOps + (seqLength + 1) / 2 + seqLength;
        out.ensureCapacity(body + 32);
        final byte[] b = out.bytes;
        BamRecord.putInt(b, 4, 0);
        BamRecord.putInt(b, 8, pos);
        b[12] = (byte)(NAME_LENGTH + 1);
        b[13] = r.buffer()[r.offset() + 13];
        final int bin = BaiIndexBuilder.reg2bin(pos, pos + span);
        BamRecord.putShort(b, 14, bin);
        BamRecord.putShort(b, 16, cigarOps);
        BamRecord.putShort(b, 18, flags);
        BamRecord.putInt(b, 20, seqLength);
        BamRecord.putInt(b, 24, nextRef);
        BamRecord.putInt(b, 28, nextPos);
        BamRecord.putInt(b, 32, tlen);
        int at = BamRecord.FIXED;
        java.util.Arrays.fill(b, at, at + NAME_LENGTH, (byte)'x');
        at += NAME_LENGTH;
        b[at++] = 0;
        final byte[] src = r.buffer();
        if (editedCigar == null)
        {
            System.arraycopy(src, r.cigarOffset(), b, at, 4 * cigarOps + (seqLength + 1) / 2);
            at += 4 * cigarOps + (seqLength + 1) / 2;
        }
        else
        {
            for (final int op : editedCigar)
            {
                BamRecord.putInt(b, at, op);
                at += 4;
            }
            at = packBases(edited.read.bases(), b, at);
        }
        if (seqLength == r.seqLength())
        {
            System.arraycopy(src, r.qualOffset(), b, at, seqLength);
        }
        else
        {
            java.util.Arrays.fill(b, at, at + seqLength, (byte)0xFF);
        }
        at += seqLength;

        b[at++] = 'R';
        b[at++] = 'G';
        b[at++] = 'Z';
        out.readGroupAt = at;
        java.util.Arrays.fill(b, at, at + READ_GROUP_LENGTH, (byte)'x');
        at += READ_GROUP_LENGTH;
        b[at++] = 0;
        if (!unmapped && seqLength > 0)
        {
            mismatches.compute(encoded.wrap(b, 0), packed);
            at = putNm(b, at, mismatches.nm());
            out.ensureCapacity(at + 4 + mismatches.mdLength());
            final byte[] c = out.bytes;
            c[at++] = 'M';
            c[at++] = 'D';
            c[at++] = 'Z';
            System.arraycopy(mismatches.md(), 0, c, at, mismatches.mdLength());
            at += mismatches.mdLength();
            c[at++] = 0;
        }
        BamRecord.putInt(out.bytes, 0, at - 4);
        out.length = at;
        out.pos = pos;
        out.setSourceName(src, r.nameOffset(), r.nameLength() - 1);
        return true;
    }

    private static int putNm(final byte[] b, final int at0, final int nm)
    {
        int at = at0;
        b[at++] = 'N';
        b[at++] = 'M';
        if (nm < 256)
        {
            b[at++] = 'C';
            b[at++] = (byte)nm;
        }
        else if (nm < 65536)
        {
            b[at++] = 'S';
            BamRecord.putShort(b, at, nm);
            at += 2;
        }
        else
        {
            b[at++] = 'i';
            BamRecord.putInt(b, at, nm);
            at += 4;
        }
        return at;
    }

    private static int[] rawCigar(final EditedRead e)
    {
        final java.util.List<CigarElement> elements = e.read.cigar().getCigarElements();
        final int[] ops = new int[elements.size()];
        for (int i = 0; i < ops.length; i++)
        {
            final CigarElement c = elements.get(i);
            ops[i] = c.getLength() << 4 | CigarOperator.enumToBinary(c.getOperator());
        }
        return ops;
    }

    private static int packBases(final byte[] bases, final byte[] b, final int at)
    {
        for (int i = 0; i < bases.length; i += 2)
        {
            final int hi = nibble(bases[i]);
            final int lo = i + 1 < bases.length ? nibble(bases[i + 1]) : 0;
            b[at + i / 2] = (byte)(hi << 4 | lo);
        }
        return at + (bases.length + 1) / 2;
    }

    /** A read base's 4-bit code; a byte that is no base letter is stored as N, as htsjdk stores it. */
    private static int nibble(final byte base)
    {
        final int code = BamRecord.code(base);
        return code < 0 ? 15 : code;
    }
}

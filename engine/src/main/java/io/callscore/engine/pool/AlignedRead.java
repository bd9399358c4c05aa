package io.callscore.engine.pool;

import htsjdk.samtools.Cigar;
import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A read alignment unrolled into columns (one per read base or deleted reference base) so that an edit can cut and
 * splice it without CIGAR arithmetic. Only the few reads touching an edited site are unrolled; every other read
 * passes through untouched.
 *
 * <pre>
 * op:    S  M  M  M  D  D  M  I  M  M
 * ref:   9  9 10 11 12 13 14 15 15 16    (S and I carry the reference position of the next aligned base)
 * base:  a  c  g  t  -  -  a  t  t  c
 * </pre>
 */
final class AlignedRead
{
    static final byte M = 0;
    static final byte I = 1;
    static final byte D = 2;
    static final byte S = 3;

    private byte[] op;
    private int[] ref;
    private byte[] base;
    private int n;
    private final int leadingHard;
    private final int trailingHard;

    private AlignedRead(final int capacity, final int leadingHard, final int trailingHard)
    {
        op = new byte[capacity];
        ref = new int[capacity];
        base = new byte[capacity];
        this.leadingHard = leadingHard;
        this.trailingHard = trailingHard;
    }

    /**
     * Unrolls a read aligned at {@code start} (0-based). Returns null for alignments the editor leaves alone:
     * no bases stored, skipped regions (N) or padding (P).
     */
    static AlignedRead parse(final int start, final Cigar cigar, final byte[] bases)
    {
        if (bases == null || bases.length == 0 || cigar == null || cigar.isEmpty())
        {
            return null;
        }
        final List<CigarElement> elements = cigar.getCigarElements();
        int leadingHard = 0;
        int trailingHard = 0;
        int from = 0;
        int to = elements.size();
        if (elements.get(0).getOperator() == CigarOperator.H)
        {
            leadingHard = elements.get(0).getLength();
            from++;
        }
        if (to > from && elements.get(to - 1).getOperator() == CigarOperator.H)
        {
            trailingHard = elements.get(to - 1).getLength();
            to--;
        }
        final AlignedRead r = new AlignedRead(bases.length + 64, leadingHard, trailingHard);
        int rp = start;
        int q = 0;
        for (int i = from; i < to; i++)
        {
            final CigarElement e = elements.get(i);
            final int len = e.getLength();
            switch (e.getOperator())
            {
                case M, EQ, X ->
                {
                    for (int k = 0; k < len; k++)
                    {
                        r.add(M, rp++, bases[q++]);
                    }
                }
                case I ->
                {
                    for (int k = 0; k < len; k++)
                    {
                        r.add(I, rp, bases[q++]);
                    }
                }
                case S ->
                {
                    for (int k = 0; k < len; k++)
                    {
                        r.add(S, rp, bases[q++]);
                    }
                }
                case D ->
                {
                    for (int k = 0; k < len; k++)
                    {
                        r.add(D, rp++, (byte)0);
                    }
                }
                default ->
                {
                    return null;
                }
            }
        }
        if (q != bases.length || r.firstAligned() < 0)
        {
            return null;
        }
        return r;
    }

    void add(final byte o, final int refPos, final byte b)
    {
        if (n == op.length)
        {
            final int c = n * 2 + 16;
            op = Arrays.copyOf(op, c);
            ref = Arrays.copyOf(ref, c);
            base = Arrays.copyOf(base, c);
        }
        op[n] = o;
        ref[n] = refPos;
        base[n] = b;
        n++;
    }

    int size()
    {
        return n;
    }

    byte op(final int c)
    {
        return op[c];
    }

    int ref(final int c)
    {
        return ref[c];
    }

    byte base(final int c)
    {
        return base[c];
    }

    void setBase(final int c, final byte b)
    {
        base[c] = b;
    }

    /** Read bases (every column except deletions). */
    int readLength()
    {
        int len = 0;
        for (int c = 0; c < n; c++)
        {
            len += op[c] == D ? 0 : 1;
        }
        return len;
    }

    /** Index of the first M or D column, -1 when none. */
    int firstAligned()
    {
        for (int c = 0; c < n; c++)
        {
            if (op[c] == M || op[c] == D)
            {
                return c;
            }
        }
        return -1;
    }

    /** Index of the last M or D column, -1 when none. */
    int lastAligned()
    {
        for (int c = n - 1; c >= 0; c--)
        {
            if (op[c] == M || op[c] == D)
            {
                return c;
            }
        }
        return -1;
    }

    /** 0-based reference position of the first aligned base. */
    int alignmentStart()
    {
        return ref[firstAligned()];
    }

    /** 0-based reference position just past the last aligned base. */
    int alignmentEnd()
    {
        return ref[lastAligned()] + 1;
    }

    /** Column of the M aligned to reference position {@code pos}, -1 when that position is not matched. */
    int matchAt(final int pos)
    {
        for (int c = 0; c < n; c++)
        {
            if (op[c] == M || op[c] == D)
            {
                if (ref[c] == pos)
                {
                    return op[c] == M ? c : -1;
                }
                if (ref[c] > pos)
                {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Whether columns {@code [from, to)} are all matches. */
    boolean allMatches(final int from, final int to)
    {
        for (int c = from; c < to; c++)
        {
            if (op[c] != M)
            {
                return false;
            }
        }
        return true;
    }

    /** Replaces columns {@code [from, to)} with the columns of {@code insert}. */
    void splice(final int from, final int to, final AlignedRead insert)
    {
        final int m = insert == null ? 0 : insert.n;
        final int size = n - (to - from) + m;
        final byte[] o2 = new byte[size + 32];
        final int[] r2 = new int[size + 32];
        final byte[] b2 = new byte[size + 32];
        System.arraycopy(op, 0, o2, 0, from);
        System.arraycopy(ref, 0, r2, 0, from);
        System.arraycopy(base, 0, b2, 0, from);
        if (m > 0)
        {
            System.arraycopy(insert.op, 0, o2, from, m);
            System.arraycopy(insert.ref, 0, r2, from, m);
            System.arraycopy(insert.base, 0, b2, from, m);
        }
        System.arraycopy(op, to, o2, from + m, n - to);
        System.arraycopy(ref, to, r2, from + m, n - to);
        System.arraycopy(base, to, b2, from + m, n - to);
        op = o2;
        ref = r2;
        base = b2;
        n = size;
    }

    /** A scratch run of columns to splice in. */
    static AlignedRead run()
    {
        return new AlignedRead(32, 0, 0);
    }

    /**
     * Brings the read back to {@code length} bases after an edit changed it: missing bases are taken from the
     * reference past the alignment end (or before its start when the end is clipped), surplus bases are trimmed
     * from the right end ({@code trimRight}) or the left end.
     */
    void restoreLength(final int length, final ReferenceSlice reference, final boolean trimRight)
    {
        int delta = length - readLength();
        if (delta > 0)
        {
            final int last = n - 1;
            final int first = 0;
            if (op[last] == M && trailingHard == 0)
            {
                int p = ref[last] + 1;
                for (int k = 0; k < delta; k++, p++)
                {
                    add(M, p, reference.base(p));
                }
            }
            else if (op[first] == M && leadingHard == 0)
            {
                final AlignedRead pre = run();
                final int p0 = ref[first] - delta;
                for (int k = 0; k < delta; k++)
                {
                    pre.add(M, p0 + k, reference.base(p0 + k));
                }
                splice(0, 0, pre);
            }
            else
            {
                final int p0 = ref[last] + (op[last] == M ? 1 : 0);
                int clipped = 0;
                for (int c = last; c >= 0 && op[c] == S; c--)
                {
                    clipped++;
                }
                for (int k = 0; k < delta; k++)
                {
                    add(S, p0, reference.base(p0 + clipped + k));
                }
            }
        }
        else if (delta < 0)
        {
            delta = -delta;
            if (trimRight)
            {
                int cut = n;
                while (delta > 0 && cut > 0)
                {
                    cut--;
                    if (op[cut] != D)
                    {
                        delta--;
                    }
                }
                n = cut;
            }
            else
            {
                int cut = 0;
                while (delta > 0 && cut < n)
                {
                    if (op[cut] != D)
                    {
                        delta--;
                    }
                    cut++;
                }
                splice(0, cut, null);
            }
        }
        tidyEnds();
    }

    /** Makes the ends valid SAM: no deletion next to an end or a clip, an insertion at an end becomes a clip. */
    void tidyEnds()
    {
        boolean changed = true;
        while (changed && n > 0)
        {
            changed = false;
            int c = 0;
            while (c < n && op[c] == S)
            {
                c++;
            }
            if (c < n && op[c] == D)
            {
                splice(c, c + 1, null);
                changed = true;
                continue;
            }
            if (c < n && op[c] == I)
            {
                op[c] = S;
                changed = true;
                continue;
            }
            c = n - 1;
            while (c >= 0 && op[c] == S)
            {
                c--;
            }
            if (c >= 0 && op[c] == D)
            {
                splice(c, c + 1, null);
                changed = true;
                continue;
            }
            if (c >= 0 && op[c] == I)
            {
                op[c] = S;
                changed = true;
            }
        }
        // Clipped columns carry the position of the next aligned base.
        final int f = firstAligned();
        if (f > 0)
        {
            for (int c = 0; c < f; c++)
            {
                ref[c] = ref[f];
            }
        }
    }

    /** Whether the read still has an aligned base. */
    boolean isAligned()
    {
        for (int c = 0; c < n; c++)
        {
            if (op[c] == M)
            {
                return true;
            }
        }
        return false;
    }

    /** Read bases in order. */
    byte[] bases()
    {
        final byte[] out = new byte[readLength()];
        int q = 0;
        for (int c = 0; c < n; c++)
        {
            if (op[c] != D)
            {
                out[q++] = base[c];
            }
        }
        return out;
    }

    /** The CIGAR of the columns, hard clips restored. */
    Cigar cigar()
    {
        final List<CigarElement> out = new ArrayList<>();
        if (leadingHard > 0)
        {
            out.add(new CigarElement(leadingHard, CigarOperator.H));
        }
        int c = 0;
        while (c < n)
        {
            final byte o = op[c];
            int len = 0;
            while (c < n && op[c] == o)
            {
                len++;
                c++;
            }
            out.add(new CigarElement(len, switch (o)
            {
                case M -> CigarOperator.M;
                case I -> CigarOperator.I;
                case D -> CigarOperator.D;
                default -> CigarOperator.S;
            }));
        }
        if (trailingHard > 0)
        {
            out.add(new CigarElement(trailingHard, CigarOperator.H));
        }
        return new Cigar(out);
    }
}

package io.callscore.engine.pool;

/**
 * Edits one unrolled read so that it shows another allele, BamSurgeon-style but without realignment: the read's
 * own bases, errors and qualities stay where they were, only the bases of the site change, and the read keeps its
 * length (missing bases come from the reference beyond its end, surplus bases are trimmed from the end farther
 * from the site). Two directions:
 * <ul>
 *   <li>{@link #putAlt}: a read that shows the reference at a site gets the ALT allele (spike-in);</li>
 *   <li>{@link #revert}: a read that shows a variant's ALT allele gets the reference back (spike-out), whichever
 *       equivalent position in a repeat the aligner chose for the indel.</li>
 * </ul>
 * Reads whose alignment at the site is not clean (another indel or a clip over the site) are left alone, as an
 * aligner would leave some reads unhelpful.
 */
final class ReadEditor
{
    private static final int MAX_SHIFT = 1000;

    private ReadEditor()
    {
    }

    /** Puts the ALT allele of a biallelic SNV or simple indel on the read. Returns whether the read changed. */
    static boolean putAlt(final AlignedRead read, final ReferenceSlice reference, final SmallVariant v)
    {
        final String ref = v.ref();
        final String alt = v.alts()[0];
        final int length = read.readLength();
        if (ref.length() == alt.length())
        {
            boolean changed = false;
            for (int i = 0; i < ref.length(); i++)
            {
                final int c = read.matchAt(v.pos() + i);
                if (c >= 0 && ref.charAt(i) != alt.charAt(i))
                {
                    read.setBase(c, (byte)alt.charAt(i));
                    changed = true;
                }
            }
            return changed;
        }
        if (alt.length() == 1)
        {
            return putDeletion(read, reference, v.pos() + 1, v.end(), length);
        }
        return putInsertion(read, reference, v.pos() + 1, alt.substring(1), length);
    }

    private static boolean putDeletion(final AlignedRead read, final ReferenceSlice reference, final int s,
        final int e, final int length)
    {
        final int del = e - s;
        final int cl = read.matchAt(s - 1);
        final int cr = read.matchAt(e);
        if (cl >= 0 && cr >= 0)
        {
            if (cr - cl - 1 != del || !read.allMatches(cl + 1, cr))
            {
                return false;
            }
            final AlignedRead gap = AlignedRead.run();
            for (int p = s; p < e; p++)
            {
                gap.add(AlignedRead.D, p, (byte)0);
            }
            read.splice(cl + 1, cr, gap);
            read.restoreLength(length, reference, true);
            return read.isAligned();
        }
        if (cl >= 0)
        {
            // The read ends inside the deleted bases: on the new haplotype its tail reads on past the deletion,
            // which an aligner would soft-clip.
            int c = cl + 1;
            while (c < read.size() && read.op(c) == AlignedRead.M)
            {
                c++;
            }
            for (int k = c; k < read.size(); k++)
            {
                if (read.op(k) != AlignedRead.S)
                {
                    return false;
                }
            }
            final int k = c - cl - 1;
            if (k == 0 || k > del)
            {
                return false;
            }
            final AlignedRead tail = AlignedRead.run();
            for (int i = 0; i < k; i++)
            {
                tail.add(AlignedRead.S, s - 1, reference.base(e + i));
            }
            read.splice(cl + 1, c, tail);
            read.tidyEnds();
            return read.isAligned();
        }
        if (cr >= 0)
        {
            // The read starts inside the deleted bases: its head reads the bases before the deletion, clipped.
            int c = cr - 1;
            while (c >= 0 && read.op(c) == AlignedRead.M)
            {
                c--;
            }
            for (int k = c; k >= 0; k--)
            {
                if (read.op(k) != AlignedRead.S)
                {
                    return false;
                }
            }
            final int k = cr - c - 1;
            if (k == 0 || k > del)
            {
                return false;
            }
            final AlignedRead head = AlignedRead.run();
            for (int i = 0; i < k; i++)
            {
                head.add(AlignedRead.S, e, reference.base(s - k + i));
            }
            read.splice(c + 1, cr, head);
            read.tidyEnds();
            return read.isAligned();
        }
        return false;
    }

    private static boolean putInsertion(final AlignedRead read, final ReferenceSlice reference, final int s,
        final String inserted, final int length)
    {
        final int cl = read.matchAt(s - 1);
        final int cr = read.matchAt(s);
        if (cl < 0 || cr != cl + 1)
        {
            return false;
        }
        final AlignedRead ins = AlignedRead.run();
        for (int i = 0; i < inserted.length(); i++)
        {
            ins.add(AlignedRead.I, s, (byte)inserted.charAt(i));
        }
        read.splice(cr, cr, ins);
        final boolean trimRight = read.size() - cr >= cr;
        read.restoreLength(length, reference, trimRight);
        return read.isAligned();
    }

    /**
     * Gives the reference back to a read that shows the ALT allele of a biallelic SNV or simple indel. Indels are
     * recognised at every equivalent position of their repeat. Returns whether the read changed.
     */
    static boolean revert(final AlignedRead read, final ReferenceSlice reference, final SmallVariant v)
    {
        final String ref = v.ref();
        final String alt = v.alts()[0];
        final int length = read.readLength();
        if (ref.length() == 1 && alt.length() == 1)
        {
            final int c = read.matchAt(v.pos());
            if (c >= 0 && read.base(c) == alt.charAt(0))
            {
                read.setBase(c, (byte)ref.charAt(0));
                return true;
            }
            return false;
        }
        if (alt.length() == 1)
        {
            return revertDeletion(read, reference, v.pos() + 1, ref.length() - 1, length);
        }
        return revertInsertion(read, reference, v.pos() + 1, alt.substring(1), length);
    }

    private static boolean revertDeletion(final AlignedRead read, final ReferenceSlice reference, final int s,
        final int del, final int length)
    {
        int shift = 0;
        while (shift < MAX_SHIFT && reference.base(s + shift) == reference.base(s + del + shift)
            && reference.base(s + shift) != 'N')
        {
            shift++;
        }
        for (int c = 0; c < read.size(); c++)
        {
            if (read.op(c) != AlignedRead.D || (c > 0 && read.op(c - 1) == AlignedRead.D))
            {
                continue;
            }
            final int t = read.ref(c);
            if (t < s || t > s + shift)
            {
                continue;
            }
            int runEnd = c;
            while (runEnd < read.size() && read.op(runEnd) == AlignedRead.D)
            {
                runEnd++;
            }
            if (runEnd - c != del)
            {
                continue;
            }
            final AlignedRead back = AlignedRead.run();
            for (int p = t; p < t + del; p++)
            {
                back.add(AlignedRead.M, p, reference.base(p));
            }
            read.splice(c, runEnd, back);
            final boolean trimRight = read.size() - c >= c;
            read.restoreLength(length, reference, trimRight);
            return read.isAligned();
        }
        return false;
    }

    private static boolean revertInsertion(final AlignedRead read, final ReferenceSlice reference, final int s,
        final String inserted, final int length)
    {
        final int len = inserted.length();
        final StringBuilder expected = new StringBuilder(inserted);
        for (int t = s; t <= s + MAX_SHIFT; t++)
        {
            final int c = firstInsertionAt(read, t);
            if (c >= 0)
            {
                int runEnd = c;
                while (runEnd < read.size() && read.op(runEnd) == AlignedRead.I)
                {
                    runEnd++;
                }
                if (runEnd - c == len && sameBases(read, c, expected))
                {
                    read.splice(c, runEnd, null);
                    read.restoreLength(length, reference, true);
                    return read.isAligned();
                }
            }
            // Shifting an insertion right by one rotates its bases through the reference.
            final byte next = reference.base(t);
            if (next == 'N' || expected.charAt(0) != next)
            {
                return false;
            }
            expected.deleteCharAt(0).append((char)next);
        }
        return false;
    }

    private static int firstInsertionAt(final AlignedRead read, final int point)
    {
        for (int c = 1; c < read.size(); c++)
        {
            if (read.op(c) == AlignedRead.I && read.ref(c) == point && read.op(c - 1) == AlignedRead.M)
            {
                return c;
            }
        }
        return -1;
    }

    private static boolean sameBases(final AlignedRead read, final int from, final CharSequence bases)
    {
        for (int i = 0; i < bases.length(); i++)
        {
            if (read.base(from + i) != bases.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}

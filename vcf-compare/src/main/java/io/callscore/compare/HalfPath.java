package io.callscore.compare;

/**
 * One side (baseline or calls) of a path: its haplotypes being replayed, the variants decided so far
 * (included with an orientation, or excluded) and how far along the side's sorted variants it is.
 */
final class HalfPath implements Comparable<HalfPath>
{
    private final SideVariants side;
    private final HaplotypeReplay[] haplotypes;
    private IncludedNode included;
    private IntNode excluded;
    private int variantIndex = -1;
    private int variantEndPosition;
    private int includedVariantEndPosition;

    HalfPath(final SideVariants side, final int haplotypeCount, final byte[] template)
    {
        this.side = side;
        this.haplotypes = new HaplotypeReplay[haplotypeCount];
        for (int i = 0; i < haplotypeCount; i++)
        {
            haplotypes[i] = new HaplotypeReplay(side.variants(), template);
        }
    }

    HalfPath(final HalfPath other)
    {
        this.side = other.side;
        this.haplotypes = new HaplotypeReplay[other.haplotypes.length];
        for (int i = 0; i < haplotypes.length; i++)
        {
            haplotypes[i] = other.haplotypes[i].copy();
        }
        this.included = other.included;
        this.excluded = other.excluded;
        this.variantIndex = other.variantIndex;
        this.variantEndPosition = other.variantEndPosition;
        this.includedVariantEndPosition = other.includedVariantEndPosition;
    }

    /** Whether the variant at sorted index i, in orientation o, can join without overlapping an included allele. */
    boolean canInclude(final int i, final int[] orientation)
    {
        if (side.start(i) >= includedVariantEndPosition)
        {
            return true;
        }
        for (int h = 0; h < haplotypes.length; h++)
        {
            if (!haplotypes[h].isNew(side.allele(i, orientation[h])))
            {
                return false;
            }
        }
        return true;
    }

    void exclude(final int i)
    {
        excluded = new IntNode(i, excluded);
        variantEndPosition = Math.max(variantEndPosition, side.end(i));
        variantIndex = i;
    }

    void include(final int i, final int[] orientation)
    {
        included = IncludedNode.push(included, i, orientation);
        variantEndPosition = Math.max(variantEndPosition, side.end(i));
        variantIndex = i;
        includedVariantEndPosition = Math.max(includedVariantEndPosition, side.end(i));
        for (int h = 0; h < haplotypes.length; h++)
        {
            haplotypes[h].add(side.allele(i, orientation[h]));
        }
    }

    boolean wantsFutureVariantBases()
    {
        for (final HaplotypeReplay h : haplotypes)
        {
            if (h.wantsFutureVariantBases())
            {
                return true;
            }
        }
        return false;
    }

    void step()
    {
        for (final HaplotypeReplay h : haplotypes)
        {
            h.step();
        }
    }

    void step(final int haplotype)
    {
        haplotypes[haplotype].step();
    }

    boolean finished()
    {
        for (final HaplotypeReplay h : haplotypes)
        {
            if (!h.finished())
            {
                return false;
            }
        }
        return true;
    }

    IncludedNode included()
    {
        return included;
    }

    IntNode excluded()
    {
        return excluded;
    }

    int variantIndex()
    {
        return variantIndex;
    }

    void variantIndex(final int index)
    {
        variantIndex = index;
    }

    int includedVariantEndPosition()
    {
        return includedVariantEndPosition;
    }

    int variantEndPosition()
    {
        return variantEndPosition;
    }

    /** The furthest reference position of any haplotype. */
    int position()
    {
        int m = haplotypes[0].templatePosition();
        for (int i = 1; i < haplotypes.length; i++)
        {
            m = Math.max(m, haplotypes[i].templatePosition());
        }
        return m;
    }

    void moveForward(final int position)
    {
        for (final HaplotypeReplay h : haplotypes)
        {
            h.moveForward(position);
        }
    }

    boolean matches(final HalfPath other)
    {
        for (int i = 0; i < haplotypes.length; i++)
        {
            if (!haplotypes[i].matches(other.haplotypes[i]))
            {
                return false;
            }
        }
        return true;
    }

    /** The haplotype that lags behind the others, or -1 when all are at the same position. */
    int trailingHaplotype()
    {
        int minHaplotype = 0;
        int min = haplotypes[0].templatePosition();
        int max = min;
        for (int i = 1; i < haplotypes.length; i++)
        {
            final int p = haplotypes[i].templatePosition();
            if (p < min)
            {
                min = p;
                minHaplotype = i;
            }
            else if (p > min)
            {
                max = p;
            }
        }
        return min == max ? -1 : minHaplotype;
    }

    boolean isOnTemplate()
    {
        for (final HaplotypeReplay h : haplotypes)
        {
            if (!h.isOnTemplate())
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(final HalfPath that)
    {
        for (int i = 0; i < haplotypes.length; i++)
        {
            final int c = haplotypes[i].compareTo(that.haplotypes[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof HalfPath h && compareTo(h) == 0;
    }

    @Override
    public int hashCode()
    {
        return haplotypes[0].hashCode();
    }
}

package io.callscore.compare;

import io.callscore.vcf.ContigVariants;

import java.util.Arrays;

/**
 * One side (baseline or calls) of a path: its haplotypes being replayed, the variants decided so far (included
 * with an orientation, or excluded) and how far along the side's sorted variants it is.
 *
 * <p>Each haplotype is the reference with a queue of allele substitutions, replayed base by base: on reaching an
 * allele's start the allele's bases are emitted instead of its reference interval, then replay resumes at the
 * interval's end. Paths branch constantly, so the replay state is flat and cheap to copy:
 * <pre>
 * state[h * STRIDE + ...]   POSITION  reference position of the current base (-1 before the start)
 *                           IN_ALLELE offset in the current allele, or OFF_ALLELE when on the reference
 *                           LAST_END  end of the last allele added (an allele must start at or after it)
 *                           CURRENT   allele being or next to be replayed (handle), or -1
 *                           FINISHED  1 once the haplotype has stepped past the reference end
 * queue[h]                  alleles after CURRENT, in order; copy-on-write (shared between copies)
 * </pre>
 */
final class HalfPath implements Comparable<HalfPath>
{
    private static final int POSITION = 0;
    private static final int IN_ALLELE = 1;
    private static final int LAST_END = 2;
    private static final int CURRENT = 3;
    private static final int FINISHED = 4;
    private static final int STRIDE = 5;
    private static final int OFF_ALLELE = -1;
    private static final int[] EMPTY = new int[0];
    /** Emitted past the reference end; a finished haplotype matches anything, so the value is never compared. */
    private static final byte BEYOND_END = 0;

    private final SideVariants side;
    private final ContigVariants alleles;
    private final byte[] template;
    private final int haplotypes;
    private final int[] state;
    private final int[][] queue;
    private IncludedNode included;
    private IntNode excluded;
    private int variantIndex = -1;
    private int variantEndPosition;
    private int includedVariantEndPosition;

    HalfPath(final SideVariants side, final int haplotypeCount, final byte[] template)
    {
        this.side = side;
        this.alleles = side.variants();
        this.template = template;
        this.haplotypes = haplotypeCount;
        this.state = new int[haplotypeCount * STRIDE];
        this.queue = new int[haplotypeCount][];
        for (int h = 0; h < haplotypeCount; h++)
        {
            final int b = h * STRIDE;
            state[b + POSITION] = -1;
            state[b + IN_ALLELE] = OFF_ALLELE;
            state[b + LAST_END] = -1;
            state[b + CURRENT] = -1;
            queue[h] = EMPTY;
        }
    }

    HalfPath(final HalfPath other)
    {
        this.side = other.side;
        this.alleles = other.alleles;
        this.template = other.template;
        this.haplotypes = other.haplotypes;
        this.state = other.state.clone();
        this.queue = other.queue.clone();
        this.included = other.included;
        this.excluded = other.excluded;
        this.variantIndex = other.variantIndex;
        this.variantEndPosition = other.variantEndPosition;
        this.includedVariantEndPosition = other.includedVariantEndPosition;
    }

    // ---- one haplotype's replay ---------------------------------------------------------------------------------

    /** Queues an allele (handle, or -1 for "nothing to replay") on haplotype h. */
    private void add(final int h, final int a)
    {
        if (a < 0)
        {
            return;
        }
        if (alleles.alleleStart(a) == alleles.alleleEnd(a) && alleles.alleleLength(a) == 0)
        {
            return; // the REF side of a pure insertion changes nothing and blocks nothing
        }
        final int b = h * STRIDE;
        state[b + LAST_END] = alleles.alleleEnd(a);
        if (state[b + CURRENT] < 0)
        {
            state[b + CURRENT] = a;
        }
        else
        {
            final int[] q = queue[h];
            final int[] grown = Arrays.copyOf(q, q.length + 1);
            grown[q.length] = a;
            queue[h] = grown;
        }
    }

    private byte base(final int h)
    {
        final int b = h * STRIDE;
        final int inAllele = state[b + IN_ALLELE];
        if (inAllele == OFF_ALLELE)
        {
            final int position = state[b + POSITION];
            return position < template.length ? template[position] : BEYOND_END;
        }
        return alleles.bases()[alleles.alleleOffset(state[b + CURRENT]) + inAllele];
    }

    private void stepHaplotype(final int h)
    {
        if (state[h * STRIDE + POSITION] < template.length - 1)
        {
            next(h);
        }
        else
        {
            state[h * STRIDE + FINISHED] = 1;
        }
    }

    private void next(final int h)
    {
        final int b = h * STRIDE;
        int current = state[b + CURRENT];
        if (state[b + IN_ALLELE] == OFF_ALLELE)
        {
            ++state[b + POSITION];
            if (current >= 0 && alleles.alleleStart(current) == state[b + POSITION])
            {
                state[b + IN_ALLELE] = 0;
            }
        }
        else
        {
            ++state[b + IN_ALLELE];
        }
        if (current >= 0)
        {
            // Alleles may follow back to back: consume every allele whose bases are exhausted.
            while (state[b + IN_ALLELE] == alleles.alleleLength(current))
            {
                state[b + POSITION] = alleles.alleleEnd(current);
                state[b + IN_ALLELE] = OFF_ALLELE;
                final int[] q = queue[h];
                if (q.length == 0)
                {
                    current = -1;
                    break;
                }
                current = q[0];
                queue[h] = q.length == 1 ? EMPTY : Arrays.copyOfRange(q, 1, q.length);
                if (state[b + POSITION] < alleles.alleleStart(current))
                {
                    break;
                }
                state[b + IN_ALLELE] = 0;
            }
            state[b + CURRENT] = current;
        }
    }

    private boolean wantsFutureVariantBases(final int h)
    {
        final int b = h * STRIDE;
        final int current = state[b + CURRENT];
        if (current < 0)
        {
            return true;
        }
        final int inAllele = state[b + IN_ALLELE];
        if (inAllele != OFF_ALLELE && inAllele < alleles.alleleLength(current) - 1)
        {
            return false;
        }
        for (final int a : queue[h])
        {
            if (alleles.alleleLength(a) > 0)
            {
                return false;
            }
        }
        return true;
    }

    private int compareHaplotype(final int h, final HalfPath that)
    {
        final int b = h * STRIDE;
        int c = Integer.compare(state[b + POSITION], that.state[b + POSITION]);
        if (c != 0)
        {
            return c;
        }
        final int mine = state[b + CURRENT];
        final int theirs = that.state[b + CURRENT];
        if (mine < 0)
        {
            return theirs < 0 ? 0 : -1;
        }
        if (theirs < 0)
        {
            return 1;
        }
        c = alleles.compareAlleles(mine, theirs);
        if (c != 0)
        {
            return c;
        }
        c = Integer.compare(state[b + IN_ALLELE], that.state[b + IN_ALLELE]);
        if (c != 0)
        {
            return c;
        }
        final int[] q = queue[h];
        final int[] r = that.queue[h];
        if (q == r)
        {
            return 0;
        }
        for (int i = 0; i < q.length; i++)
        {
            if (i == r.length)
            {
                return 1;
            }
            c = alleles.compareAlleles(q[i], r[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return q.length < r.length ? -1 : 0;
    }

    // ---- the half path --------------------------------------------------------------------------------------------

    /** Whether the variant at sorted index i, in orientation o, can join without overlapping an included allele. */
    boolean canInclude(final int i, final int[] orientation)
    {
        if (side.start(i) >= includedVariantEndPosition)
        {
            return true;
        }
        for (int h = 0; h < haplotypes; h++)
        {
            final int a = side.allele(i, orientation[h]);
            if (a >= 0 && alleles.alleleStart(a) < state[h * STRIDE + LAST_END])
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
        for (int h = 0; h < haplotypes; h++)
        {
            add(h, side.allele(i, orientation[h]));
        }
    }

    /**
     * Includes (orientation not null) or excludes the variant at sorted index i without recording it in the lists:
     * the caller records the decision in {@link SettledDecisions}.
     */
    void settle(final int i, final int[] orientation)
    {
        variantEndPosition = Math.max(variantEndPosition, side.end(i));
        variantIndex = i;
        if (orientation != null)
        {
            includedVariantEndPosition = Math.max(includedVariantEndPosition, side.end(i));
            for (int h = 0; h < haplotypes; h++)
            {
                add(h, side.allele(i, orientation[h]));
            }
        }
    }

    boolean wantsFutureVariantBases()
    {
        for (int h = 0; h < haplotypes; h++)
        {
            if (wantsFutureVariantBases(h))
            {
                return true;
            }
        }
        return false;
    }

    void step()
    {
        for (int h = 0; h < haplotypes; h++)
        {
            stepHaplotype(h);
        }
    }

    void step(final int haplotype)
    {
        stepHaplotype(haplotype);
    }

    boolean finished()
    {
        for (int h = 0; h < haplotypes; h++)
        {
            if (state[h * STRIDE + FINISHED] == 0)
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

    /** Forgets the decision lists once {@link SettledDecisions} holds them. */
    void clearDecisions()
    {
        included = null;
        excluded = null;
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
        int m = state[POSITION];
        for (int h = 1; h < haplotypes; h++)
        {
            m = Math.max(m, state[h * STRIDE + POSITION]);
        }
        return m;
    }

    /** Jumps every haplotype to just past reference position {@code position - 1}; only between alleles. */
    void moveForward(final int position)
    {
        for (int h = 0; h < haplotypes; h++)
        {
            if (state[h * STRIDE + IN_ALLELE] != OFF_ALLELE)
            {
                throw new IllegalStateException("cannot jump while replaying an allele");
            }
            state[h * STRIDE + POSITION] = position - 1;
            next(h);
        }
    }

    /** Every haplotype emits the same base as the other side's (a finished haplotype matches anything). */
    boolean matches(final HalfPath other)
    {
        for (int h = 0; h < haplotypes; h++)
        {
            if (state[h * STRIDE + FINISHED] == 0 && other.state[h * STRIDE + FINISHED] == 0 && base(h) != other.base(h))
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
        int min = state[POSITION];
        int max = min;
        for (int h = 1; h < haplotypes; h++)
        {
            final int p = state[h * STRIDE + POSITION];
            if (p < min)
            {
                min = p;
                minHaplotype = h;
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
        for (int h = 0; h < haplotypes; h++)
        {
            if (state[h * STRIDE + IN_ALLELE] != OFF_ALLELE)
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(final HalfPath that)
    {
        for (int h = 0; h < haplotypes; h++)
        {
            final int c = compareHaplotype(h, that);
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
        return state[POSITION] * 31 + state[IN_ALLELE];
    }
}

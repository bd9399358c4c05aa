package io.callscore.compare;

import io.callscore.vcf.ContigVariants;

import java.util.Arrays;

/**
 * One side (baseline or calls) of a path: its haplotypes being replayed, the variants decided so far (included
 * with an orientation, or excluded) and how far along the side's sorted variants it is.
 *
 * <p>Each haplotype is the reference with a queue of allele substitutions, replayed base by base: on reaching an
 * allele's start the allele's bases are emitted instead of its reference interval, then replay resumes at the
 * interval's end. Paths branch constantly, so the replay state is flat and cheap to copy into a recycled half path:
 * <pre>
 * state[h * STRIDE + ...]   POSITION    reference position of the current base (-1 before the start)
 *                           IN_ALLELE   offset in the current allele, or OFF_ALLELE when on the reference
 *                           LAST_END    end of the last allele added (an allele must start at or after it)
 *                           CURRENT     allele being or next to be replayed (handle), or -1
 *                           FINISHED    1 once the haplotype has stepped past the reference end
 *                           QUEUE_HEAD  index in queue[h] of the first allele after CURRENT
 *                           QUEUE_SIZE  number of alleles after CURRENT
 * queue[h]                  alleles after CURRENT, in order, at [QUEUE_HEAD, QUEUE_HEAD + QUEUE_SIZE)
 * </pre>
 * A half path owns its arrays (nothing is shared between copies) and keeps their capacity when it is recycled: it
 * belongs to one {@link Path} and is pooled with it ({@link PathPool}). The decision lists live in
 * {@link ListNodes}; the half path holds the index of their newest nodes.
 */
final class HalfPath
{
    private static final int POSITION = 0;
    private static final int IN_ALLELE = 1;
    private static final int LAST_END = 2;
    private static final int CURRENT = 3;
    private static final int FINISHED = 4;
    private static final int QUEUE_HEAD = 5;
    private static final int QUEUE_SIZE = 6;
    private static final int STRIDE = 7;
    private static final int OFF_ALLELE = -1;
    private static final int INITIAL_QUEUE = 4;
    /** Emitted past the reference end; a finished haplotype matches anything, so the value is never compared. */
    private static final byte BEYOND_END = 0;

    private final ListNodes nodes;
    private SideVariants side;
    private ContigVariants alleles;
    private byte[] template;
    private int haplotypes;
    private int[] state = new int[2 * STRIDE];
    private int[][] queue = new int[0][];
    private int included = ListNodes.NIL;
    private int excluded = ListNodes.NIL;
    private int variantIndex = -1;
    private int variantEndPosition;
    private int includedVariantEndPosition;

    /** An empty half path whose lists live in {@code nodes}; {@link #start} or {@link #copyFrom} gives it a state. */
    HalfPath(final ListNodes nodes)
    {
        this.nodes = nodes;
    }

    /** Becomes the start of a search: every haplotype before the reference start, nothing decided. */
    void start(final SideVariants side, final int haplotypeCount, final byte[] template)
    {
        this.side = side;
        this.alleles = side.variants();
        this.template = template;
        this.haplotypes = haplotypeCount;
        ensureHaplotypes(haplotypeCount);
        for (int h = 0; h < haplotypeCount; h++)
        {
            final int b = h * STRIDE;
            state[b + POSITION] = -1;
            state[b + IN_ALLELE] = OFF_ALLELE;
            state[b + LAST_END] = -1;
            state[b + CURRENT] = -1;
            state[b + FINISHED] = 0;
            state[b + QUEUE_HEAD] = 0;
            state[b + QUEUE_SIZE] = 0;
        }
        this.included = ListNodes.NIL;
        this.excluded = ListNodes.NIL;
        this.variantIndex = -1;
        this.variantEndPosition = 0;
        this.includedVariantEndPosition = 0;
    }

    /** Becomes a copy of {@code other} (same side, same replay state, same decision lists). */
    void copyFrom(final HalfPath other)
    {
        if (alleles != other.alleles || side != other.side || template != other.template)
        {
            // A recycled half path usually served the same contig: skipping equal stores spares the GC barriers.
            // (The workspace's SideVariants are reused for other contigs, so the variants are checked too.)
            this.side = other.side;
            this.alleles = other.alleles;
            this.template = other.template;
        }
        final int haplotypeCount = other.haplotypes;
        this.haplotypes = haplotypeCount;
        ensureHaplotypes(haplotypeCount);
        System.arraycopy(other.state, 0, state, 0, haplotypeCount * STRIDE);
        for (int h = 0; h < haplotypeCount; h++)
        {
            final int b = h * STRIDE;
            final int n = other.state[b + QUEUE_SIZE];
            if (n > 0)
            {
                if (queue[h].length < n)
                {
                    queue[h] = new int[Math.max(n, queue[h].length * 2)];
                }
                System.arraycopy(other.queue[h], other.state[b + QUEUE_HEAD], queue[h], 0, n);
            }
            state[b + QUEUE_HEAD] = 0;
        }
        this.included = other.included;
        this.excluded = other.excluded;
        this.variantIndex = other.variantIndex;
        this.variantEndPosition = other.variantEndPosition;
        this.includedVariantEndPosition = other.includedVariantEndPosition;
    }

    private void ensureHaplotypes(final int haplotypeCount)
    {
        if (state.length < haplotypeCount * STRIDE)
        {
            state = new int[haplotypeCount * STRIDE];
        }
        if (queue.length < haplotypeCount)
        {
            final int old = queue.length;
            queue = Arrays.copyOf(queue, haplotypeCount);
            for (int h = old; h < haplotypeCount; h++)
            {
                queue[h] = new int[INITIAL_QUEUE];
            }
        }
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
            int[] q = queue[h];
            int head = state[b + QUEUE_HEAD];
            final int n = state[b + QUEUE_SIZE];
            if (head + n == q.length)
            {
                if (head > 0)
                {
                    System.arraycopy(q, head, q, 0, n);
                    head = 0;
                    state[b + QUEUE_HEAD] = 0;
                }
                else
                {
                    q = Arrays.copyOf(q, q.length * 2);
                    queue[h] = q;
                }
            }
            q[head + n] = a;
            state[b + QUEUE_SIZE] = n + 1;
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
                final int n = state[b + QUEUE_SIZE];
                if (n == 0)
                {
                    current = -1;
                    break;
                }
                final int head = state[b + QUEUE_HEAD];
                current = queue[h][head];
                state[b + QUEUE_HEAD] = n == 1 ? 0 : head + 1;
                state[b + QUEUE_SIZE] = n - 1;
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
        final int[] q = queue[h];
        final int head = state[b + QUEUE_HEAD];
        for (int i = head; i < head + state[b + QUEUE_SIZE]; i++)
        {
            if (alleles.alleleLength(q[i]) > 0)
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
        final int qh = state[b + QUEUE_HEAD];
        final int rh = that.state[b + QUEUE_HEAD];
        final int n = state[b + QUEUE_SIZE];
        final int m = that.state[b + QUEUE_SIZE];
        for (int i = 0; i < n; i++)
        {
            if (i == m)
            {
                return 1;
            }
            c = alleles.compareAlleles(q[qh + i], r[rh + i]);
            if (c != 0)
            {
                return c;
            }
        }
        return n < m ? -1 : 0;
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
        excluded = nodes.push(excluded, i);
        variantEndPosition = Math.max(variantEndPosition, side.end(i));
        variantIndex = i;
    }

    void include(final int i, final int[] orientation)
    {
        included = nodes.push(included, i, orientation);
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

    /** Newest node of the included-variants list in {@link ListNodes}, or {@link ListNodes#NIL}. */
    int included()
    {
        return included;
    }

    /** Forgets the decision lists once {@link SettledDecisions} holds them. */
    void clearDecisions()
    {
        included = ListNodes.NIL;
        excluded = ListNodes.NIL;
    }

    /** Newest node of the excluded-variants list in {@link ListNodes}, or {@link ListNodes#NIL}. */
    int excluded()
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

    /** Orders replay states; 0 means the same search node (decisions aside). */
    int compareTo(final HalfPath that)
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
}

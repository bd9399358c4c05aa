package io.callscore.compare;

import io.callscore.vcf.ContigVariants;

import java.util.Arrays;

/**
 * One haplotype of one side, replayed base by base: the reference with a queue of allele substitutions. On
 * reaching an allele's start the allele's bases are emitted instead of its reference interval, then replay
 * resumes at the interval's end. Copied when a path branches, so its state is a few ints and a short queue.
 */
final class HaplotypeReplay implements Comparable<HaplotypeReplay>
{
    private static final int OFF_ALLELE = -1;
    /** Returned past the reference end; a finished haplotype matches anything, so the value is never compared. */
    private static final byte BEYOND_END = 0;

    private final ContigVariants alleles;
    private final byte[] template;
    private int templatePosition = -1;
    private int positionInAllele = OFF_ALLELE;
    private int lastAlleleEnd = -1;
    private int current = -1;
    private int[] queue;
    private int queueHead;
    private int queueTail;
    private boolean finished;

    HaplotypeReplay(final ContigVariants alleles, final byte[] template)
    {
        this.alleles = alleles;
        this.template = template;
        this.queue = new int[2];
    }

    private HaplotypeReplay(final HaplotypeReplay other)
    {
        this.alleles = other.alleles;
        this.template = other.template;
        this.templatePosition = other.templatePosition;
        this.positionInAllele = other.positionInAllele;
        this.lastAlleleEnd = other.lastAlleleEnd;
        this.current = other.current;
        final int queued = other.queueTail - other.queueHead;
        this.queue = queued == 0 ? new int[2] : Arrays.copyOfRange(other.queue, other.queueHead,
            other.queueHead + Math.max(queued, 2));
        this.queueHead = 0;
        this.queueTail = queued;
        this.finished = other.finished;
    }

    HaplotypeReplay copy()
    {
        return new HaplotypeReplay(this);
    }

    /** Queues an allele (handle, or -1 for "nothing to replay"). */
    void add(final int a)
    {
        if (a < 0)
        {
            return;
        }
        if (alleles.alleleStart(a) == alleles.alleleEnd(a) && alleles.alleleLength(a) == 0)
        {
            return; // the REF side of a pure insertion changes nothing and blocks nothing
        }
        lastAlleleEnd = alleles.alleleEnd(a);
        if (current < 0)
        {
            current = a;
        }
        else
        {
            if (queueTail == queue.length)
            {
                if (queueHead > 0)
                {
                    System.arraycopy(queue, queueHead, queue, 0, queueTail - queueHead);
                    queueTail -= queueHead;
                    queueHead = 0;
                }
                else
                {
                    queue = Arrays.copyOf(queue, queue.length * 2);
                }
            }
            queue[queueTail++] = a;
        }
    }

    /** An allele may join this haplotype only at or after the end of the last allele added to it. */
    boolean isNew(final int a)
    {
        return a < 0 || alleles.alleleStart(a) >= lastAlleleEnd;
    }

    byte base()
    {
        if (positionInAllele == OFF_ALLELE)
        {
            return templatePosition < template.length ? template[templatePosition] : BEYOND_END;
        }
        return alleles.bases()[alleles.alleleOffset(current) + positionInAllele];
    }

    boolean hasNext()
    {
        return templatePosition < template.length - 1;
    }

    void step()
    {
        if (hasNext())
        {
            next();
        }
        else
        {
            finished = true;
        }
    }

    boolean finished()
    {
        return finished;
    }

    /** True when no queued allele still has bases to emit: the haplotype could use bases of a later variant. */
    boolean wantsFutureVariantBases()
    {
        if (current < 0)
        {
            return true;
        }
        if (positionInAllele != OFF_ALLELE && positionInAllele < alleles.alleleLength(current) - 1)
        {
            return false;
        }
        for (int i = queueHead; i < queueTail; i++)
        {
            if (alleles.alleleLength(queue[i]) > 0)
            {
                return false;
            }
        }
        return true;
    }

    void next()
    {
        if (positionInAllele == OFF_ALLELE)
        {
            ++templatePosition;
            if (current >= 0 && alleles.alleleStart(current) == templatePosition)
            {
                positionInAllele = 0;
            }
        }
        else
        {
            ++positionInAllele;
        }
        if (current >= 0)
        {
            // Alleles may follow back to back: consume every allele whose bases are exhausted.
            while (positionInAllele == alleles.alleleLength(current))
            {
                templatePosition = alleles.alleleEnd(current);
                positionInAllele = OFF_ALLELE;
                if (queueHead == queueTail)
                {
                    current = -1;
                    break;
                }
                current = queue[queueHead++];
                if (templatePosition < alleles.alleleStart(current))
                {
                    break;
                }
                positionInAllele = 0;
            }
        }
    }

    boolean isOnTemplate()
    {
        return positionInAllele == OFF_ALLELE;
    }

    int templatePosition()
    {
        return templatePosition;
    }

    int positionInAllele()
    {
        return positionInAllele;
    }

    /** Jumps to just past reference position {@code position - 1}; only between alleles. */
    void moveForward(final int position)
    {
        if (!isOnTemplate())
        {
            throw new IllegalStateException("cannot jump while replaying an allele");
        }
        templatePosition = position - 1;
        next();
    }

    boolean matches(final HaplotypeReplay other)
    {
        return finished || other.finished || base() == other.base();
    }

    @Override
    public int compareTo(final HaplotypeReplay that)
    {
        int c = Integer.compare(templatePosition, that.templatePosition);
        if (c != 0)
        {
            return c;
        }
        if (current < 0)
        {
            return that.current < 0 ? 0 : -1;
        }
        if (that.current < 0)
        {
            return 1;
        }
        c = alleles.compareAlleles(current, that.current);
        if (c != 0)
        {
            return c;
        }
        c = Integer.compare(positionInAllele, that.positionInAllele);
        if (c != 0)
        {
            return c;
        }
        int i = queueHead;
        int j = that.queueHead;
        while (i < queueTail)
        {
            if (j == that.queueTail)
            {
                return 1;
            }
            c = alleles.compareAlleles(queue[i++], that.queue[j++]);
            if (c != 0)
            {
                return c;
            }
        }
        return j < that.queueTail ? -1 : 0;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof HaplotypeReplay h && compareTo(h) == 0;
    }

    @Override
    public int hashCode()
    {
        return templatePosition * 31 + positionInAllele;
    }
}

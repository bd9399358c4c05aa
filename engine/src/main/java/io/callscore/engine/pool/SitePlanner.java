package io.callscore.engine.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the edits of one window: new variants to spike in and truth variants to spike out.
 *
 * <p>Spike-in sites are drawn uniformly over the confident bases of the window. Each is written left-aligned (as
 * VCF normalisation writes it) and takes up its whole repeat: the span over which the indel could be shifted. That
 * span, widened by the minimum distance, must hold no truth variant, no other spike and no N, so a spike never
 * interacts with the sample's own variants. Heterozygous spikes go on haplotype 0 or 1 at random ({@code gt0}/
 * {@code gt1} say which), a third of the spikes are homozygous.
 *
 * <p>Spike-out variants are drawn from the window's confident truth variants that the read editor can revert
 * (biallelic SNVs and simple indels up to 50 bp): at least one per window when the fraction is not zero, so that
 * returning the public truth always costs false positives.
 */
final class SitePlanner
{
    /** The spikes and reversions of a window. */
    record Plan(List<SmallVariant> spikes, List<SmallVariant> reverted)
    {
    }

    private static final byte[] ACGT = {'A', 'C', 'G', 'T'};
    private static final int ATTEMPTS_PER_SITE = 60;
    private static final int N_GUARD = 10;
    private static final int MAX_REVERTED_INDEL = 50;

    private final ReferenceSlice reference;
    private final int[] mask;
    private final List<SmallVariant> truth;
    private final int minDistance;
    private final SplittableRandom random;
    private final List<int[]> taken = new ArrayList<>();

    /**
     * @param reference   the window's reference slice (source coordinates)
     * @param mask        confident intervals inside the window, flat sorted {start, end} pairs
     * @param truth       truth variants of the window and its margin, sorted by position
     * @param minDistance least distance between a spike's span and any truth variant or other spike
     * @param random      the window's random source
     */
    SitePlanner(final ReferenceSlice reference, final int[] mask, final List<SmallVariant> truth,
        final int minDistance, final SplittableRandom random)
    {
        this.reference = reference;
        this.mask = mask;
        this.truth = truth;
        this.minDistance = minDistance;
        this.random = random;
    }

    Plan plan(final int snvs, final int indels, final double spikeOutFraction)
    {
        final List<SmallVariant> reverted = chooseReverted(spikeOutFraction);
        final List<SmallVariant> spikes = new ArrayList<>();
        final long maskBases = maskBases();
        if (maskBases > 0)
        {
            for (int k = 0; k < snvs; k++)
            {
                addSite(spikes, false, maskBases);
            }
            for (int k = 0; k < indels; k++)
            {
                addSite(spikes, true, maskBases);
            }
        }
        spikes.sort(Comparator.comparingInt(SmallVariant::pos).thenComparingInt(SmallVariant::end));
        return new Plan(List.copyOf(spikes), reverted);
    }

    private List<SmallVariant> chooseReverted(final double fraction)
    {
        final List<SmallVariant> inMask = new ArrayList<>();
        final List<SmallVariant> candidates = new ArrayList<>();
        for (final SmallVariant v : truth)
        {
            if (!insideMask(v.pos(), v.end()))
            {
                continue;
            }
            inMask.add(v);
            final boolean revertible = v.isSimpleGenotype() && (v.isSnv() || (v.isSimpleIndel()
                && Math.abs(v.ref().length() - v.alts()[0].length()) <= MAX_REVERTED_INDEL));
            if (revertible && !crowded(v))
            {
                candidates.add(v);
            }
        }
        if (fraction <= 0 || candidates.isEmpty())
        {
            return List.of();
        }
        final int count = Math.min(candidates.size(), Math.max(1, (int)Math.round(fraction * inMask.size())));
        for (int i = 0; i < count; i++)
        {
            final int j = i + random.nextInt(candidates.size() - i);
            final SmallVariant t = candidates.get(i);
            candidates.set(i, candidates.get(j));
            candidates.set(j, t);
        }
        final List<SmallVariant> out = new ArrayList<>(candidates.subList(0, count));
        out.sort(Comparator.comparingInt(SmallVariant::pos));
        return List.copyOf(out);
    }

    /** A truth variant with another one overlapping it cannot be reverted cleanly. */
    private boolean crowded(final SmallVariant v)
    {
        for (final SmallVariant o : truth)
        {
            if (o != v && o.pos() < v.end() + 1 && v.pos() < o.end() + 1)
            {
                return true;
            }
        }
        return false;
    }

    private void addSite(final List<SmallVariant> spikes, final boolean indel, final long maskBases)
    {
        for (int attempt = 0; attempt < ATTEMPTS_PER_SITE; attempt++)
        {
            final int p = maskPosition(random.nextLong(maskBases));
            final SmallVariant v = indel ? drawIndel(p) : drawSnv(p);
            if (v == null)
            {
                continue;
            }
            final int[] span = span(v);
            if (!insideMask(span[0], span[1]) || nearN(span) || nearTruth(span) || nearTaken(span))
            {
                continue;
            }
            taken.add(span);
            spikes.add(v);
            return;
        }
    }

    private SmallVariant drawSnv(final int p)
    {
        final byte ref = reference.base(p);
        if (ref == 'N')
        {
            return null;
        }
        final byte alt;
        if (random.nextInt(3) < 2)
        {
            alt = transition(ref);
        }
        else
        {
            byte b;
            do
            {
                b = ACGT[random.nextInt(4)];
            }
            while (b == ref || b == transition(ref));
            alt = b;
        }
        return genotyped(p, String.valueOf((char)ref), String.valueOf((char)alt));
    }

    private static byte transition(final byte b)
    {
        return switch (b)
        {
            case 'A' -> (byte)'G';
            case 'G' -> (byte)'A';
            case 'C' -> (byte)'T';
            default -> (byte)'C';
        };
    }

    private SmallVariant drawIndel(final int p)
    {
        // Mostly short, as real indels are: 1 + floor(Exp(mean 3)), capped at 20.
        final int length = Math.min(20, 1 + (int)Math.floor(-Math.log(1 - random.nextDouble()) * 3));
        int anchor = p;
        if (random.nextBoolean())
        {
            final String deleted = reference.bases(anchor + 1, anchor + 1 + length);
            if (deleted.indexOf('N') >= 0 || reference.base(anchor) == 'N')
            {
                return null;
            }
            // Left-align: the deleted bases may shift left while the base before them equals their last base.
            while (anchor > reference.start() + 1 && reference.base(anchor) == reference.base(anchor + length))
            {
                anchor--;
            }
            final String ref = reference.bases(anchor, anchor + 1 + length);
            return genotyped(anchor, ref, ref.substring(0, 1));
        }
        final StringBuilder ins = new StringBuilder(length);
        if (random.nextBoolean())
        {
            ins.append(reference.bases(anchor + 1, anchor + 1 + length));
        }
        else
        {
            for (int i = 0; i < length; i++)
            {
                ins.append((char)ACGT[random.nextInt(4)]);
            }
        }
        if (ins.indexOf("N") >= 0 || reference.base(anchor) == 'N')
        {
            return null;
        }
        // Left-align: rotate the inserted bases through the reference while the anchor equals their last base.
        while (anchor > reference.start() + 1 && reference.base(anchor) == ins.charAt(ins.length() - 1))
        {
            ins.insert(0, (char)reference.base(anchor)).setLength(length);
            anchor--;
        }
        final String a = String.valueOf((char)reference.base(anchor));
        return genotyped(anchor, a, a + ins);
    }

    private SmallVariant genotyped(final int pos, final String ref, final String alt)
    {
        if (random.nextInt(3) == 0)
        {
            return new SmallVariant(pos, ref, new String[] {alt}, 1, 1, false);
        }
        final boolean first = random.nextBoolean();
        return new SmallVariant(pos, ref, new String[] {alt}, first ? 1 : 0, first ? 0 : 1, false);
    }

    /** The reference span a variant takes up, including every equivalent position of an indel in its repeat. */
    int[] span(final SmallVariant v)
    {
        final String ref = v.ref();
        final String alt = v.alts()[0];
        int end = v.end();
        if (ref.length() > alt.length())
        {
            final int s = v.pos() + 1;
            final int len = ref.length() - 1;
            int shift = 0;
            while (shift < 1000 && reference.base(s + shift) == reference.base(s + len + shift)
                && reference.base(s + shift) != 'N')
            {
                shift++;
            }
            end = s + len + shift;
        }
        else if (alt.length() > ref.length())
        {
            final StringBuilder ins = new StringBuilder(alt.substring(1));
            int t = v.pos() + 1;
            while (t - v.pos() < 1000 && reference.base(t) == ins.charAt(0))
            {
                ins.deleteCharAt(0).append((char)reference.base(t));
                t++;
            }
            end = t + 1;
        }
        return new int[] {v.pos(), end};
    }

    private boolean nearN(final int[] span)
    {
        for (int p = span[0] - N_GUARD; p < span[1] + N_GUARD; p++)
        {
            if (reference.base(p) == 'N')
            {
                return true;
            }
        }
        return false;
    }

    private boolean nearTruth(final int[] span)
    {
        final int from = span[0] - minDistance;
        final int to = span[1] + minDistance;
        for (final SmallVariant t : truth)
        {
            if (t.pos() < to && from < t.end())
            {
                return true;
            }
        }
        return false;
    }

    private boolean nearTaken(final int[] span)
    {
        for (final int[] o : taken)
        {
            if (o[0] < span[1] + minDistance && span[0] - minDistance < o[1])
            {
                return true;
            }
        }
        return false;
    }

    private long maskBases()
    {
        long n = 0;
        for (int i = 0; i < mask.length; i += 2)
        {
            n += mask[i + 1] - mask[i];
        }
        return n;
    }

    private int maskPosition(final long offset)
    {
        long o = offset;
        for (int i = 0; i < mask.length; i += 2)
        {
            final int len = mask[i + 1] - mask[i];
            if (o < len)
            {
                return mask[i] + (int)o;
            }
            o -= len;
        }
        throw new IllegalStateException("offset beyond the mask");
    }

    /** Whether {@code [from, to)} lies inside one mask interval. */
    boolean insideMask(final int from, final int to)
    {
        for (int i = 0; i < mask.length; i += 2)
        {
            if (mask[i] <= from && to <= mask[i + 1])
            {
                return true;
            }
        }
        return false;
    }
}

package io.callscore.engine.miner.pileup;

import io.callscore.vcf.Bases;

import java.util.Arrays;
import java.util.List;

/**
 * Base evidence over one window of the reference, and the SNV calls it supports. Per position and base it keeps
 * the read count and three log10 likelihood sums, one per number of genotype alleles the base can match (0, 1 of
 * 2, 2 of 2), under the usual error model: a base of quality q is wrong with {@code e = 10^(-q/10)}, and a wrong
 * base is any of the other three. Any diploid genotype's likelihood is then a sum of four terms, so a site costs
 * the same whatever its depth. Arrays are reused from window to window.
 */
final class SnvEvidence
{
    private static final int MAX_QUALITY = 93;
    /** log10 P(base | genotype) for a base of quality q matching 0, 1 or 2 of the genotype's alleles. */
    private static final double[] MATCH_NONE = new double[MAX_QUALITY + 1];
    private static final double[] MATCH_ONE = new double[MAX_QUALITY + 1];
    private static final double[] MATCH_BOTH = new double[MAX_QUALITY + 1];

    static
    {
        for (int q = 0; q <= MAX_QUALITY; q++)
        {
            final double e = Math.min(0.75, Math.pow(10, -q / 10.0));
            MATCH_NONE[q] = Math.log10(e / 3);
            MATCH_ONE[q] = Math.log10((1 - e) / 2 + e / 6);
            MATCH_BOTH[q] = Math.log10(1 - e);
        }
    }

    private final PileupSettings settings;
    private final DiploidGenotyper genotyper = new DiploidGenotyper();
    private final double[] likelihood = new double[DiploidGenotyper.MAX_GENOTYPES];
    private final byte[] alleles = new byte[DiploidGenotyper.MAX_ALLELES];
    private int start;
    private int length;
    private int[] count = new int[0];
    private double[] matchNone = new double[0];
    private double[] matchOne = new double[0];
    private double[] matchBoth = new double[0];
    private int[] depth = new int[0];

    SnvEvidence(final PileupSettings settings)
    {
        this.settings = settings;
    }

    /** Clears the evidence and moves the window to {@code [start, start + length)} (0-based). */
    void reset(final int windowStart, final int windowLength)
    {
        start = windowStart;
        length = windowLength;
        if (depth.length < windowLength)
        {
            count = new int[4 * windowLength];
            matchNone = new double[4 * windowLength];
            matchOne = new double[4 * windowLength];
            matchBoth = new double[4 * windowLength];
            depth = new int[windowLength];
        }
        Arrays.fill(count, 0, 4 * windowLength, 0);
        Arrays.fill(matchNone, 0, 4 * windowLength, 0);
        Arrays.fill(matchOne, 0, 4 * windowLength, 0);
        Arrays.fill(matchBoth, 0, 4 * windowLength, 0);
        Arrays.fill(depth, 0, windowLength, 0);
    }

    /** One read base (a {@link Bases} code) at a 0-based position; low-quality and N bases only add depth. */
    void addBase(final int pos, final byte base, final int quality)
    {
        final int i = pos - start;
        if (i < 0 || i >= length)
        {
            return;
        }
        depth[i]++;
        if (base == Bases.N || base == Bases.INVALID || quality < settings.minBaseQuality())
        {
            return;
        }
        final int q = Math.min(quality, MAX_QUALITY);
        final int k = 4 * i + base - 1;
        count[k]++;
        matchNone[k] += MATCH_NONE[q];
        matchOne[k] += MATCH_ONE[q];
        matchBoth[k] += MATCH_BOTH[q];
    }

    /** A read has a deletion at a 0-based position: it counts towards depth only. */
    void addDeletion(final int pos)
    {
        final int i = pos - start;
        if (i >= 0 && i < length)
        {
            depth[i]++;
        }
    }

    /**
     * Calls every position of the window whose best genotype is not hom-ref, in position order. Near the indels
     * in {@code zones}, a het with too few alt reads is filtered, and nothing is called on bases that a hom-alt
     * deletion removes.
     */
    void call(final byte[] ref, final List<VariantCall> out, final IndelZones zones)
    {
        for (int i = 0; i < length; i++)
        {
            final byte refBase = ref[start + i];
            if (refBase == Bases.N)
            {
                continue;
            }
            final int n = chooseAlleles(i, refBase);
            if (n == 1)
            {
                continue;
            }
            final VariantCall call = genotype(i, refBase, n, zones);
            if (call != null)
            {
                out.add(call);
            }
        }
    }

    /** Fills {@link #alleles}: the reference base, then up to two alternates with enough reads, most reads first. */
    private int chooseAlleles(final int i, final byte refBase)
    {
        alleles[0] = refBase;
        byte top = Bases.INVALID;
        byte second = Bases.INVALID;
        for (byte b = Bases.A; b <= Bases.T; b++)
        {
            if (b == refBase || count[4 * i + b - 1] < settings.minAltReads())
            {
                continue;
            }
            if (top == Bases.INVALID || count[4 * i + b - 1] > count[4 * i + top - 1])
            {
                second = top;
                top = b;
            }
            else if (second == Bases.INVALID || count[4 * i + b - 1] > count[4 * i + second - 1])
            {
                second = b;
            }
        }
        if (top == Bases.INVALID)
        {
            return 1;
        }
        alleles[1] = top;
        if (second == Bases.INVALID)
        {
            return 2;
        }
        alleles[2] = second;
        return 3;
    }

    private VariantCall genotype(final int i, final byte refBase, final int n, final IndelZones zones)
    {
        for (int g = 0; g < DiploidGenotyper.genotypes(n); g++)
        {
            final byte a = alleles[DiploidGenotyper.first(g)];
            final byte b = alleles[DiploidGenotyper.second(g)];
            double sum = 0;
            for (byte base = Bases.A; base <= Bases.T; base++)
            {
                final int k = 4 * i + base - 1;
                if (count[k] == 0)
                {
                    continue;
                }
                final int matches = (base == a ? 1 : 0) + (base == b ? 1 : 0);
                sum += matches == 0 ? matchNone[k] : a != b ? matchOne[k] : matchBoth[k];
            }
            likelihood[g] = sum;
        }
        genotyper.call(likelihood, n, settings.snvHeterozygosity());
        final int best = genotyper.best();
        if (best == 0 || zones.deletedOnBothHaplotypes(start + i))
        {
            return null;
        }
        final int[] written = VariantCall.writtenAlleles(best);
        final String[] alts = new String[written.length];
        final int[] ad = new int[written.length + 1];
        ad[0] = count[4 * i + refBase - 1];
        for (int w = 0; w < written.length; w++)
        {
            alts[w] = String.valueOf((char)Bases.letter(alleles[written[w]]));
            ad[w + 1] = count[4 * i + alleles[written[w]] - 1];
        }
        final boolean misaligned = DiploidGenotyper.first(best) == 0 && zones.nearIndel(start + i)
            && ad[1] < settings.nearIndelMinBalance() * (ad[0] + ad[1]);
        return VariantCall.of(start + i + 1, String.valueOf((char)Bases.letter(refBase)), alts, best, genotyper,
            depth[i], ad, settings, misaligned);
    }
}

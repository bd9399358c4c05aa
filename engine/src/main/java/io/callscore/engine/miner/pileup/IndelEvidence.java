package io.callscore.engine.miner.pileup;

import io.callscore.vcf.Bases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Indel evidence over one window of the reference, and the indel calls it supports. Each insertion or deletion in
 * a read's CIGAR is moved to its leftmost equivalent position, so reads that place it differently in a repeat
 * count together. A site is genotyped from the fraction of informative reads that carry each indel allele:
 * a read is informative when it covers the whole repeat the indel can slide in, plus a few bases either side
 * (closer to its end an aligner clips rather than opens a gap). Indels are rare, so the evidence is a map.
 */
final class IndelEvidence
{
    /** Bases a read must extend past the indel's repeat, on each side, to count as informative. */
    private static final int INFORMATIVE_FLANK = 5;

    /** Slots of a site's counts: reads carrying the indel, those of them informative, and the repeat end. */
    private static final int ALL = 0;
    private static final int INFORMATIVE = 1;
    private static final int REPEAT_END = 2;

    /** An indel at its leftmost anchor: {@code deleted} reference bases removed, {@code inserted} bases added. */
    private record Key(int anchor, int deleted, String inserted)
    {
    }

    private static final Comparator<Map.Entry<Key, int[]>> SITE_ORDER = Comparator
        .comparingInt((final Map.Entry<Key, int[]> e) -> e.getKey().anchor())
        .thenComparing(e -> -e.getValue()[ALL])
        .thenComparingInt(e -> e.getKey().deleted())
        .thenComparing(e -> e.getKey().inserted());

    private final PileupSettings settings;
    private final DiploidGenotyper genotyper = new DiploidGenotyper();
    private final double[] likelihood = new double[DiploidGenotyper.MAX_GENOTYPES];
    private final int[] categoryCounts = new int[DiploidGenotyper.MAX_ALLELES];
    private final Map<Key, int[]> support = new HashMap<>();
    private int start;
    private int end;
    /** Aligned spans of the window's reads, in order of their start. */
    private final Intervals reads = new Intervals();
    private int maxReadSpan;

    IndelEvidence(final PileupSettings settings)
    {
        this.settings = settings;
    }

    /** Clears the evidence; only indels anchored in {@code [windowStart, windowEnd)} (0-based) will count. */
    void reset(final int windowStart, final int windowEnd)
    {
        start = windowStart;
        end = windowEnd;
        support.clear();
        reads.clear();
        maxReadSpan = 0;
    }

    /** A read's aligned span, 0-based inclusive; reads must come in order of their start. */
    void addRead(final int alignmentStart, final int alignmentEnd)
    {
        reads.add(alignmentStart, alignmentEnd);
        maxReadSpan = Math.max(maxReadSpan, alignmentEnd - alignmentStart);
    }

    /** A deletion of {@code length} reference bases after the 0-based {@code anchor}, in the last read added. */
    void addDeletion(final byte[] ref, final int anchor, final int length)
    {
        if (anchor < 0 || anchor + length >= ref.length)
        {
            return;
        }
        final int left = IndelNormaliser.leftDeletion(ref, anchor, length);
        final int repeatEnd = IndelNormaliser.rightDeletion(ref, anchor, length) + length + 1;
        count(new Key(left, length, ""), repeatEnd);
    }

    /**
     * An insertion of read bases {@code [from, from + length)} after the 0-based {@code anchor}, in the last read
     * added; ignored when a base is N or their mean quality is below the base-quality threshold.
     */
    void addInsertion(final byte[] ref, final int anchor, final byte[] readBases, final byte[] qualities,
        final int from, final int length)
    {
        if (anchor < 0 || anchor >= ref.length)
        {
            return;
        }
        final byte[] inserted = new byte[length];
        if (!Bases.encode(readBases, from, length, inserted, 0))
        {
            return;
        }
        int qualitySum = 0;
        for (int i = 0; i < length; i++)
        {
            if (inserted[i] == Bases.N)
            {
                return;
            }
            qualitySum += qualities.length == 0 ? settings.minBaseQuality() : qualities[from + i];
        }
        if (qualitySum < settings.minBaseQuality() * length)
        {
            return;
        }
        final int repeatEnd = IndelNormaliser.rightInsertion(ref, anchor, inserted) + 1;
        final int left = IndelNormaliser.leftInsertion(ref, anchor, inserted);
        count(new Key(left, 0, Bases.toString(inserted, 0, length)), repeatEnd);
    }

    /**
     * Counts a read carrying an indel whose repeat ends just before {@code repeatEnd}: always as support, and as
     * informative support when the read covers the repeat and its flanks, as the reads it is weighed against must.
     */
    private void count(final Key key, final int repeatEnd)
    {
        if (key.anchor() >= start && key.anchor() < end)
        {
            final int[] n = support.computeIfAbsent(key, k -> new int[] {0, 0, repeatEnd});
            n[ALL]++;
            final int last = reads.size() - 1;
            if (reads.start(last) <= key.anchor() - INFORMATIVE_FLANK
                && reads.end(last) >= repeatEnd + INFORMATIVE_FLANK)
            {
                n[INFORMATIVE]++;
            }
        }
    }

    /**
     * Calls every site whose best genotype is not hom-ref, in position order, and marks the stretch around each
     * called indel in {@code zones}.
     */
    void call(final byte[] ref, final List<VariantCall> out, final IndelZones zones)
    {
        final List<Map.Entry<Key, int[]>> sites = new ArrayList<>(support.entrySet());
        sites.sort(SITE_ORDER);
        int i = 0;
        while (i < sites.size())
        {
            int j = i + 1;
            while (j < sites.size() && sites.get(j).getKey().anchor() == sites.get(i).getKey().anchor())
            {
                j++;
            }
            final VariantCall call = genotype(ref, sites.subList(i, j), zones);
            if (call != null)
            {
                out.add(call);
            }
            i = j;
        }
    }

    /**
     * Genotypes one anchor from its indel alleles, most reads first. The top two with enough reads are the
     * candidates; reads of the others (often a candidate with a sequencing error in its inserted bases) count
     * for neither side.
     */
    private VariantCall genotype(final byte[] ref, final List<Map.Entry<Key, int[]>> site, final IndelZones zones)
    {
        final List<Key> alleles = new ArrayList<>(2);
        int informativeEnd = 0;
        int supporting = 0;
        int elsewhere = 0;
        for (final Map.Entry<Key, int[]> c : site)
        {
            final int[] n = c.getValue();
            if (alleles.size() < 2 && n[ALL] >= settings.minAltReads())
            {
                alleles.add(c.getKey());
                categoryCounts[alleles.size()] = n[INFORMATIVE];
                supporting += n[INFORMATIVE];
                informativeEnd = Math.max(informativeEnd, n[REPEAT_END]);
            }
            else
            {
                elsewhere += n[INFORMATIVE];
            }
        }
        if (alleles.isEmpty())
        {
            return null;
        }
        final int anchor = alleles.get(0).anchor();
        final int depth = Math.max(supporting, informativeReads(anchor - INFORMATIVE_FLANK,
            informativeEnd + INFORMATIVE_FLANK) - elsewhere);
        categoryCounts[0] = depth - supporting;
        final int n = alleles.size() + 1;
        likelihoods(n);
        genotyper.call(likelihood, n, settings.indelHeterozygosity());
        final int best = genotyper.best();
        if (best == 0)
        {
            return null;
        }
        zones.addIndel(anchor, informativeEnd, settings.nearIndelDistance());
        final int[] written = VariantCall.writtenAlleles(best);
        if (written.length == 1 && DiploidGenotyper.first(best) != 0 && alleles.get(written[0] - 1).deleted() > 0)
        {
            zones.addHomDeletion(anchor + 1, anchor + alleles.get(written[0] - 1).deleted());
        }
        int refLength = 0;
        for (final int w : written)
        {
            refLength = Math.max(refLength, alleles.get(w - 1).deleted());
        }
        final String refText = Bases.toString(ref, anchor, refLength + 1);
        final String[] alts = new String[written.length];
        final int[] ad = new int[written.length + 1];
        ad[0] = categoryCounts[0];
        for (int w = 0; w < written.length; w++)
        {
            final Key k = alleles.get(written[w] - 1);
            alts[w] = refText.charAt(0) + k.inserted() + refText.substring(1 + k.deleted());
            ad[w + 1] = categoryCounts[written[w]];
        }
        return VariantCall.of(anchor + 1, refText, alts, best, genotyper, depth, ad, settings, false);
    }

    /** Read categories (other, allele 1, allele 2): a read shows its own allele, or another with the error rate. */
    private void likelihoods(final int n)
    {
        final double error = settings.indelErrorRate();
        final double right = Math.log10(1 - error);
        final double wrong = Math.log10(error / (n - 1));
        final double half = Math.log10((1 - error) / 2 + error / (2 * (n - 1)));
        for (int g = 0; g < DiploidGenotyper.genotypes(n); g++)
        {
            final int a = DiploidGenotyper.first(g);
            final int b = DiploidGenotyper.second(g);
            double sum = 0;
            for (int c = 0; c < n; c++)
            {
                final boolean matchA = c == a;
                final boolean matchB = c == b;
                sum += categoryCounts[c] * (a == b ? (matchA ? right : wrong) : matchA || matchB ? half : wrong);
            }
            likelihood[g] = sum;
        }
    }

    /** Reads whose aligned span covers {@code [from, to]} (0-based). */
    private int informativeReads(final int from, final int to)
    {
        // Last read starting at or before 'from'; reads are in start order.
        int lo = 0;
        int hi = reads.size() - 1;
        int last = -1;
        while (lo <= hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (reads.start(mid) <= from)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        int covering = 0;
        for (int r = last; r >= 0 && reads.start(r) >= from - maxReadSpan; r--)
        {
            if (reads.end(r) >= to)
            {
                covering++;
            }
        }
        return covering;
    }
}

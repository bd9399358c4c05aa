package io.callscore.engine.miner.pileup;

import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SamReader;
import io.callscore.vcf.Bases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Calls SNVs and small indels from aligned reads over a region, one window of the reference at a time: each
 * window queries the indexed BAM for the reads overlapping it, piles up their bases and CIGAR indels, and calls.
 * Reads that are unmapped, secondary, supplementary, duplicates, QC failures or below the mapping-quality
 * threshold are skipped, and so are reads without bases or whose CIGAR does not match them. A base's quality is
 * capped by its read's mapping quality, so a doubtful placement cannot make a confident base. Overlapping mates
 * are counted as two reads (as a plain pileup does).
 */
final class PileupCaller
{
    /**
     * Indels are also called this far beyond each window edge (and not written), so that SNVs near an indel in
     * the next window are judged as they would be anywhere else.
     */
    private static final int INDEL_MARGIN = 200;
    /** Mapping quality 255 means "not available": treat it as a confident placement. */
    private static final int MAPQ_UNAVAILABLE = 255;
    private static final int MAPQ_ASSUMED = 60;
    /** Base quality assumed when a read has none ({@code *}). */
    private static final int QUALITY_ASSUMED = 20;

    private final SamReader reads;
    private final PileupSettings settings;
    private final SnvEvidence snvs;
    private final IndelEvidence indels;
    private final IndelZones zones = new IndelZones();
    private final List<VariantCall> indelCalls = new ArrayList<>();
    private final List<VariantCall> calls = new ArrayList<>();

    PileupCaller(final SamReader reads, final PileupSettings settings)
    {
        this.reads = reads;
        this.settings = settings;
        this.snvs = new SnvEvidence(settings);
        this.indels = new IndelEvidence(settings);
    }

    /**
     * Calls {@code [start, end)} (0-based) of a contig whose bases are {@code ref}, passing the calls to
     * {@code sink} in position order. Calls are made only at positions inside the region.
     */
    void call(final String contig, final byte[] ref, final int start, final int end,
        final Consumer<VariantCall> sink)
    {
        for (int windowStart = start; windowStart < end; windowStart += settings.windowLength())
        {
            final int windowEnd = Math.min(end, windowStart + settings.windowLength());
            final int evidenceStart = Math.max(0, windowStart - INDEL_MARGIN);
            final int evidenceEnd = Math.min(ref.length, windowEnd + INDEL_MARGIN);
            snvs.reset(windowStart, windowEnd - windowStart);
            indels.reset(evidenceStart, evidenceEnd);
            try (SAMRecordIterator it = reads.query(contig, evidenceStart + 1, evidenceEnd, false))
            {
                while (it.hasNext())
                {
                    final SAMRecord read = it.next();
                    if (usable(read))
                    {
                        pileUp(read, ref);
                    }
                }
            }
            calls.clear();
            indelCalls.clear();
            zones.clear();
            indels.call(ref, indelCalls, zones);
            snvs.call(ref, calls, zones);
            for (final VariantCall c : indelCalls)
            {
                if (c.pos() > windowStart && c.pos() <= windowEnd)
                {
                    calls.add(c);
                }
            }
            // Stable: at one position the SNV comes before the indel anchored there.
            calls.sort(Comparator.comparingInt(VariantCall::pos));
            calls.forEach(sink);
        }
    }

    /** A read that passes the filters, and has bases that its CIGAR accounts for. */
    private boolean usable(final SAMRecord read)
    {
        return !read.getReadUnmappedFlag() && !read.isSecondaryOrSupplementary() && !read.getDuplicateReadFlag()
            && !read.getReadFailsVendorQualityCheckFlag() && mappingQuality(read) >= settings.minMappingQuality()
            && read.getReadLength() > 0 && read.getReadLength() == read.getCigar().getReadLength()
            && (read.getBaseQualities().length == 0 || read.getBaseQualities().length == read.getReadLength());
    }

    private static int mappingQuality(final SAMRecord read)
    {
        final int mq = read.getMappingQuality();
        return mq == MAPQ_UNAVAILABLE ? MAPQ_ASSUMED : mq;
    }

    private void pileUp(final SAMRecord read, final byte[] ref)
    {
        final byte[] bases = read.getReadBases();
        final byte[] qualities = read.getBaseQualities();
        final int mq = mappingQuality(read);
        int refPos = read.getAlignmentStart() - 1;
        int readPos = 0;
        indels.addRead(refPos, read.getAlignmentEnd() - 1);
        final List<CigarElement> ops = read.getCigar().getCigarElements();
        for (int i = 0; i < ops.size(); i++)
        {
            final CigarOperator op = ops.get(i).getOperator();
            final int length = ops.get(i).getLength();
            switch (op)
            {
                case M, EQ, X ->
                {
                    for (int k = 0; k < length && refPos + k < ref.length; k++)
                    {
                        final int q = qualities.length == 0 ? QUALITY_ASSUMED : qualities[readPos + k];
                        snvs.addBase(refPos + k, Bases.code(bases[readPos + k]), Math.min(q, mq));
                    }
                    refPos += length;
                    readPos += length;
                }
                case I ->
                {
                    if (betweenAlignedBases(ops, i))
                    {
                        indels.addInsertion(ref, refPos - 1, bases, qualities, readPos, length);
                    }
                    readPos += length;
                }
                case D ->
                {
                    if (betweenAlignedBases(ops, i))
                    {
                        indels.addDeletion(ref, refPos - 1, length);
                    }
                    for (int k = 0; k < length; k++)
                    {
                        snvs.addDeletion(refPos + k);
                    }
                    refPos += length;
                }
                case N -> refPos += length;
                case S -> readPos += length;
                default ->
                {
                    // H and P consume neither read nor reference bases.
                }
            }
        }
    }

    /** An indel next to a clip or a read end is an alignment artefact more often than a variant. */
    private static boolean betweenAlignedBases(final List<CigarElement> ops, final int i)
    {
        return i > 0 && i < ops.size() - 1 && !ops.get(i - 1).getOperator().isClipping()
            && !ops.get(i + 1).getOperator().isClipping();
    }
}

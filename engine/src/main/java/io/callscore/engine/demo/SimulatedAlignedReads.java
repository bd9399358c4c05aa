package io.callscore.engine.demo;

import htsjdk.samtools.Cigar;
import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMReadGroupRecord;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceRecord;
import io.callscore.engine.pool.SmallVariant;
import io.callscore.vcf.Bases;
import io.callscore.vcf.ReferenceGenome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A simulated diploid sample as an aligner would deliver it: paired-end reads drawn from the two haplotypes of a
 * stretch of reference (the reference with a truth set's variants on the haplotypes their genotypes name), with
 * wgsim-like substitution errors, written with their <em>true</em> alignments straight to a coordinate-sorted,
 * indexed BAM. No aligner is needed, so the demo runs on a fresh machine; the pool build then treats the BAM like
 * any sequenced sample.
 *
 * <p>Alignments come from the haplotype-to-reference mapping: inserted bases are {@code I} (or {@code S} at a read
 * end), deleted reference bases {@code D}, substitutions {@code M}. As BWA's clipping penalty does, an indel with
 * fewer than {@value #MIN_ANCHOR} aligned bases between it and the read end is soft-clipped together with them.
 * Mates carry proper-pair flags, mate positions and TLEN. Reads are generated in reference order through a small
 * reorder buffer, so memory does not grow with the sample.
 */
public final class SimulatedAlignedReads
{
    /** An indel closer than this to a read end is clipped with its short anchor. */
    static final int MIN_ANCHOR = 5;
    static final String READ_GROUP = "demo";
    private static final byte[] ACGT = {'A', 'C', 'G', 'T'};

    /**
     * The read model.
     *
     * @param coverage     mean read depth (both haplotypes together)
     * @param readLength   bases per read
     * @param fragmentMean fragment length, mean
     * @param fragmentSd   fragment length, standard deviation
     * @param errorRate    mean substitution rate per base (rising from 0.5x to 1.5x along the read)
     * @param seed         seed of haplotype choice, placements and errors
     */
    public record Settings(double coverage, int readLength, int fragmentMean, int fragmentSd, double errorRate,
        long seed)
    {
        public Settings
        {
            if (coverage <= 0 || readLength < 30 || fragmentMean < readLength || fragmentSd < 0 || errorRate < 0
                || errorRate > 0.2)
            {
                throw new IllegalArgumentException("read model needs coverage > 0, read length >= 30, fragment >= "
                    + "read length, error rate in [0, 0.2]");
            }
        }
    }

    /**
     * What was written.
     *
     * @param bam        the BAM (its index beside it)
     * @param pairs      read pairs
     * @param altAlleles ALT alleles placed on the two haplotypes (a homozygous variant counts twice)
     */
    public record Result(Path bam, long pairs, int altAlleles)
    {
    }

    private SimulatedAlignedReads()
    {
    }

    /**
     * Writes {@code bam} (and its {@code .bai}) with reads over {@code [from, to)} of {@code contig}, carrying
     * {@code variants} (0-based positions; those outside the span are ignored). The header lists every contig of
     * the reference, so the BAM matches it as a real sample's BAM would.
     */
    public static Result write(final ReferenceGenome reference, final String contig, final int from, final int to,
        final List<SmallVariant> variants, final Settings settings, final Path bam)
    {
        if (from < 0 || to > reference.length(contig) || to - from < settings.fragmentMean() * 2)
        {
            throw new IllegalArgumentException("span " + contig + ":" + from + "-" + to + " is not inside the "
                + "reference or is shorter than two fragments");
        }
        final byte[] codes = reference.bases(contig);
        final byte[] ref = new byte[to - from];
        for (int i = 0; i < ref.length; i++)
        {
            ref[i] = Bases.letter(codes[from + i]);
        }
        final SplittableRandom random = new SplittableRandom(settings.seed());
        final List<SmallVariant> inside = new ArrayList<>();
        for (final SmallVariant v : variants)
        {
            if (v.pos() >= from && v.end() <= to)
            {
                inside.add(v);
            }
        }
        inside.sort(Comparator.comparingInt(SmallVariant::pos));
        final int[][] alleles = new int[inside.size()][2];
        for (int i = 0; i < inside.size(); i++)
        {
            final SmallVariant v = inside.get(i);
            final boolean swap = !v.phased() && v.gt0() != v.gt1() && random.nextBoolean();
            alleles[i][0] = swap ? v.gt1() : v.gt0();
            alleles[i][1] = swap ? v.gt0() : v.gt1();
        }
        final Haplotype[] haplotypes = {new Haplotype(ref, from, inside, alleles, 0),
            new Haplotype(ref, from, inside, alleles, 1)};

        final SAMFileHeader header = new SAMFileHeader();
        for (final String name : reference.names())
        {
            header.addSequence(new SAMSequenceRecord(name, reference.length(name)));
        }
        final SAMReadGroupRecord group = new SAMReadGroupRecord(READ_GROUP);
        group.setSample("DEMO-SAMPLE");
        group.setPlatform("ILLUMINA");
        header.addReadGroup(group);
        header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        final Generator generator = new Generator(header, header.getSequenceIndex(contig), haplotypes, ref, from,
            settings, random);
        try (SAMFileWriter writer = new SAMFileWriterFactory().setCreateIndex(true).setCompressionLevel(1)
            .makeBAMWriter(header, true, bam.toFile()))
        {
            final long pairs = generator.run(writer::addAlignment);
            return new Result(bam, pairs, haplotypes[0].placed + haplotypes[1].placed);
        }
    }

    /**
     * One haplotype of the span: its bases and, per base, the 0-based source position it aligns to, or -1 for an
     * inserted base. Variants overlapping one already placed on the same haplotype are left off.
     */
    static final class Haplotype
    {
        final byte[] bases;
        final int[] refPos;
        final int length;
        int placed;

        Haplotype(final byte[] ref, final int offset, final List<SmallVariant> sorted, final int[][] alleles,
            final int which)
        {
            byte[] b = new byte[ref.length + 1024];
            int[] p = new int[ref.length + 1024];
            int n = 0;
            int cursor = 0; // next span index to copy
            for (int i = 0; i < sorted.size(); i++)
            {
                final SmallVariant v = sorted.get(i);
                final int a = alleles[i][which];
                final int at = v.pos() - offset;
                if (a <= 0 || at < cursor)
                {
                    continue;
                }
                final String r = v.ref();
                final String alt = v.alts()[a - 1];
                if (b.length < n + (at - cursor) + alt.length() + 1)
                {
                    final int size = Math.max(b.length * 2, n + (at - cursor) + alt.length() + 1);
                    b = java.util.Arrays.copyOf(b, size);
                    p = java.util.Arrays.copyOf(p, size);
                }
                while (cursor < at)
                {
                    b[n] = ref[cursor];
                    p[n++] = offset + cursor++;
                }
                // Shared prefix and suffix align; of the middle, as many bases as both have are substitutions,
                // the rest of the ALT is inserted and the rest of the REF deleted.
                int prefix = 0;
                while (prefix < r.length() && prefix < alt.length() && r.charAt(prefix) == alt.charAt(prefix))
                {
                    prefix++;
                }
                int suffix = 0;
                while (suffix < r.length() - prefix && suffix < alt.length() - prefix
                    && r.charAt(r.length() - 1 - suffix) == alt.charAt(alt.length() - 1 - suffix))
                {
                    suffix++;
                }
                final int midRef = r.length() - prefix - suffix;
                final int midAlt = alt.length() - prefix - suffix;
                for (int k = 0; k < prefix; k++)
                {
                    b[n] = (byte)alt.charAt(k);
                    p[n++] = v.pos() + k;
                }
                for (int k = 0; k < midAlt; k++)
                {
                    b[n] = (byte)alt.charAt(prefix + k);
                    p[n++] = k < midRef ? v.pos() + prefix + k : -1;
                }
                for (int k = 0; k < suffix; k++)
                {
                    b[n] = (byte)alt.charAt(alt.length() - suffix + k);
                    p[n++] = v.pos() + r.length() - suffix + k;
                }
                cursor = at + r.length();
                placed++;
            }
            if (b.length < n + ref.length - cursor)
            {
                b = java.util.Arrays.copyOf(b, n + ref.length - cursor);
                p = java.util.Arrays.copyOf(p, n + ref.length - cursor);
            }
            while (cursor < ref.length)
            {
                b[n] = ref[cursor];
                p[n++] = offset + cursor++;
            }
            this.bases = b;
            this.refPos = p;
            this.length = n;
        }

        /** Source position of the first aligned base at or after haplotype index {@code k}, or -1. */
        int alignedFrom(final int k)
        {
            for (int i = k; i < length; i++)
            {
                if (refPos[i] >= 0)
                {
                    return refPos[i];
                }
            }
            return -1;
        }
    }

    /** Places fragments along both haplotypes in reference order and turns them into read pairs. */
    private static final class Generator
    {
        private final SAMFileHeader header;
        private final int contigIndex;
        private final Haplotype[] haplotypes;
        private final byte[] ref;
        private final int offset;
        private final Settings s;
        private final SplittableRandom random;
        private final double meanGap;
        private final PriorityQueue<Pending> buffer = new PriorityQueue<>(
            Comparator.comparingInt((Pending q) -> q.record.getAlignmentStart()).thenComparingLong(q -> q.order));
        private long order;
        private long pairs;

        private record Pending(SAMRecord record, long order)
        {
        }

        /** The next fragment of one haplotype: its start on the haplotype and its reference start. */
        private static final class Cursor
        {
            double start;
            int refStart;
        }

        Generator(final SAMFileHeader header, final int contigIndex, final Haplotype[] haplotypes, final byte[] ref,
            final int offset, final Settings s, final SplittableRandom random)
        {
            this.header = header;
            this.contigIndex = contigIndex;
            this.haplotypes = haplotypes;
            this.ref = ref;
            this.offset = offset;
            this.s = s;
            this.random = random;
            // Each haplotype carries half the depth; a pair adds 2 x read length bases.
            this.meanGap = 2.0 * s.readLength() / (s.coverage() / 2.0);
        }

        long run(final java.util.function.Consumer<SAMRecord> out)
        {
            final Cursor[] next = {new Cursor(), new Cursor()};
            for (int h = 0; h < 2; h++)
            {
                next[h].start = -meanGap * Math.log(1.0 - random.nextDouble());
                next[h].refStart = haplotypes[h].alignedFrom((int)next[h].start);
            }
            while (true)
            {
                int h = -1;
                for (int k = 0; k < 2; k++)
                {
                    if (live(k, next[k]) && (h < 0 || next[k].refStart < next[h].refStart))
                    {
                        h = k;
                    }
                }
                if (h < 0)
                {
                    break;
                }
                final Cursor c = next[h];
                while (!buffer.isEmpty() && buffer.peek().record.getAlignmentStart() - 1 < c.refStart)
                {
                    out.accept(buffer.poll().record);
                }
                fragment(haplotypes[h], (int)c.start);
                c.start += -meanGap * Math.log(1.0 - random.nextDouble());
                c.refStart = haplotypes[h].alignedFrom((int)c.start);
            }
            while (!buffer.isEmpty())
            {
                out.accept(buffer.poll().record);
            }
            return pairs;
        }

        private boolean live(final int h, final Cursor c)
        {
            return c.refStart >= 0 && (int)c.start + s.readLength() <= haplotypes[h].length;
        }

        private void fragment(final Haplotype hap, final int start)
        {
            final double g = Math.sqrt(-2 * Math.log(1.0 - random.nextDouble())) * Math.cos(2 * Math.PI
                * random.nextDouble());
            int length = (int)Math.round(s.fragmentMean() + s.fragmentSd() * g);
            length = Math.max(s.readLength(), Math.min(length, Math.min(3 * s.fragmentMean(), hap.length - start)));
            if (length < s.readLength())
            {
                return;
            }
            final boolean leftIsFirst = random.nextBoolean();
            final String name = "demo" + Long.toHexString(0x100000000L + pairs);
            final SAMRecord left = read(hap, start, false, name, leftIsFirst);
            final SAMRecord right = read(hap, start + length - s.readLength(), true, name, !leftIsFirst);
            if (left == null || right == null)
            {
                return;
            }
            final int lo = Math.min(left.getAlignmentStart(), right.getAlignmentStart());
            final int hi = Math.max(left.getAlignmentEnd(), right.getAlignmentEnd());
            final int tlen = hi - lo + 1;
            final boolean leftLeads = left.getAlignmentStart() <= right.getAlignmentStart();
            mate(left, right, leftLeads ? tlen : -tlen);
            mate(right, left, leftLeads ? -tlen : tlen);
            buffer.add(new Pending(left, order++));
            buffer.add(new Pending(right, order++));
            pairs++;
        }

        private static void mate(final SAMRecord r, final SAMRecord mate, final int tlen)
        {
            r.setMateReferenceIndex(mate.getReferenceIndex());
            r.setMateAlignmentStart(mate.getAlignmentStart());
            r.setMateNegativeStrandFlag(mate.getReadNegativeStrandFlag());
            r.setInferredInsertSize(tlen);
            r.setAttribute("MC", mate.getCigarString());
        }

        /**
         * One read of {@code readLength} bases from haplotype index {@code from}, on the reverse strand when
         * {@code reverse} (bases are stored in reference orientation either way), or null when it has no aligned
         * base or too many Ns.
         */
        private SAMRecord read(final Haplotype hap, final int from, final boolean reverse, final String name,
            final boolean first)
        {
            final int rl = s.readLength();
            final List<CigarElement> ops = new ArrayList<>();
            int alignStart = -1;
            int previous = -1;
            int ns = 0;
            for (int k = from; k < from + rl; k++)
            {
                ns += hap.bases[k] == 'N' ? 1 : 0;
                final int r = hap.refPos[k];
                if (r < 0)
                {
                    add(ops, alignStart < 0 ? CigarOperator.S : CigarOperator.I, 1);
                    continue;
                }
                if (alignStart < 0)
                {
                    alignStart = r;
                }
                else if (r > previous + 1)
                {
                    add(ops, CigarOperator.D, r - previous - 1);
                }
                add(ops, CigarOperator.M, 1);
                previous = r;
            }
            if (alignStart < 0 || ns > rl / 10)
            {
                return null;
            }
            if (ops.getLast().getOperator() == CigarOperator.I)
            {
                ops.set(ops.size() - 1, new CigarElement(ops.getLast().getLength(), CigarOperator.S));
            }
            alignStart += clipShortAnchor(ops, true);
            clipShortAnchor(ops, false);
            if (ops.stream().noneMatch(e -> e.getOperator() == CigarOperator.M))
            {
                return null;
            }
            final byte[] bases = java.util.Arrays.copyOfRange(hap.bases, from, from + rl);
            final byte[] quals = new byte[rl];
            addErrors(bases, quals, reverse);
            final SAMRecord r = new SAMRecord(header);
            r.setReadName(name);
            r.setReferenceIndex(contigIndex);
            r.setAlignmentStart(alignStart + 1);
            r.setCigar(new Cigar(ops));
            r.setMappingQuality(60);
            r.setReadPairedFlag(true);
            r.setProperPairFlag(true);
            r.setFirstOfPairFlag(first);
            r.setSecondOfPairFlag(!first);
            r.setReadNegativeStrandFlag(reverse);
            r.setReadBases(bases);
            r.setBaseQualities(quals);
            r.setAttribute("RG", READ_GROUP);
            r.setAttribute("NM", editDistance(ops, alignStart, bases));
            return r;
        }

        /** NM: mismatching aligned bases plus inserted and deleted bases. */
        private int editDistance(final List<CigarElement> ops, final int alignStart, final byte[] bases)
        {
            int nm = 0;
            int refPos = alignStart - offset;
            int readPos = 0;
            for (final CigarElement e : ops)
            {
                switch (e.getOperator())
                {
                    case M ->
                    {
                        for (int k = 0; k < e.getLength(); k++)
                        {
                            nm += bases[readPos + k] != ref[refPos + k] ? 1 : 0;
                        }
                        refPos += e.getLength();
                        readPos += e.getLength();
                    }
                    case I ->
                    {
                        nm += e.getLength();
                        readPos += e.getLength();
                    }
                    case D ->
                    {
                        nm += e.getLength();
                        refPos += e.getLength();
                    }
                    default -> readPos += e.getLength();
                }
            }
            return nm;
        }

        /**
         * Substitution errors whose rate rises linearly along the sequencing cycles, from 0.5x to 1.5x the mean
         * rate; the quality is the Phred value of that rate, +-2, and 10 lower on an erroneous base; N gets 2. A
         * reverse-strand read was sequenced from its stored end.
         */
        private void addErrors(final byte[] bases, final byte[] quals, final boolean reverse)
        {
            final int rl = bases.length;
            for (int i = 0; i < rl; i++)
            {
                final int cycle = reverse ? rl - 1 - i : i;
                final double rate = s.errorRate() * (0.5 + (double)cycle / (rl - 1));
                int q = rate <= 0 ? 41 : (int)Math.round(-10 * Math.log10(rate));
                q += random.nextInt(5) - 2;
                if (bases[i] == 'N')
                {
                    q = 2;
                }
                else if (random.nextDouble() < rate)
                {
                    byte x;
                    do
                    {
                        x = ACGT[random.nextInt(4)];
                    }
                    while (x == bases[i]);
                    bases[i] = x;
                    q -= 10;
                }
                quals[i] = (byte)Math.max(2, Math.min(41, q));
            }
        }
    }

    /**
     * Clips an indel that has fewer than {@link #MIN_ANCHOR} aligned bases between it and the read end, together
     * with those bases (repeatedly); returns how far the alignment start moved.
     */
    static int clipShortAnchor(final List<CigarElement> ops, final boolean atStart)
    {
        int moved = 0;
        while (true)
        {
            final int end = atStart ? 0 : ops.size() - 1;
            final int step = atStart ? 1 : -1;
            int i = end;
            int clipped = 0;
            if (ops.get(i).getOperator() == CigarOperator.S)
            {
                clipped = ops.get(i).getLength();
                i += step;
            }
            final int gap = i + step;
            if (i < 0 || i >= ops.size() || gap < 0 || gap >= ops.size()
                || ops.get(i).getOperator() != CigarOperator.M || ops.get(i).getLength() >= MIN_ANCHOR)
            {
                return moved;
            }
            final CigarElement indel = ops.get(gap);
            if (indel.getOperator() != CigarOperator.I && indel.getOperator() != CigarOperator.D)
            {
                return moved;
            }
            final int anchor = ops.get(i).getLength();
            clipped += anchor + (indel.getOperator() == CigarOperator.I ? indel.getLength() : 0);
            moved += atStart ? anchor + (indel.getOperator() == CigarOperator.D ? indel.getLength() : 0) : 0;
            final int lo = Math.min(end, gap);
            final int hi = Math.max(end, gap);
            for (int k = hi; k >= lo; k--)
            {
                ops.remove(k);
            }
            ops.add(atStart ? 0 : ops.size(), new CigarElement(clipped, CigarOperator.S));
        }
    }

    private static void add(final List<CigarElement> ops, final CigarOperator op, final int length)
    {
        if (!ops.isEmpty() && ops.getLast().getOperator() == op)
        {
            ops.set(ops.size() - 1, new CigarElement(ops.getLast().getLength() + length, op));
        }
        else
        {
            ops.add(new CigarElement(length, op));
        }
    }
}

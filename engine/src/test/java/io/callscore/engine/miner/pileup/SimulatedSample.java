package io.callscore.engine.miner.pileup;

import htsjdk.samtools.Cigar;
import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceRecord;
import io.callscore.engine.synthetic.SyntheticCallSets;
import io.callscore.vcf.LineReader;
import io.callscore.vcf.ReferenceGenome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded test scenario for the pileup caller: a random reference with tandem repeats, a diploid truth of SNVs,
 * MNPs and indels (from {@link SyntheticCallSets}, perfect profile), and single-end reads drawn from the two
 * haplotypes with base errors matching their qualities, written straight to a sorted, indexed BAM with the true
 * alignments. Like an aligner, an indel within a few bases of a read end is soft-clipped rather than opened.
 * 2% of reads have mapping quality 0 and many errors, and 3% are flagged duplicates of other reads (copying
 * their errors): a caller that does not skip them makes false calls.
 */
final class SimulatedSample
{
    static final String CONTIG = "chrS";
    static final int READ_LENGTH = 100;
    /** An indel closer than this to a read end is clipped, as BWA's clipping penalty makes it. */
    private static final int MIN_ANCHOR = 5;
    private static final char[] ACGT = {'A', 'C', 'G', 'T'};

    /** The files of a scenario. */
    record Files(Path reference, Path truth, Path bam, Path task)
    {
    }

    private final SplittableRandom random;

    SimulatedSample(final long seed)
    {
        this.random = new SplittableRandom(seed);
    }

    /** Writes ref.fa, truth.vcf.gz, reads.bam (+ index) and task.json into {@code dir}. */
    Files write(final Path dir, final int length, final int variants, final double coverage) throws IOException
    {
        final String ref = reference(length);
        final Path refFile = dir.resolve("ref.fa");
        java.nio.file.Files.writeString(refFile, ">" + CONTIG + "\n" + ref.replaceAll("(.{60})", "$1\n") + "\n");
        final ReferenceGenome genome = ReferenceGenome.of(Map.of(CONTIG, ref));
        final Path truth = new SyntheticCallSets(genome, List.of(), SyntheticCallSets.Profile.perfect(variants),
            random.nextLong()).write(dir.resolve("truth")).truth();
        final List<String[]> records = readTruth(truth);
        final Haplotype[] haplotypes = {new Haplotype(ref, records, 0), new Haplotype(ref, records, 1)};
        final Path bam = dir.resolve("reads.bam");
        writeReads(bam, length, haplotypes, (int)Math.round(coverage * length / READ_LENGTH));
        final Path task = dir.resolve("task.json");
        java.nio.file.Files.writeString(task, """
            {"task_id": "sim-1", "mode": "benchmark", "ref_build": "sim", "input_type": "BAM",
             "data_locator": {"bam": "reads.bam", "reference": "ref.fa"},
             "regions": ["%s:1-%d"], "output_format": "VCF",
             "constraints": {"include_genotypes": true, "include_filters": true}}
            """.formatted(CONTIG, length));
        return new Files(refFile, truth, bam, task);
    }

    /** Random bases with a tandem repeat (homopolymer or 2-4 bp unit) every 500 bp or so. */
    private String reference(final int length)
    {
        final StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length)
        {
            if (random.nextInt(500) == 0)
            {
                final int unit = 1 + random.nextInt(4);
                final String motif = bases(unit);
                final int copies = (unit == 1 ? 8 : 4) + random.nextInt(5);
                sb.append(motif.repeat(copies));
            }
            else
            {
                sb.append(ACGT[random.nextInt(4)]);
            }
        }
        return sb.substring(0, length);
    }

    private String bases(final int n)
    {
        final StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++)
        {
            sb.append(ACGT[random.nextInt(4)]);
        }
        return sb.toString();
    }

    /** POS, REF, ALT, GT of each truth record. */
    private static List<String[]> readTruth(final Path truth)
    {
        final List<String[]> records = new ArrayList<>();
        try (LineReader r = new LineReader(truth))
        {
            while (r.next())
            {
                final String line = new String(r.bytes(), 0, r.length(), StandardCharsets.US_ASCII);
                if (!line.startsWith("#"))
                {
                    final String[] f = line.split("\t");
                    records.add(new String[] {f[1], f[3], f[4], f[9]});
                }
            }
        }
        return records;
    }

    /** One haplotype: its bases and, per base, the reference position it aligns to (-1 for inserted bases). */
    private static final class Haplotype
    {
        final byte[] bases;
        final int[] refPos;

        Haplotype(final String ref, final List<String[]> records, final int which)
        {
            final StringBuilder seq = new StringBuilder(ref.length() + 1000);
            final List<Integer> pos = new ArrayList<>(ref.length() + 1000);
            int next = 0; // next reference base to copy (0-based)
            for (final String[] rec : records)
            {
                final int allele = rec[3].charAt(which == 0 ? 0 : 2) - '0';
                if (allele == 0)
                {
                    continue;
                }
                final int p = Integer.parseInt(rec[0]) - 1;
                final String refAllele = rec[1];
                final String alt = rec[2].split(",")[allele - 1];
                for (; next < p; next++)
                {
                    seq.append(ref.charAt(next));
                    pos.add(next);
                }
                if (refAllele.length() == alt.length())
                {
                    for (int i = 0; i < alt.length(); i++)
                    {
                        seq.append(alt.charAt(i));
                        pos.add(p + i);
                    }
                }
                else
                {
                    // Padded indel: the first base is shared, the rest is inserted or deleted.
                    seq.append(alt.charAt(0));
                    pos.add(p);
                    for (int i = 1; i < alt.length(); i++)
                    {
                        seq.append(alt.charAt(i));
                        pos.add(-1);
                    }
                }
                next = p + refAllele.length();
            }
            for (; next < ref.length(); next++)
            {
                seq.append(ref.charAt(next));
                pos.add(next);
            }
            bases = seq.toString().getBytes(StandardCharsets.US_ASCII);
            refPos = pos.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private void writeReads(final Path bam, final int length, final Haplotype[] haplotypes, final int count)
    {
        final SAMFileHeader header = new SAMFileHeader();
        header.addSequence(new SAMSequenceRecord(CONTIG, length));
        header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        final List<SAMRecord> reads = new ArrayList<>(count);
        for (int n = 0; n < count; n++)
        {
            final Haplotype h = haplotypes[random.nextInt(2)];
            final SAMRecord read = read(header, h, random.nextInt(h.bases.length - READ_LENGTH), "r" + n);
            if (read == null)
            {
                continue;
            }
            reads.add(read);
            if (random.nextInt(100) < 3)
            {
                final SAMRecord dup = read.deepCopy();
                dup.setReadName("d" + n);
                dup.setDuplicateReadFlag(true);
                reads.add(dup);
            }
        }
        try (SAMFileWriter w = new SAMFileWriterFactory().setCreateIndex(true).makeBAMWriter(header, false,
            bam.toFile()))
        {
            reads.forEach(w::addAlignment);
        }
    }

    /** A read of the haplotype from {@code start} with its true alignment, or null when it aligns nowhere. */
    private SAMRecord read(final SAMFileHeader header, final Haplotype h, final int start, final String name)
    {
        final List<CigarElement> ops = new ArrayList<>();
        int alignmentStart = -1;
        int previous = -1;
        for (int k = start; k < start + READ_LENGTH; k++)
        {
            final int r = h.refPos[k];
            if (r < 0)
            {
                add(ops, alignmentStart < 0 ? CigarOperator.S : CigarOperator.I, 1);
                continue;
            }
            if (alignmentStart < 0)
            {
                alignmentStart = r;
            }
            else if (r > previous + 1)
            {
                add(ops, CigarOperator.D, r - previous - 1);
            }
            add(ops, CigarOperator.M, 1);
            previous = r;
        }
        if (alignmentStart < 0)
        {
            return null;
        }
        // A trailing insertion is a clip; an indel too near either end is clipped with its short anchor.
        if (ops.getLast().getOperator() == CigarOperator.I)
        {
            ops.set(ops.size() - 1, new CigarElement(ops.getLast().getLength(), CigarOperator.S));
        }
        alignmentStart += clipShortAnchor(ops, true);
        clipShortAnchor(ops, false);

        final SAMRecord read = new SAMRecord(header);
        read.setReadName(name);
        read.setReferenceName(CONTIG);
        read.setAlignmentStart(alignmentStart + 1);
        read.setCigar(new Cigar(ops));
        read.setReadNegativeStrandFlag(random.nextBoolean());
        final boolean junk = random.nextInt(100) < 2;
        read.setMappingQuality(junk ? 0 : 60);
        final byte[] bases = java.util.Arrays.copyOfRange(h.bases, start, start + READ_LENGTH);
        final byte[] qualities = new byte[READ_LENGTH];
        for (int i = 0; i < READ_LENGTH; i++)
        {
            final int u = random.nextInt(100);
            final int q = u < 85 ? 30 + random.nextInt(11) : u < 95 ? 20 + random.nextInt(10) : 2 + random.nextInt(11);
            qualities[i] = (byte)q;
            final double error = junk ? 0.05 : Math.pow(10, -q / 10.0);
            if (random.nextDouble() < error)
            {
                char c = ACGT[random.nextInt(4)];
                while (c == bases[i])
                {
                    c = ACGT[random.nextInt(4)];
                }
                bases[i] = (byte)c;
            }
        }
        read.setReadBases(bases);
        read.setBaseQualities(qualities);
        return read;
    }

    /**
     * Clips an indel that has fewer than {@link #MIN_ANCHOR} aligned bases between it and the read end, together
     * with those bases; returns how far the alignment start moved.
     */
    private static int clipShortAnchor(final List<CigarElement> ops, final boolean atStart)
    {
        int moved = 0;
        while (true)
        {
            final int clipAt = atStart ? 0 : ops.size() - 1;
            int clipped = 0;
            int i = clipAt;
            if (ops.get(i).getOperator() == CigarOperator.S)
            {
                clipped = ops.get(i).getLength();
                i += atStart ? 1 : -1;
            }
            if (i < 0 || i >= ops.size() || ops.get(i).getOperator() != CigarOperator.M
                || ops.get(i).getLength() >= MIN_ANCHOR)
            {
                return moved;
            }
            final int gap = i + (atStart ? 1 : -1);
            if (gap < 0 || gap >= ops.size() || ops.get(gap).getOperator().isClipping())
            {
                return moved;
            }
            final CigarElement indel = ops.get(gap);
            final int aligned = ops.get(i).getLength();
            clipped += aligned + (indel.getOperator() == CigarOperator.I ? indel.getLength() : 0);
            moved += aligned + (indel.getOperator() == CigarOperator.D ? indel.getLength() : 0);
            final int from = Math.min(clipAt, gap);
            final int to = Math.max(clipAt, gap);
            for (int k = to; k >= from; k--)
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

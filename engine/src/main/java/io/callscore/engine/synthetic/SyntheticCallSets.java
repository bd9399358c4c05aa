package io.callscore.engine.synthetic;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import io.callscore.vcf.Bases;
import io.callscore.vcf.ReferenceGenome;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of a truth set and a call set over a real reference, for benchmarks, examples and tests.
 * The truth has SNVs, MNPs, insertions (often tandem duplications) and deletions of 1-20 bp, het and hom, a few
 * {@code 1/2}. The calls are the truth rewritten the way callers disagree with it: some records missed, some
 * genotypes wrong, some alleles wrong, extra calls, and equivalent rewritings a haplotype-aware comparator must see
 * through (deletions shifted within repeats, MNPs split into SNPs, phase written either way). Same seed, same files.
 */
public final class SyntheticCallSets
{
    /** How many variants and how the calls differ from the truth. */
    public record Profile(int variants, double missRate, double genotypeErrorRate, double wrongAlleleRate,
        double extraCallRate, double shiftRate, double splitMnpRate)
    {
        /** Calls about 97% accurate, with equivalent rewritings. */
        public static Profile realistic(final int variants)
        {
            return new Profile(variants, 0.015, 0.01, 0.005, 0.01, 0.3, 0.5);
        }

        /** Calls identical to the truth. */
        public static Profile perfect(final int variants)
        {
            return new Profile(variants, 0, 0, 0, 0, 0, 0);
        }
    }

    /** What was written. */
    public record Written(Path truth, Path calls, Path regions, int truthRecords, int callRecords)
    {
    }

    private record Rec(String contig, int pos, String ref, String alt, String gt)
    {
    }

    private static final char[] ACGT = {'A', 'C', 'G', 'T'};
    private static final int MIN_GAP = 30;

    private final ReferenceGenome reference;
    private final List<String> contigs;
    private final Profile profile;
    private final SplittableRandom random;

    public SyntheticCallSets(final ReferenceGenome reference, final List<String> contigs, final Profile profile,
        final long seed)
    {
        this.reference = reference;
        this.contigs = contigs.isEmpty() ? reference.names() : contigs;
        this.profile = profile;
        this.random = new SplittableRandom(seed);
    }

    /** Writes {@code truth.vcf.gz}, {@code calls.vcf.gz} (bgzip) and {@code regions.bed} into {@code dir}. */
    public Written write(final Path dir)
    {
        final List<Rec> truth = new ArrayList<>();
        final List<Rec> calls = new ArrayList<>();
        final StringBuilder bed = new StringBuilder();
        long total = 0;
        for (final String c : contigs)
        {
            total += reference.length(c);
        }
        for (final String contig : contigs)
        {
            final byte[] seq = reference.bases(contig);
            final int n = (int)Math.round((double)profile.variants() * seq.length / total);
            generateContig(contig, seq, n, truth, calls);
            regions(contig, seq, bed);
        }
        calls.sort(Comparator.comparing(Rec::contig, Comparator.comparingInt(contigs::indexOf))
            .thenComparingInt(Rec::pos));
        try
        {
            Files.createDirectories(dir);
            final Path t = dir.resolve("truth.vcf.gz");
            final Path q = dir.resolve("calls.vcf.gz");
            final Path b = dir.resolve("regions.bed");
            writeVcf(t, "TRUTH", truth);
            writeVcf(q, "QUERY", calls);
            Files.writeString(b, bed.toString());
            return new Written(t, q, b, truth.size(), calls.size());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write synthetic call sets to " + dir + ": " + e.getMessage(), e);
        }
    }

    private void generateContig(final String contig, final byte[] seq, final int n, final List<Rec> truth,
        final List<Rec> calls)
    {
        // Exponential gaps over the non-N sequence give about n variants; spots near N are skipped.
        final double meanGap = Math.max(1.0, (double)nonN(seq) / Math.max(1, n) - MIN_GAP);
        int lastEnd = 0;
        for (int p = 1 + MIN_GAP; p < seq.length - 50; p += MIN_GAP + (int)(-meanGap * Math.log(1 - random.nextDouble())))
        {
            if (p < lastEnd + MIN_GAP || !clean(seq, p - 1, 45))
            {
                continue;
            }
            final Rec t = truthVariant(contig, seq, p);
            truth.add(t);
            lastEnd = t.pos() + t.ref().length();
            callsFor(t, seq, calls);
            if (random.nextDouble() < profile.extraCallRate())
            {
                final int q = p + 12;
                final char r = (char)Bases.letter(seq[q - 1]);
                calls.add(new Rec(contig, q, String.valueOf(r), String.valueOf(other(r)), het()));
            }
        }
    }

    private Rec truthVariant(final String contig, final byte[] seq, final int p)
    {
        final double kind = random.nextDouble();
        final String gt = random.nextDouble() < 0.58 ? "0/1" : "1/1";
        final char base = (char)Bases.letter(seq[p - 1]);
        if (kind < 0.78)
        {
            final char alt = other(base);
            if (random.nextDouble() < 0.02)
            {
                char alt2 = other(base);
                while (alt2 == alt)
                {
                    alt2 = other(base);
                }
                return new Rec(contig, p, String.valueOf(base), alt + "," + alt2, "1/2");
            }
            return new Rec(contig, p, String.valueOf(base), String.valueOf(alt), gt);
        }
        if (kind < 0.82)
        {
            final int len = 2 + random.nextInt(2);
            final StringBuilder ref = new StringBuilder();
            final StringBuilder alt = new StringBuilder();
            for (int i = 0; i < len; i++)
            {
                final char r = (char)Bases.letter(seq[p - 1 + i]);
                ref.append(r);
                alt.append(other(r));
            }
            return new Rec(contig, p, ref.toString(), alt.toString(), gt);
        }
        final int len = indelLength();
        if (kind < 0.91)
        {
            // Deletion of len bases after the padding base at p.
            return new Rec(contig, p, text(seq, p - 1, len + 1), String.valueOf(base), gt);
        }
        // Insertion after p: half the time a tandem copy of the following bases, so it has equivalent positions.
        final String inserted = random.nextBoolean() ? text(seq, p, len) : randomBases(len);
        return new Rec(contig, p, String.valueOf(base), base + inserted, gt);
    }

    private void callsFor(final Rec t, final byte[] seq, final List<Rec> calls)
    {
        if (random.nextDouble() < profile.missRate())
        {
            return;
        }
        String gt = t.gt();
        if (random.nextDouble() < profile.genotypeErrorRate() && !gt.equals("1/2"))
        {
            gt = gt.equals("0/1") ? "1/1" : "0/1";
        }
        else if (gt.equals("0/1") && random.nextBoolean())
        {
            gt = random.nextBoolean() ? "0|1" : "1|0";
        }
        String alt = t.alt();
        if (random.nextDouble() < profile.wrongAlleleRate() && t.ref().length() == 1 && alt.length() == 1)
        {
            char a = other(t.ref().charAt(0));
            while (a == alt.charAt(0))
            {
                a = other(t.ref().charAt(0));
            }
            alt = String.valueOf(a);
        }
        final boolean deletion = t.alt().length() == 1 && t.ref().length() > 1;
        if (deletion && random.nextDouble() < profile.shiftRate())
        {
            calls.add(shiftedDeletion(t, seq, gt));
            return;
        }
        final boolean mnp = t.ref().length() > 1 && t.ref().length() == alt.length();
        if (mnp && random.nextDouble() < profile.splitMnpRate())
        {
            final boolean hom = gt.equals("1/1");
            for (int i = 0; i < t.ref().length(); i++)
            {
                // A split het MNP is only equivalent when its SNPs share a haplotype: write them phased.
                calls.add(new Rec(t.contig(), t.pos() + i, t.ref().substring(i, i + 1), alt.substring(i, i + 1),
                    hom ? "1/1" : "0|1"));
            }
            return;
        }
        calls.add(new Rec(t.contig(), t.pos(), t.ref(), alt, gt));
    }

    /** The same deletion moved right as far as the sequence repeats (an equivalent representation). */
    private static Rec shiftedDeletion(final Rec t, final byte[] seq, final String gt)
    {
        final int len = t.ref().length() - 1;
        int start = t.pos(); // 0-based index of the first deleted base
        while (start + len < seq.length - 1 && seq[start] == seq[start + len] && start - t.pos() < 10)
        {
            start++;
        }
        if (start == t.pos())
        {
            return new Rec(t.contig(), t.pos(), t.ref(), t.alt(), gt);
        }
        final int pad = start - 1; // 0-based padding base
        return new Rec(t.contig(), pad + 1, text(seq, pad, len + 1), text(seq, pad, 1), gt);
    }

    /** Confident regions: the contig without its N runs and without a few random gaps. */
    private void regions(final String contig, final byte[] seq, final StringBuilder bed)
    {
        int i = 0;
        while (i < seq.length)
        {
            while (i < seq.length && seq[i] == Bases.N)
            {
                i++;
            }
            int j = i;
            while (j < seq.length && seq[j] != Bases.N)
            {
                j++;
            }
            int s = i;
            while (s < j)
            {
                final int e = Math.min(j, s + 200_000 + random.nextInt(300_000));
                bed.append(contig).append('\t').append(s).append('\t').append(e).append('\n');
                s = e + 2_000 + random.nextInt(8_000);
            }
            i = j;
        }
    }

    private static long nonN(final byte[] seq)
    {
        long n = 0;
        for (final byte b : seq)
        {
            n += b != Bases.N ? 1 : 0;
        }
        return n;
    }

    private static boolean clean(final byte[] seq, final int from, final int length)
    {
        for (int i = from; i < from + length && i < seq.length; i++)
        {
            if (seq[i] == Bases.N)
            {
                return false;
            }
        }
        return from + length <= seq.length;
    }

    private int indelLength()
    {
        final double u = random.nextDouble();
        return u < 0.5 ? 1 : u < 0.75 ? 2 + random.nextInt(3) : 5 + random.nextInt(16);
    }

    private String het()
    {
        return random.nextBoolean() ? "0/1" : "1/1";
    }

    private char other(final char base)
    {
        char c = ACGT[random.nextInt(4)];
        while (c == base)
        {
            c = ACGT[random.nextInt(4)];
        }
        return c;
    }

    private String randomBases(final int n)
    {
        final StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++)
        {
            sb.append(ACGT[random.nextInt(4)]);
        }
        return sb.toString();
    }

    private static String text(final byte[] seq, final int from, final int length)
    {
        return Bases.toString(seq, from, length);
    }

    private void writeVcf(final Path file, final String sample, final List<Rec> records) throws IOException
    {
        // The writer owns the bgzip stream: closing it once writes the EOF block (a second close would fail).
        final OutputStream os = new BlockCompressedOutputStream(file.toFile());
        try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.US_ASCII),
            1 << 16))
        {
            w.write("##fileformat=VCFv4.2\n");
            w.write("##source=callscore-synthetic\n");
            for (final String c : contigs)
            {
                w.write("##contig=<ID=" + c + ",length=" + reference.length(c) + ">\n");
            }
            w.write("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
            w.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + sample + "\n");
            for (final Rec r : records)
            {
                w.write(r.contig() + "\t" + r.pos() + "\t.\t" + r.ref() + "\t" + r.alt() + "\t50\tPASS\t.\tGT\t"
                    + r.gt() + "\n");
            }
        }
    }
}

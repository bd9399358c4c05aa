package io.callscore.engine.user;

import io.callscore.compare.CompareOptions;
import io.callscore.engine.hotkey.Ss58;
import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulated user job: a random reference with planted tandem repeats, a truth (SNVs, MNPs, indels in repeats,
 * het and hom), and miners' call sets made from the truth with independent errors (missed records, wrong genotypes,
 * extra calls) and representations of their own (indels shifted to the right end of their repeat, MNPs split into
 * SNPs). Same seeds, same data.
 */
final class SimulatedJob
{
    static final String CONTIG = "chr1";

    /** One VCF record (POS 1-based). */
    record Rec(int pos, String ref, String alt, String gt)
    {
    }

    /**
     * How a miner deviates from the truth.
     *
     * @param missRate     records not called
     * @param genotypeRate het written hom or the reverse
     * @param extraRate    an extra false SNV near a site
     * @param shiftRate    indels written at the right end of their repeat (an equivalent representation)
     * @param splitRate    MNPs written as SNPs (an equivalent representation)
     */
    record Errors(double missRate, double genotypeRate, double extraRate, double shiftRate, double splitRate)
    {
        /** About 3% of records wrong, half the representations rewritten. */
        static Errors realistic()
        {
            return new Errors(0.01, 0.01, 0.01, 0.5, 0.5);
        }
    }

    private static final char[] ACGT = {'A', 'C', 'G', 'T'};

    final byte[] seq;
    final ReferenceGenome reference;
    final List<Rec> truth = new ArrayList<>();
    /** Per truth record: the 0-based span of the repeat an indel lies in (for shifting), else null. */
    private final List<int[]> repeats = new ArrayList<>();

    private SimulatedJob(final byte[] seq, final ReferenceGenome reference)
    {
        this.seq = seq;
        this.reference = reference;
    }

    /** A reference of {@code length} bases with a variant about every {@code spacing} bases. */
    static SimulatedJob make(final long seed, final int length, final int spacing)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final byte[] seq = new byte[length];
        for (int i = 0; i < length; i++)
        {
            seq[i] = (byte)ACGT[random.nextInt(4)];
        }
        final List<Object[]> sites = new ArrayList<>();
        for (int p = 60; p < length - 80; p += 40 + (int)(-(spacing - 40) * Math.log(1 - random.nextDouble())))
        {
            final double kind = random.nextDouble();
            final String gt = random.nextDouble() < 0.6 ? "0/1" : "1/1";
            if (kind < 0.70)
            {
                sites.add(new Object[] {"snv", p, gt});
            }
            else if (kind < 0.78)
            {
                sites.add(new Object[] {"mnp", p, gt, 2 + random.nextInt(2)});
            }
            else
            {
                // Plant a tandem repeat at p (0-based) so that the indel has several equivalent positions.
                final int unit = 1 + random.nextInt(3);
                final int copies = 3 + random.nextInt(3);
                final byte[] u = new byte[unit];
                for (int i = 0; i < unit; i++)
                {
                    u[i] = (byte)ACGT[random.nextInt(4)];
                }
                for (int i = 0; i < unit * copies; i++)
                {
                    seq[p + i] = u[i % unit];
                }
                // End the repeat with a base that breaks it, and start it after one that does.
                seq[p + unit * copies] = (byte)other(random, (char)u[0]);
                seq[p - 1] = (byte)other(random, (char)u[unit - 1]);
                sites.add(new Object[] {kind < 0.89 ? "del" : "ins", p, gt, unit, copies});
            }
        }
        final String text = new String(seq, StandardCharsets.US_ASCII);
        final SimulatedJob job = new SimulatedJob(seq, ReferenceGenome.of(Map.of(CONTIG, text)));
        for (final Object[] s : sites)
        {
            final int p = (Integer)s[1];
            final String gt = (String)s[2];
            switch ((String)s[0])
            {
                case "snv" ->
                {
                    final char r = (char)seq[p];
                    job.add(new Rec(p + 1, String.valueOf(r), String.valueOf(other(random, r)), gt), null);
                }
                case "mnp" ->
                {
                    final int len = (Integer)s[3];
                    final StringBuilder alt = new StringBuilder();
                    for (int i = 0; i < len; i++)
                    {
                        alt.append(other(random, (char)seq[p + i]));
                    }
                    job.add(new Rec(p + 1, text.substring(p, p + len), alt.toString(), gt), null);
                }
                default ->
                {
                    final int unit = (Integer)s[3];
                    final int span = unit * (Integer)s[4];
                    final String pad = text.substring(p - 1, p);
                    final String u = text.substring(p, p + unit);
                    // Left-aligned: padding base before the repeat.
                    final Rec left = s[0].equals("del") ? new Rec(p, pad + u, pad, gt) : new Rec(p, pad, pad + u, gt);
                    job.add(left, new int[] {p, p + span, unit});
                }
            }
        }
        return job;
    }

    private void add(final Rec r, final int[] repeat)
    {
        truth.add(r);
        repeats.add(repeat);
    }

    /** A miner's calls: the truth with independent errors and representations drawn from {@code seed}. */
    List<Rec> minerCalls(final long seed, final Errors e)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<Rec> out = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++)
        {
            final Rec t = truth.get(i);
            if (random.nextDouble() < e.extraRate())
            {
                final int q = t.pos() + 20 + random.nextInt(15);
                final char r = (char)seq[q - 1];
                out.add(new Rec(q, String.valueOf(r), String.valueOf(other(random, r)),
                    random.nextBoolean() ? "0/1" : "1/1"));
            }
            if (random.nextDouble() < e.missRate())
            {
                continue;
            }
            String gt = t.gt();
            if (random.nextDouble() < e.genotypeRate())
            {
                gt = gt.equals("0/1") ? "1/1" : "0/1";
            }
            final int[] repeat = repeats.get(i);
            if (repeat != null && random.nextDouble() < e.shiftRate())
            {
                out.add(rightmost(t, repeat, gt));
            }
            else if (t.ref().length() > 1 && t.ref().length() == t.alt().length()
                && random.nextDouble() < e.splitRate())
            {
                for (int k = 0; k < t.ref().length(); k++)
                {
                    out.add(new Rec(t.pos() + k, t.ref().substring(k, k + 1), t.alt().substring(k, k + 1),
                        gt.equals("1/1") ? "1/1" : "0|1"));
                }
            }
            else
            {
                out.add(new Rec(t.pos(), t.ref(), t.alt(), gt));
            }
        }
        out.sort(Comparator.comparingInt(Rec::pos));
        return out;
    }

    /** The same indel written at the right end of its repeat. */
    private Rec rightmost(final Rec t, final int[] repeat, final String gt)
    {
        final int unit = repeat[2];
        final int last = repeat[1] - unit; // 0-based start of the last unit
        final String text = new String(seq, StandardCharsets.US_ASCII);
        final String pad = text.substring(last - 1, last);
        if (t.ref().length() > t.alt().length())
        {
            return new Rec(last, pad + text.substring(last, last + unit), pad, gt);
        }
        // Insertion of one unit after the repeat: pad is the repeat's last base.
        final String endPad = text.substring(repeat[1] - 1, repeat[1]);
        return new Rec(repeat[1], endPad, endPad + text.substring(last, last + unit), gt);
    }

    /** Writes records as a VCF, with a {@code ##miner_hotkey} line when {@code hotkey} is not null. */
    Path write(final Path file, final List<Rec> records, final String hotkey) throws IOException
    {
        final StringBuilder b = new StringBuilder("##fileformat=VCFv4.2\n");
        if (hotkey != null)
        {
            b.append("##miner_hotkey=").append(hotkey).append('\n');
        }
        b.append("##contig=<ID=").append(CONTIG).append(",length=").append(seq.length).append(">\n");
        b.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSAMPLE\n");
        for (final Rec r : records)
        {
            b.append(CONTIG).append('\t').append(r.pos()).append("\t.\t").append(r.ref()).append('\t').append(r.alt())
                .append("\t50\tPASS\t.\tGT\t").append(r.gt()).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, b.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    /** Writes the reference as FASTA. */
    Path writeReference(final Path file) throws IOException
    {
        final StringBuilder b = new StringBuilder(">" + CONTIG + "\n");
        for (int i = 0; i < seq.length; i += 60)
        {
            b.append(new String(seq, i, Math.min(60, seq.length - i), StandardCharsets.US_ASCII)).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, b.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    VariantSet load(final Path vcf)
    {
        return VariantLoader.load(vcf, reference, null, CompareOptions.defaults().callLoad());
    }

    VariantSet loadTruth(final Path vcf)
    {
        return VariantLoader.load(vcf, reference, null, LoadOptions.defaults());
    }

    /** A valid SS58 hotkey made from a small number (test miners). */
    static String hotkey(final int n)
    {
        final byte[] key = new byte[32];
        key[0] = (byte)n;
        key[31] = (byte)(n * 7 + 1);
        return Ss58.encode(key);
    }

    private static char other(final SplittableRandom random, final char base)
    {
        char c = ACGT[random.nextInt(4)];
        while (c == base)
        {
            c = ACGT[random.nextInt(4)];
        }
        return c;
    }
}

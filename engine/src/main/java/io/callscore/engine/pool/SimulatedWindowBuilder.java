package io.callscore.engine.pool;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the FASTQ tasks of one window without a BAM: the two haplotypes of the window (reference + truth minus
 * the spiked-out variants + the spikes), then paired-end reads drawn from them with a wgsim-like model: fragment
 * lengths from a normal distribution, reads from both ends, substitution errors whose rate rises along the read,
 * base qualities that follow the error rate. Fragments are placed first (a seeded stream) so that the depth at each
 * spike site can be checked before the haplotypes are fixed; coverages are nested subsets of the same fragments.
 */
final class SimulatedWindowBuilder
{
    /** What the window's FASTQ tasks hold. */
    record Result(List<SmallVariant> spiked, long[] pairsWritten)
    {
    }

    private static final byte[] ACGT = {'A', 'C', 'G', 'T'};

    private final PoolBuildOptions options;
    private final SecureRandom secure;

    SimulatedWindowBuilder(final PoolBuildOptions options, final SecureRandom secure)
    {
        this.options = options;
        this.secure = secure;
    }

    /** Writes {@code reads_1.fq.gz} and {@code reads_2.fq.gz} into each task folder (one per coverage). */
    Result build(final Window w, final ReferenceSlice slice, final List<SmallVariant> truth,
        final SitePlanner.Plan plan, final List<Path> taskDirs)
    {
        final List<Integer> coverages = options.coverages();
        final double[] fraction = new double[coverages.size()];
        for (int i = 0; i < fraction.length; i++)
        {
            fraction[i] = coverages.get(i) / (double)coverages.getFirst();
        }
        final int readLength = options.readLength();
        final long pairs = Math.round((double)coverages.getFirst() * slice.length() / (2.0 * readLength));
        final long placementSeed = KeyedHash.mix(options.seed() ^ KeyedHash.mix(4L * w.index() + 3));

        final List<SmallVariant> spiked = new ArrayList<>();
        final int[][] depth = countDepth(slice, plan.spikes(), pairs, placementSeed, fraction);
        for (int s = 0; s < plan.spikes().size(); s++)
        {
            int min = Integer.MAX_VALUE;
            for (final int d : depth[s])
            {
                min = Math.min(min, d);
            }
            if (min >= options.minDepth())
            {
                spiked.add(plan.spikes().get(s));
            }
        }
        final List<SmallVariant> variants = new ArrayList<>(truth);
        variants.removeAll(plan.reverted());
        variants.addAll(spiked);
        final Haplotypes haplotypes = new Haplotypes(slice, variants,
            new SplittableRandom(KeyedHash.mix(placementSeed ^ 0x4841504CL)));
        final long[] written = writeReads(slice, haplotypes, pairs, placementSeed, fraction, taskDirs);
        return new Result(List.copyOf(spiked), written);
    }

    /** One fragment's placement, drawn in a fixed order from the placement stream. */
    private static final class Fragment
    {
        int haplotype;
        int start;
        int length;
        boolean flip;
        double unit;

        void draw(final SplittableRandom r, final PoolBuildOptions o, final int sliceLength)
        {
            haplotype = r.nextInt(2);
            final double g = gaussian(r);
            length = (int)Math.round(o.fragmentMean() + o.fragmentSd() * g);
            length = Math.max(o.readLength(), Math.min(length, Math.min(3 * o.fragmentMean(), sliceLength)));
            start = r.nextInt(sliceLength - length + 1);
            flip = r.nextBoolean();
            unit = r.nextDouble();
        }
    }

    private static double gaussian(final SplittableRandom r)
    {
        final double u1 = 1.0 - r.nextDouble();
        final double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private int[][] countDepth(final ReferenceSlice slice, final List<SmallVariant> spikes, final long pairs,
        final long seed, final double[] fraction)
    {
        final int[][] depth = new int[spikes.size()][fraction.length];
        if (spikes.isEmpty())
        {
            return depth;
        }
        final SplittableRandom r = new SplittableRandom(seed);
        final Fragment f = new Fragment();
        final int rl = options.readLength();
        for (long k = 0; k < pairs; k++)
        {
            f.draw(r, options, slice.length());
            for (int s = 0; s < spikes.size(); s++)
            {
                final SmallVariant v = spikes.get(s);
                final int from = v.pos() - slice.start();
                final int to = v.end() - slice.start();
                final boolean left = f.start < to && from < f.start + rl;
                final boolean right = f.start + f.length - rl < to && from < f.start + f.length;
                final int reads = (left ? 1 : 0) + (right ? 1 : 0);
                for (int i = 0; i < fraction.length; i++)
                {
                    depth[s][i] += f.unit < fraction[i] ? reads : 0;
                }
            }
        }
        return depth;
    }

    private long[] writeReads(final ReferenceSlice slice, final Haplotypes haplotypes, final long pairs,
        final long seed, final double[] fraction, final List<Path> taskDirs)
    {
        final int tasks = taskDirs.size();
        final OutputStream[][] out = new OutputStream[tasks][2];
        final long[] written = new long[tasks];
        final SplittableRandom placement = new SplittableRandom(seed);
        final SplittableRandom errors = new SplittableRandom(KeyedHash.mix(seed ^ 0x4552524FL));
        final Fragment f = new Fragment();
        final int rl = options.readLength();
        final byte[] r1 = new byte[rl];
        final byte[] q1 = new byte[rl];
        final byte[] r2 = new byte[rl];
        final byte[] q2 = new byte[rl];
        final byte[] record = new byte[2 * rl + 64];
        final KeyedHash[] names = new KeyedHash[tasks];
        try
        {
            for (int i = 0; i < tasks; i++)
            {
                out[i][0] = gzip(taskDirs.get(i).resolve("reads_1.fq.gz"));
                out[i][1] = gzip(taskDirs.get(i).resolve("reads_2.fq.gz"));
                names[i] = KeyedHash.secret(secure);
            }
            for (long k = 0; k < pairs; k++)
            {
                if ((k & 0xFFF) == 0)
                {
                    WindowCancellation.check();
                }
                f.draw(placement, options, slice.length());
                final byte[] hap = haplotypes.sequence(f.haplotype);
                int hs = haplotypes.toHaplotype(f.haplotype, f.start);
                int he = Math.min(hap.length, hs + f.length);
                hs = Math.max(0, Math.min(hs, he - rl));
                he = Math.max(he, Math.min(hap.length, hs + rl));
                if (he - hs < rl)
                {
                    continue;
                }
                read(hap, hs, false, r1, q1, errors);
                read(hap, he - rl, true, r2, q2, errors);
                if (!anyIncluded(f.unit, fraction))
                {
                    continue;
                }
                final String fragment = Long.toString(k);
                for (int i = 0; i < tasks; i++)
                {
                    if (f.unit < fraction[i])
                    {
                        final byte[] name = (names[i].rename(fragment) + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                        writeFastq(out[i][0], name, f.flip ? r2 : r1, f.flip ? q2 : q1, record);
                        writeFastq(out[i][1], name, f.flip ? r1 : r2, f.flip ? q1 : q2, record);
                        written[i]++;
                    }
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write simulated reads: " + e.getMessage(), e);
        }
        finally
        {
            for (final OutputStream[] pair : out)
            {
                for (final OutputStream o : pair)
                {
                    closeQuietly(o);
                }
            }
        }
        return written;
    }

    private static boolean anyIncluded(final double unit, final double[] fraction)
    {
        return unit < fraction[0];
    }

    /** Copies one read from the haplotype (reverse-complemented for the second end) and adds errors. */
    private void read(final byte[] hap, final int from, final boolean reverse, final byte[] bases,
        final byte[] quals, final SplittableRandom errors)
    {
        final int rl = bases.length;
        final double e = options.errorRate();
        for (int i = 0; i < rl; i++)
        {
            byte b = reverse ? complement(hap[from + rl - 1 - i]) : hap[from + i];
            final double rate = e * (0.5 + (rl == 1 ? 0 : (double)i / (rl - 1)));
            int q = rate <= 0 ? 41 : (int)Math.round(-10 * Math.log10(rate));
            q += errors.nextInt(5) - 2;
            if (b == 'N')
            {
                q = 2;
            }
            else if (errors.nextDouble() < rate)
            {
                byte x;
                do
                {
                    x = ACGT[errors.nextInt(4)];
                }
                while (x == b);
                b = x;
                q -= 10;
            }
            bases[i] = b;
            quals[i] = (byte)(33 + Math.max(2, Math.min(41, q)));
        }
    }

    private static byte complement(final byte b)
    {
        return switch (b)
        {
            case 'A' -> (byte)'T';
            case 'C' -> (byte)'G';
            case 'G' -> (byte)'C';
            case 'T' -> (byte)'A';
            default -> (byte)'N';
        };
    }

    private static void writeFastq(final OutputStream out, final byte[] nameLine, final byte[] bases,
        final byte[] quals, final byte[] buffer) throws IOException
    {
        int o = 0;
        buffer[o++] = '@';
        out.write(buffer, 0, o);
        out.write(nameLine);
        System.arraycopy(bases, 0, buffer, 0, bases.length);
        o = bases.length;
        buffer[o++] = '\n';
        buffer[o++] = '+';
        buffer[o++] = '\n';
        System.arraycopy(quals, 0, buffer, o, quals.length);
        o += quals.length;
        buffer[o++] = '\n';
        out.write(buffer, 0, o);
    }

    private OutputStream gzip(final Path file) throws IOException
    {
        final int level = options.compression();
        return new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)
        {
            {
                def.setLevel(level);
            }
        }, 1 << 16);
    }

    private static void closeQuietly(final OutputStream o)
    {
        if (o != null)
        {
            try
            {
                o.close();
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package io.callscore.engine.pool;

import io.callscore.vcf.Bases;
import io.callscore.vcf.InputException;
import io.callscore.vcf.BedReader;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Chooses the windows of a build: random non-overlapping windows of a fixed size over the contigs that have
 * confident regions (weighted by their confident bases), or lines drawn from a strata BED. The plan depends only
 * on the inputs, the seed and the genome label, so an interrupted build finds the same windows again.
 */
public final class WindowPlanner
{
    /** A window needs at least this share of confident bases. */
    static final double MIN_CONFIDENT_SHARE = 0.2;
    /** A window may have at most this share of N bases. */
    static final double MAX_N_SHARE = 0.5;
    private static final int ATTEMPTS_PER_WINDOW = 200;

    private WindowPlanner()
    {
    }

    /**
     * Plans the windows. {@code usable} limits the contigs (those of the BAM), or is null for all of the reference.
     * May return fewer windows than asked when the genome has no room for more.
     */
    public static List<Window> plan(final PoolBuildOptions options, final ReferenceGenome reference,
        final RegionSet confident, final Set<String> usable)
    {
        final SplittableRandom random = new SplittableRandom(options.seed() ^ KeyedHash.mix(options.genome()
            .hashCode()) ^ 0x57494E444F57L);
        if (options.strata() != null)
        {
            return fromStrata(options, reference, confident, usable, random);
        }
        final List<String> contigs = new ArrayList<>();
        final List<Long> weights = new ArrayList<>();
        long total = 0;
        for (final String c : reference.names())
        {
            final int[] iv = confident.intervals(c);
            if (iv == null || (usable != null && !usable.contains(c)))
            {
                continue;
            }
            long w = 0;
            for (int i = 0; i < iv.length; i += 2)
            {
                w += iv[i + 1] - iv[i];
            }
            if (w > 0)
            {
                contigs.add(c);
                weights.add(w);
                total += w;
            }
        }
        if (contigs.isEmpty())
        {
            throw new InputException(options.confident(), "no confident region lies on a contig of the reference"
                + (usable != null ? " and the BAM" : ""));
        }
        final List<Window> chosen = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS_PER_WINDOW * options.windows()
            && chosen.size() < options.windows(); attempt++)
        {
            long pick = random.nextLong(total);
            int k = 0;
            while (pick >= weights.get(k))
            {
                pick -= weights.get(k);
                k++;
            }
            final String contig = contigs.get(k);
            final int length = reference.length(contig);
            final int size = Math.min(options.windowSize(), length);
            final int start = length == size ? 0 : random.nextInt(length - size + 1);
            if (overlapsAny(chosen, contig, start, start + size)
                || !acceptable(reference, confident, contig, start, start + size))
            {
                continue;
            }
            chosen.add(new Window(0, contig, start, start + size, options.difficulty()));
        }
        return numbered(chosen);
    }

    private static List<Window> fromStrata(final PoolBuildOptions options, final ReferenceGenome reference,
        final RegionSet confident, final Set<String> usable, final SplittableRandom random)
    {
        final List<Window> candidates = new ArrayList<>();
        BedReader.read(options.strata(), (chrom, start, end, name, at) ->
        {
            if (!reference.contains(chrom) || end > reference.length(chrom) || end - start < 1000)
            {
                throw at.error("strata window " + chrom + ":" + start + "-" + end
                    + " is not a stretch of at least 1000 bases of the reference");
            }
            if (usable == null || usable.contains(chrom))
            {
                candidates.add(new Window(0, chrom, start, end, name != null ? name : options.difficulty()));
            }
        });
        final List<Window> chosen = new ArrayList<>();
        for (int i = candidates.size() - 1; i >= 0 && chosen.size() < options.windows(); i--)
        {
            final int j = random.nextInt(i + 1);
            final Window w = candidates.get(j);
            candidates.set(j, candidates.get(i));
            if (!overlapsAny(chosen, w.contig(), w.start(), w.end()) && confidentBases(confident, w.contig(),
                w.start(), w.end()) > 0)
            {
                chosen.add(w);
            }
        }
        return numbered(chosen);
    }

    private static List<Window> numbered(final List<Window> chosen)
    {
        final List<Window> out = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++)
        {
            final Window w = chosen.get(i);
            out.add(new Window(i, w.contig(), w.start(), w.end(), w.difficulty()));
        }
        out.sort(Comparator.comparingInt(Window::index));
        return out;
    }

    private static boolean overlapsAny(final List<Window> chosen, final String contig, final int start,
        final int end)
    {
        for (final Window w : chosen)
        {
            if (w.contig().equals(contig) && start < w.end() && w.start() < end)
            {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptable(final ReferenceGenome reference, final RegionSet confident,
        final String contig, final int start, final int end)
    {
        final long length = end - start;
        if (confidentBases(confident, contig, start, end) < MIN_CONFIDENT_SHARE * length)
        {
            return false;
        }
        // Only the candidate's own stretch is read: a plan of a few windows never loads whole chromosomes.
        final byte[] bases = reference.bases(contig, start, end);
        long n = 0;
        for (final byte b : bases)
        {
            n += b == Bases.N ? 1 : 0;
        }
        return n <= MAX_N_SHARE * length;
    }

    /** Confident bases inside {@code [start, end)}. */
    static long confidentBases(final RegionSet confident, final String contig, final int start, final int end)
    {
        final int[] iv = confident.intervals(contig);
        if (iv == null)
        {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < iv.length; i += 2)
        {
            n += Math.max(0, Math.min(end, iv[i + 1]) - Math.max(start, iv[i]));
        }
        return n;
    }

    /** The confident intervals clipped to {@code [start, end)}, as a flat {start, end, ...} array. */
    static int[] clip(final RegionSet confident, final String contig, final int start, final int end)
    {
        final int[] iv = confident.intervals(contig);
        if (iv == null)
        {
            return new int[0];
        }
        final int[] out = new int[iv.length];
        int n = 0;
        for (int i = 0; i < iv.length; i += 2)
        {
            final int s = Math.max(start, iv[i]);
            final int e = Math.min(end, iv[i + 1]);
            if (s < e)
            {
                out[n++] = s;
                out[n++] = e;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Throws when a path is missing, naming the option. */
    static void requireFile(final Path file, final String option)
    {
        if (file == null || !java.nio.file.Files.isRegularFile(file))
        {
            throw new InputException(String.valueOf(file), 0, option + ": file not found");
        }
    }
}

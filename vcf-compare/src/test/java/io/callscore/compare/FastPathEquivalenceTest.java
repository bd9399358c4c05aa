package io.callscore.compare;

import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The isolated-cluster fast path must decide every variant exactly as the full search does: same status, same
 * weight, for every variant of every case, in both matching modes.
 */
class FastPathEquivalenceTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDecideEveryConformanceVariantAsTheFullSearch() throws Exception
    {
        final Path root = Path.of(getClass().getResource("/conformance/vcfeval-synthetic/expected.tsv").toURI()).getParent();
        final ReferenceGenome ref = ReferenceGenome.open(root.resolve("ref.fa"));
        for (int i = 0; i < 300; i++)
        {
            final Path c = root.resolve(String.format("case%04d", i));
            final Path bed = c.resolve("regions.bed");
            final RegionSet regions = Files.exists(bed) ? RegionSet.readBed(bed) : null;
            for (final boolean squash : new boolean[] {false, true})
            {
                assertSameDecisions(c.getFileName() + (squash ? " allele" : " gt"), ref, c.resolve("truth.vcf"),
                    c.resolve("query.vcf"), regions, CompareOptions.defaults().withSquashPloidy(squash));
            }
        }
    }

    @Test
    void shouldDecideRandomDenseCallSetsAsTheFullSearch() throws Exception
    {
        for (int seed = 0; seed < 60; seed++)
        {
            final SplittableRandom random = new SplittableRandom(seed);
            final String seq = randomSequence(random, 3000);
            final ReferenceGenome ref = ReferenceGenome.of(Map.of("r", seq));
            final Path truth = dir.resolve("t" + seed + ".vcf");
            final Path calls = dir.resolve("c" + seed + ".vcf");
            writePair(random, seq, truth, calls);
            for (final boolean squash : new boolean[] {false, true})
            {
                assertSameDecisions("seed " + seed, ref, truth, calls, null,
                    CompareOptions.defaults().withSquashPloidy(squash));
            }
        }
    }

    private static void assertSameDecisions(final String name, final ReferenceGenome ref, final Path truth,
        final Path calls, final RegionSet regions, final CompareOptions options)
    {
        final ComparisonResult fast = run(ref, truth, calls, regions, options, true);
        final ComparisonResult full = run(ref, truth, calls, regions, options, false);
        assertEquals(full.contigs().size(), fast.contigs().size(), name);
        for (int k = 0; k < full.contigs().size(); k++)
        {
            final ContigOutcome a = full.contigs().get(k);
            final ContigOutcome b = fast.contigs().get(k);
            assertArrayEquals(a.baselineStatus(), b.baselineStatus(), name + " baseline statuses");
            assertArrayEquals(a.callStatus(), b.callStatus(), name + " call statuses");
            assertArrayEquals(a.callWeight(), b.callWeight(), 0.0, name + " call weights");
        }
    }

    private static ComparisonResult run(final ReferenceGenome ref, final Path truth, final Path calls,
        final RegionSet regions, final CompareOptions options, final boolean fastPath)
    {
        final VariantSet b = VariantLoader.load(truth, ref, regions, LoadOptions.defaults());
        final VariantSet c = VariantLoader.load(calls, ref, regions, LoadOptions.defaults());
        return VcfComparator.compare(b, c, ref, options, fastPath);
    }

    private static String randomSequence(final SplittableRandom random, final int length)
    {
        final StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length)
        {
            if (random.nextInt(10) == 0)
            {
                final String unit = bases(random, 1 + random.nextInt(3));
                for (int r = 2 + random.nextInt(5); r > 0; r--)
                {
                    sb.append(unit);
                }
            }
            else
            {
                sb.append("ACGT".charAt(random.nextInt(4)));
            }
        }
        return sb.substring(0, length);
    }

    private static String bases(final SplittableRandom random, final int n)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.append("ACGT".charAt(random.nextInt(4)));
        }
        return sb.toString();
    }

    private static char other(final SplittableRandom random, final char c)
    {
        char o = c;
        while (o == c)
        {
            o = "ACGT".charAt(random.nextInt(4));
        }
        return o;
    }

    /** Dense SNVs/MNPs/indels with close neighbours, and calls with misses, extras, GT and allele errors. */
    private static void writePair(final SplittableRandom random, final String seq, final Path truth, final Path calls)
        throws Exception
    {
        final List<String> t = new ArrayList<>();
        final List<String> c = new ArrayList<>();
        int pos = 5;
        while (pos < seq.length() - 30)
        {
            pos += 1 + random.nextInt(25);
            final int kind = random.nextInt(10);
            final String gt = random.nextBoolean() ? "0/1" : "1/1";
            final String rec;
            final char base = seq.charAt(pos - 1);
            if (kind < 6)
            {
                rec = pos + "\t.\t" + base + "\t" + other(random, base);
            }
            else if (kind < 7)
            {
                final String ref = seq.substring(pos - 1, pos + 1);
                rec = pos + "\t.\t" + ref + "\t" + other(random, ref.charAt(0)) + other(random, ref.charAt(1));
            }
            else if (kind < 9)
            {
                final int len = 1 + random.nextInt(4);
                rec = pos + "\t.\t" + seq.substring(pos - 1, pos + len) + "\t" + base;
            }
            else
            {
                rec = pos + "\t.\t" + base + "\t" + base + bases(random, 1 + random.nextInt(3));
            }
            final int end = pos + rec.split("\t")[2].length();
            t.add("r\t" + rec + "\t50\tPASS\t.\tGT\t" + gt);
            final int fate = random.nextInt(20);
            if (fate == 0)
            {
                continue; // missed
            }
            final String callGt = fate == 1 ? (gt.equals("0/1") ? "1/1" : "0/1") : gt;
            c.add("r\t" + rec + "\t50\tPASS\t.\tGT\t" + callGt);
            if (fate == 2)
            {
                c.add("r\t" + (end + 2) + "\t.\t" + seq.charAt(end + 1) + "\t" + other(random, seq.charAt(end + 1))
                    + "\t50\tPASS\t.\tGT\t0/1");
            }
            pos = end + 1;
        }
        final String header = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";
        Files.writeString(truth, header + String.join("\n", t) + "\n");
        c.sort((x, y) -> Integer.compare(Integer.parseInt(x.split("\t")[1]), Integer.parseInt(y.split("\t")[1])));
        Files.writeString(calls, header + String.join("\n", c) + "\n");
    }
}

package io.callscore.compare;

import io.callscore.vcf.ReferenceGenome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A comparison gives the same decisions and counts on one thread and on several. */
class ParallelCompareTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDecideEveryVariantTheSameOnOneThreadAndOnFour() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(17);
        final Map<String, String> contigs = new LinkedHashMap<>();
        final StringBuilder truth = new StringBuilder(HEADER);
        final StringBuilder calls = new StringBuilder(HEADER);
        for (int c = 0; c < 5; c++)
        {
            final StringBuilder seq = new StringBuilder();
            for (int i = 0; i < 5000; i++)
            {
                seq.append("ACGT".charAt(random.nextInt(4)));
            }
            final String name = "c" + c;
            contigs.put(name, seq.toString());
            for (int pos = 20; pos < 4950; pos += 5 + random.nextInt(60))
            {
                final char ref = seq.charAt(pos - 1);
                final char alt = "ACGT".replace(String.valueOf(ref), "").charAt(random.nextInt(3));
                final String rec = name + "\t" + pos + "\t.\t" + (random.nextInt(5) == 0
                    ? seq.substring(pos - 1, pos + 2) + "\t" + ref : ref + "\t" + alt) + "\t50\tPASS\t.\tGT\t";
                final String gt = random.nextBoolean() ? "0/1" : "1/1";
                truth.append(rec).append(gt).append('\n');
                if (random.nextInt(12) != 0)
                {
                    calls.append(rec).append(random.nextInt(15) == 0 ? "0/1" : gt).append('\n');
                }
                pos += 3;
            }
        }
        final Path t = dir.resolve("truth.vcf");
        final Path q = dir.resolve("calls.vcf");
        Files.writeString(t, truth.toString());
        Files.writeString(q, calls.toString());
        final ReferenceGenome ref = ReferenceGenome.of(contigs);
        final ComparisonResult one = VcfComparator.compare(t, q, ref, null, CompareOptions.defaults(), 1);
        final ComparisonResult four = VcfComparator.compare(t, q, ref, null, CompareOptions.defaults(), 4);
        assertEquals(one.counts().snp(), four.counts().snp());
        assertEquals(one.counts().indel(), four.counts().indel());
        assertEquals(5, four.contigs().size());
        for (int k = 0; k < 5; k++)
        {
            assertEquals(one.contigs().get(k).contig(), four.contigs().get(k).contig());
            assertArrayEquals(one.contigs().get(k).baselineStatus(), four.contigs().get(k).baselineStatus());
            assertArrayEquals(one.contigs().get(k).callStatus(), four.contigs().get(k).callStatus());
            assertArrayEquals(one.contigs().get(k).callWeight(), four.contigs().get(k).callWeight(), 0.0);
        }
        assertEquals(one.tooComplexRegions(), four.tooComplexRegions());
    }

    private static final String HEADER = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";
}

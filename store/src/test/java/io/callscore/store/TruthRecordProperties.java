package io.callscore.store;

import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.callscore.store.VariantAssertions.assertSameVariants;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Any truth set the loader can build survives encode and decode exactly, with OUTSIDE set from the stored
 * regions as the loader sets it. Truth sets are generated from a seed: contigs, SNPs, MNPs, insertions, deletions,
 * multi-allelic records with absent alleles, missing and phased genotypes, and random confident regions.
 */
class TruthRecordProperties
{
    private static final byte[] ACGTN = "ACGTN".getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldDecodeWhatWasEncodedWhenTruthSetsAreRandom()
    {
        qt().withExamples(300)
            .forAll(longs().all(), integers().between(0, 2))
            .checkAssert((seed, regionMode) ->
            {
                final Random random = new Random(seed);
                final RegionSet regions = regionMode == 0 ? null : randomRegions(random, regionMode == 2);
                final VariantSet truth = randomTruth(random, regions);
                final byte[] bytes = TruthRecordEncoder.encode(truth, regions,
                    new TaskMetadata("g", random.nextInt(100), "r", "d", "bam", "loc"));
                assertSameVariants(truth, new TruthRecord().wrap(bytes).toVariantSet());
            });
    }

    private static RegionSet randomRegions(final Random random, final boolean extraContig)
    {
        final Map<String, List<int[]>> raw = new HashMap<>();
        for (int c = 0; c < 3 + (extraContig ? 1 : 0); c++)
        {
            if (random.nextInt(4) == 0)
            {
                continue;
            }
            final List<int[]> list = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--)
            {
                final int start = random.nextInt(5_000);
                list.add(new int[] {start, start + random.nextInt(800)});
            }
            raw.put("chr" + c, list);
        }
        return RegionSet.fromIntervals(raw);
    }

    private static VariantSet randomTruth(final Random random, final RegionSet regions)
    {
        final VariantSet set = new VariantSet(Path.of("random.vcf"), random.nextBoolean() ? null : "SAMPLE",
            random.nextInt(1000), random.nextInt(10), random.nextInt(10));
        final int contigs = 1 + random.nextInt(3);
        for (int c = 0; c < contigs; c++)
        {
            final String name = "chr" + c;
            final ContigVariants cv = new ContigVariants(name, 2);
            int pos = random.nextInt(50);
            final int n = random.nextInt(40);
            for (int i = 0; i < n; i++)
            {
                pos += 1 + random.nextInt(200);
                final int pad = random.nextInt(2);
                final int refLength = pad + random.nextInt(6);
                final int alts = 1 + random.nextInt(3);
                final int[] gt = {random.nextInt(alts + 2) - 1, random.nextInt(alts + 1)};
                byte flags = random.nextBoolean() ? ContigVariants.PHASED : 0;
                final int[] altLengths = new int[alts];
                for (int k = 0; k < alts; k++)
                {
                    altLengths[k] = random.nextInt(7);
                    if (altLengths[k] != refLength - pad)
                    {
                        flags |= ContigVariants.INDEL_CLASS;
                    }
                }
                final int v = cv.beginVariant(i * 2 + random.nextInt(2), flags);
                final int from = pos + pad;
                final int to = pos + refLength;
                cv.addAllele(from, to, bases(random, refLength - pad), 0, refLength - pad);
                for (int k = 1; k <= alts; k++)
                {
                    if ((gt[0] == k || gt[1] == k) && random.nextInt(5) > 0)
                    {
                        cv.addAllele(from, to, bases(random, altLengths[k - 1]), 0, altLengths[k - 1]);
                    }
                    else
                    {
                        cv.addAbsentAllele(from, to);
                    }
                }
                cv.setGt(v, 0, gt[0]);
                cv.setGt(v, 1, gt[1]);
                if (regions != null && !regions.overlaps(name, cv.start(v), cv.end(v)))
                {
                    cv.setFlag(v, ContigVariants.OUTSIDE);
                }
            }
            if (n > 0 || random.nextBoolean())
            {
                set.put(cv);
            }
        }
        return set;
    }

    private static byte[] bases(final Random random, final int length)
    {
        final byte[] b = new byte[length];
        for (int i = 0; i < length; i++)
        {
            b[i] = ACGTN[random.nextInt(ACGTN.length)];
        }
        return b;
    }
}

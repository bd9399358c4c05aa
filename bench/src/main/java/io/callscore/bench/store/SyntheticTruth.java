package io.callscore.bench.store;

import io.callscore.store.TaskMetadata;
import io.callscore.store.TruthRecordEncoder;
import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantSet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Truth windows shaped like a pool's: one contig, diploid, about one variant per 33 bp, 85 % SNPs and the rest
 * short indels, a third homozygous, with confident regions covering most of the window.
 */
final class SyntheticTruth
{
    private static final byte[] ACGT = "ACGT".getBytes(StandardCharsets.US_ASCII);

    private SyntheticTruth()
    {
    }

    /** The encoded truth record of a window with {@code variants} variants. */
    static byte[] record(final long seed, final int variants)
    {
        final Random random = new Random(seed);
        final ContigVariants cv = new ContigVariants("chr20", 2);
        final List<int[]> regions = new ArrayList<>();
        int pos = 1_000_000;
        int regionStart = pos;
        for (int v = 0; v < variants; v++)
        {
            pos += 5 + random.nextInt(56);
            final boolean indel = random.nextInt(100) < 15;
            final int refLength = indel && random.nextBoolean() ? 2 + random.nextInt(8) : 1;
            final int altLength = indel && refLength == 1 ? 2 + random.nextInt(8) : 1;
            final int pad = indel ? 1 : 0;
            final int index = cv.beginVariant(v, indel ? ContigVariants.INDEL_CLASS : 0);
            cv.addAllele(pos + pad, pos + refLength, bases(random, refLength - pad), 0, refLength - pad);
            cv.addAllele(pos + pad, pos + refLength, bases(random, altLength - pad), 0, altLength - pad);
            final boolean hom = random.nextInt(3) == 0;
            cv.setGt(index, 0, hom ? 1 : 0);
            cv.setGt(index, 1, 1);
            if (random.nextInt(200) == 0)
            {
                regions.add(new int[] {regionStart, pos - 2});
                regionStart = pos + 20;
            }
            pos += refLength;
        }
        regions.add(new int[] {regionStart, pos + 100});
        final VariantSet truth = new VariantSet(Path.of("synthetic.vcf"), null, variants, 0, 0);
        truth.put(cv);
        return TruthRecordEncoder.encode(truth, RegionSet.fromIntervals(Map.of("chr20", regions)),
            new TaskMetadata("HG002-GRCh38", 30, "chr20:1000001-1100000", "hard", "bam",
                "/pool/inputs/" + seed + ".bam"));
    }

    private static byte[] bases(final Random random, final int length)
    {
        final byte[] b = new byte[length];
        for (int i = 0; i < length; i++)
        {
            b[i] = ACGT[random.nextInt(4)];
        }
        return b;
    }
}

package io.callscore.engine.miner.pileup;

/**
 * Thresholds and priors of the pileup caller. The defaults are the usual ones for short reads (as in bcftools and
 * GATK): they are not tuned on the test data.
 *
 * @param minBaseQuality      bases below this phred quality do not count as allele evidence
 * @param minMappingQuality   reads below this mapping quality are skipped
 * @param snvHeterozygosity   prior probability of a het SNV at a site (hom-alt gets half of it)
 * @param indelHeterozygosity prior probability of a het indel at a site (hom-alt gets half of it)
 * @param indelErrorRate      probability that a read shows an indel allele it does not carry (or misses one it does)
 * @param minAltReads         an allele needs at least this many supporting reads to be considered
 * @param minQual             calls with a lower QUAL get FILTER {@code LowQual}
 * @param minDepth            calls with a lower DP get FILTER {@code LowDepth}
 * @param nearIndelDistance   SNVs this close to a called indel's repeat are checked for misaligned reads
 * @param nearIndelMinBalance a het SNV near an indel with a lower alt-read fraction gets FILTER {@code NearIndel}
 * @param windowLength        reference bases piled up at a time (bounds memory, whatever the region size)
 */
public record PileupSettings(int minBaseQuality, int minMappingQuality, double snvHeterozygosity,
    double indelHeterozygosity, double indelErrorRate, int minAltReads, double minQual, int minDepth,
    int nearIndelDistance, double nearIndelMinBalance, int windowLength)
{
    public PileupSettings
    {
        if (windowLength < 1 || minAltReads < 1 || !(indelErrorRate > 0 && indelErrorRate < 1)
            || !(snvHeterozygosity > 0 && snvHeterozygosity < 0.25)
            || !(indelHeterozygosity > 0 && indelHeterozygosity < 0.25))
        {
            throw new IllegalArgumentException("pileup settings out of range: " + windowLength + " bp windows, "
                + minAltReads + " alt reads, indel error " + indelErrorRate + ", heterozygosity "
                + snvHeterozygosity + "/" + indelHeterozygosity);
        }
    }

    /**
     * Base quality 13, mapping quality 20, heterozygosity 1e-3 (indels 1.25e-4), QUAL 20, depth 3; het SNVs
     * within 20 bp of an indel need 30% alt reads (a real het falls below that at depth 30 about once in 100).
     */
    public static PileupSettings defaults()
    {
        return new PileupSettings(13, 20, 1e-3, 1.25e-4, 0.005, 2, 20.0, 3, 20, 0.3, 100_000);
    }
}

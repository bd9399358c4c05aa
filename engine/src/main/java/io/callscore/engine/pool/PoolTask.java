package io.callscore.engine.pool;

import java.nio.file.Path;
import java.util.UUID;

/**
 * One finished task of a pool build, as handed to a {@link PoolSink}: what the store keeps about it and where its
 * validator-only truth files are until the sink takes them.
 *
 * @param taskId       random task id (also the folder name of the delivered files)
 * @param genome       genome label
 * @param coverage     read depth of the delivered reads (the target, or the source depth when shallower)
 * @param region       source window, {@code contig:start-end} (1-based, inclusive): validator-only
 * @param difficulty   difficulty label
 * @param inputType    what the miner receives: {@code BAM} or {@code FASTQ}
 * @param dataLocator  folder of the delivered files, relative to the pool folder ({@code tasks/<taskId>})
 * @param truthVcf     window truth, bgzip VCF in the coordinates of the delivered reference
 * @param regionsBed   region mask (confident regions inside the window), same coordinates
 * @param editsTsv     the edits made to the window (validator-only audit trail)
 * @param truthRecords records in the window truth
 * @param spikedSnvs   SNVs spiked in
 * @param spikedIndels indels spiked in
 * @param reverted     truth variants spiked out (reverted in the reads, absent from the truth)
 * @param reads        reads (or read pairs for FASTQ) delivered
 */
public record PoolTask(UUID taskId, String genome, double coverage, String region, String difficulty,
    String inputType, String dataLocator, Path truthVcf, Path regionsBed, Path editsTsv, int truthRecords,
    int spikedSnvs, int spikedIndels, int reverted, long reads)
{
    public static final String BAM = "BAM";
    public static final String FASTQ = "FASTQ";
}

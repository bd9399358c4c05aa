package io.callscore.engine.transport;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A miner that runs inside the validator's JVM, for the demo and tests: starting a JVM per task would cost more
 * than most answers. {@link InProcessTransport} gives it the same deadline and size cap a command miner has.
 */
@FunctionalInterface
public interface InProcessMiner
{
    /**
     * Answers one task.
     *
     * @param taskJson the miner-facing task JSON (its folder resolves relative paths)
     * @param workDir  a folder of this miner's own for this task (scratch files may go there)
     * @param vcf      where the VCF goes (plain text or gzip); writing past the cap or after the deadline throws
     * @throws Exception any failure; it becomes a failed response. Must stop promptly when interrupted.
     */
    void answer(Path taskJson, Path workDir, OutputStream vcf) throws Exception;
}

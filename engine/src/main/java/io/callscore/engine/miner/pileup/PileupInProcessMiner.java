package io.callscore.engine.miner.pileup;

import io.callscore.engine.transport.InProcessMiner;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pileup miner as an {@link InProcessMiner}: what {@code callscore miner pileup} does, without starting a JVM
 * per task (the demo runs it every round). The VCF is written to the miner's work folder, then streamed out.
 */
public final class PileupInProcessMiner implements InProcessMiner
{
    private final String hotkey;
    private final PileupSettings settings;

    public PileupInProcessMiner(final String hotkey)
    {
        this.hotkey = hotkey;
        this.settings = PileupSettings.defaults();
    }

    @Override
    public void answer(final Path taskJson, final Path workDir, final OutputStream vcf) throws Exception
    {
        final Path file = workDir.resolve("pileup.vcf.gz");
        try
        {
            new PileupMiner(settings).run(taskJson, file, hotkey);
            Files.copy(file, vcf);
        }
        finally
        {
            Files.deleteIfExists(file);
        }
    }
}

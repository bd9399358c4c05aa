package io.callscore.engine.miner.adversary;

import io.callscore.engine.transport.InProcessMiner;

import java.io.OutputStream;
import java.nio.file.Path;

/** Returns a VCF with a header and its own hotkey but no calls: costs nothing, earns nothing (F1 is 0). */
public final class EmptyMiner implements InProcessMiner
{
    private final String hotkey;

    public EmptyMiner(final String hotkey)
    {
        this.hotkey = hotkey;
    }

    @Override
    public void answer(final Path taskJson, final Path workDir, final OutputStream vcf) throws Exception
    {
        VcfLines.write(vcf, VcfLines.emptyVcf(hotkey));
    }
}

package io.callscore.engine.miner.adversary;

import io.callscore.engine.transport.InProcessMiner;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Calls honestly but answers under another miner's hotkey (as a relay for that miner would): the header check must
 * score it 0, however good the calls are.
 */
public final class WrongHotkeyMiner implements InProcessMiner
{
    private final InProcessMiner honest;
    private final String claimedHotkey;

    /**
     * @param honest        the caller whose answer it sends
     * @param claimedHotkey the hotkey it writes into the header (not its own)
     */
    public WrongHotkeyMiner(final InProcessMiner honest, final String claimedHotkey)
    {
        this.honest = honest;
        this.claimedHotkey = claimedHotkey;
    }

    @Override
    public void answer(final Path taskJson, final Path workDir, final OutputStream vcf) throws Exception
    {
        final Path mine = workDir.resolve("honest.vcf");
        try (OutputStream out = Files.newOutputStream(mine))
        {
            honest.answer(taskJson, workDir, out);
        }
        VcfLines.write(vcf, VcfLines.withHotkey(VcfLines.read(mine), claimedHotkey));
        Files.deleteIfExists(mine);
    }
}

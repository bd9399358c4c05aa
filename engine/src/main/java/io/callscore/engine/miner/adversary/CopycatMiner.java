package io.callscore.engine.miner.adversary;

import io.callscore.engine.transport.InProcessMiner;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Returns another miner's VCF as its own: it waits until the victim's answer of the same round appears in the
 * round's work folder ({@code work/round-N/uid-V/calls.vcf}, beside its own folder), then relays it with the
 * {@code ##miner_hotkey} line changed to its own hotkey, so the header check passes. The call-set fingerprint must
 * flag it: the victim submitted the same calls first.
 */
public final class CopycatMiner implements InProcessMiner
{
    private static final long POLL_MS = 20;

    private final String hotkey;
    private final int victimUid;
    private final Duration pause;

    /**
     * @param hotkey    its own hotkey
     * @param victimUid the uid whose answers it copies
     * @param pause     how long it takes to relay once the victim's answer is there
     */
    public CopycatMiner(final String hotkey, final int victimUid, final Duration pause)
    {
        this.hotkey = hotkey;
        this.victimUid = victimUid;
        this.pause = pause;
    }

    @Override
    public void answer(final Path taskJson, final Path workDir, final OutputStream vcf) throws Exception
    {
        final Path victim = workDir.toAbsolutePath().getParent().resolve("uid-" + victimUid).resolve("calls.vcf");
        while (!Files.isRegularFile(victim))
        {
            Thread.sleep(POLL_MS);
        }
        Thread.sleep(pause);
        VcfLines.write(vcf, VcfLines.withHotkey(VcfLines.read(victim), hotkey));
    }
}

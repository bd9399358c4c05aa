package io.callscore.engine.miner.adversary;

import io.callscore.engine.transport.InProcessMiner;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Takes longer than any deadline: sleeps, then would answer with an empty VCF. The transport must give up at the
 * deadline and interrupt it, so the round does not wait for it; {@link #interruptions()} counts how often that
 * happened.
 */
public final class SlowMiner implements InProcessMiner
{
    private final String hotkey;
    private final Duration sleep;
    private final AtomicInteger interruptions = new AtomicInteger();

    public SlowMiner(final String hotkey, final Duration sleep)
    {
        this.hotkey = hotkey;
        this.sleep = sleep;
    }

    @Override
    public void answer(final Path taskJson, final Path workDir, final OutputStream vcf) throws Exception
    {
        try
        {
            Thread.sleep(sleep);
        }
        catch (final InterruptedException e)
        {
            interruptions.incrementAndGet();
            throw e;
        }
        VcfLines.write(vcf, VcfLines.emptyVcf(hotkey));
    }

    /** Answers cut short by an interrupt. */
    public int interruptions()
    {
        return interruptions.get();
    }
}

package io.callscore.engine.miner.adversary;

import io.callscore.engine.transport.InProcessMiner;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Returns junk behind a proper hotkey header: a record whose POS is not a number, then random bytes. The scorer must
 * turn it into a score of 0 with a one-line reason, and the round must go on.
 */
public final class MalformedMiner implements InProcessMiner
{
    private final String hotkey;
    private final SplittableRandom random;

    public MalformedMiner(final String hotkey, final long seed)
    {
        this.hotkey = hotkey;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void answer(final Path taskJson, final Path workDir, final OutputStream vcf) throws Exception
    {
        VcfLines.write(vcf, VcfLines.emptyVcf(hotkey));
        vcf.write("window\tone-hundred\t.\tA\tC\t50\tPASS\t.\tGT\t0/1\n".getBytes(StandardCharsets.US_ASCII));
        final byte[] junk = new byte[4096];
        synchronized (random)
        {
            random.nextBytes(junk);
        }
        vcf.write(junk);
    }
}

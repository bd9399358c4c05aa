package io.callscore.store;

import java.nio.file.Path;

/**
 * Test main for the recovery test: opens the pool in {@code args[0]}, and inside a scan of the claim map (which
 * holds a segment lock) prints "holding" and waits to be killed.
 */
public final class ClaimLockHolder
{
    private ClaimLockHolder()
    {
    }

    public static void main(final String[] args)
    {
        try (Pool pool = Pool.open(Path.of(args[0])))
        {
            pool.claims().forEach(claim ->
            {
                System.out.println("holding");
                System.out.flush();
                try
                {
                    Thread.sleep(600_000);
                }
                catch (final InterruptedException e)
                {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}

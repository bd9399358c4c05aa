package io.callscore.store;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Test main for the cross-process claim test: opens a claim pool, waits for "go" on stdin, claims until nothing
 * is left, printing each claimed id, then "done".
 */
public final class ClaimWorker
{
    private ClaimWorker()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        try (ClaimPool pool = ClaimPool.open(Path.of(args[0])))
        {
            System.out.println("ready");
            System.out.flush();
            if (System.in.read() < 0)
            {
                return;
            }
            final String hotkey = args[1];
            UUID id;
            while ((id = pool.claimNext(hotkey, 1_000, 2_000)) != null)
            {
                System.out.println(id);
            }
            System.out.println("done");
            System.out.flush();
        }
    }
}

package io.callscore.engine.pool;

import java.util.concurrent.CancellationException;

/**
 * How a window under construction learns that the build has stopped: the pool builder interrupts its workers when
 * one window fails, and each long loop of a window checks here now and then, so that no worker goes on writing
 * into the pool's staging folder after {@link PoolBuilder#run()} has returned.
 */
final class WindowCancellation
{
    private WindowCancellation()
    {
    }

    /** Throws if the current worker has been told to stop; the flag stays set for whoever catches it. */
    static void check()
    {
        if (Thread.currentThread().isInterrupted())
        {
            throw new CancellationException("window build cancelled");
        }
    }
}

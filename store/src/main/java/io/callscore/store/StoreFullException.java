package io.callscore.store;

import java.nio.file.Path;

/**
 * The store has reached the capacity it was sized for at creation. Nothing was written: the store stays as it
 * was, and the pool must be rebuilt with more room ({@link StoreSizing}).
 */
public final class StoreFullException extends StoreException
{
    private static final long serialVersionUID = 1L;

    public StoreFullException(final Path file, final String problem)
    {
        super(file, problem);
    }
}

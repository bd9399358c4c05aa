package io.callscore.store;

import java.nio.file.Path;

/**
 * A store file that cannot be used as it is: missing, foreign, truncated, corrupted, full, or opened the wrong
 * way. The message is one line, "{@code file: problem}", meant to be shown as it is. A store never resets or
 * repairs a file on its own: the operator decides.
 */
public class StoreException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public StoreException(final Path file, final String problem)
    {
        super(file + ": " + problem.replace('\n', ' ').replace('\r', ' '));
        this.file = file;
    }

    public StoreException(final Path file, final String problem, final Throwable cause)
    {
        super(file + ": " + problem.replace('\n', ' ').replace('\r', ' '), cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file()
    {
        return file;
    }
}

package io.callscore.vcf;

import java.nio.file.Path;

/**
 * Bad input from a file, a miner or a user. The message is one line, "{@code file:line: problem}", meant to be
 * shown as it is; no stack trace is captured because the input, not the program, is at fault.
 */
public final class InputException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long lineNumber;
    private final String problem;

    public InputException(final String source, final long lineNumber, final String problem)
    {
        super(format(source, lineNumber, problem), null, false, false);
        this.source = source;
        this.lineNumber = lineNumber;
        this.problem = problem;
    }

    public InputException(final Path file, final long lineNumber, final String problem)
    {
        this(file.toString(), lineNumber, problem);
    }

    public InputException(final Path file, final String problem)
    {
        this(file.toString(), 0, problem);
    }

    /** The file (or other source) the problem is in. */
    public String source()
    {
        return source;
    }

    /** 1-based line number, or 0 when the problem is not on one line. */
    public long lineNumber()
    {
        return lineNumber;
    }

    /** The problem alone, without file and line. */
    public String problem()
    {
        return problem;
    }

    private static String format(final String source, final long lineNumber, final String problem)
    {
        final String oneLine = problem.replace('\n', ' ').replace('\r', ' ');
        return lineNumber > 0 ? source + ":" + lineNumber + ": " + oneLine : source + ": " + oneLine;
    }
}

package io.callscore.cli;

import io.callscore.store.StoreException;
import io.callscore.vcf.InputException;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/** Runs a command body, turning bad input into exit code 2 and one line "callscore: error: ..." on stderr. */
final class CommandErrors
{
    static final int BAD_INPUT = 2;

    private CommandErrors()
    {
    }

    static int run(final CommandLine.Model.CommandSpec spec, final Callable<Integer> body) throws Exception
    {
        try
        {
            return body.call();
        }
        catch (final InputException | StoreException | IllegalArgumentException e)
        {
            spec.commandLine().getErr().println("callscore: error: " + e.getMessage().replace('\n', ' '));
            spec.commandLine().getErr().flush();
            return BAD_INPUT;
        }
    }
}

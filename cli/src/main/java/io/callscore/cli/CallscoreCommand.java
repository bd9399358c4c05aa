package io.callscore.cli;

import io.callscore.vcf.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code callscore} command: git-style subcommands. Exit codes: 0 success, 2 bad input or usage (one line on
 * stderr, no stack trace), 1 internal error.
 */
@Command(
    name = "callscore",
    mixinStandardHelpOptions = true,
    versionProvider = CallscoreCommand.Version.class,
    description = "Validator engine for genomics variant calling: hidden pools, vcfeval-exact scoring, weights.",
    commandListHeading = "%nCommands:%n",
    footer = {"", "Run 'callscore help <command>' for a command's options."},
    subcommands = {
        CompareCommand.class,
        DemoCommand.class,
        ValidateCommand.class,
        WeightsCommand.class,
        PoolCommand.class,
        StateCommand.class,
        MinerCommand.class,
        MakeCallsetsCommand.class,
        KeysCommand.class,
        CertCommand.class,
        UserCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class CallscoreCommand implements Runnable
{
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(final String[] args)
    {
        if (args.length > 0 && args[0].equals("compare"))
        {
            // A single comparison is a sub-second process: building picocli's model of every command costs about
            // 0.15 s of it, so 'compare' is dispatched to its own command line (same usage, errors and exit codes).
            System.exit(configure(new CommandLine(new CompareCommand()).setCommandName("callscore compare"))
                .execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine newCommandLine()
    {
        return configure(new CommandLine(new CallscoreCommand()));
    }

    /** Exit codes and one-line errors, for the whole tree or a command on its own. */
    static CommandLine configure(final CommandLine cl)
    {
        cl.setExecutionExceptionHandler(CallscoreCommand::handle);
        cl.setParameterExceptionHandler((e, args) ->
        {
            final PrintWriter err = e.getCommandLine().getErr();
            err.println("callscore: error: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    private static int handle(final Exception e, final CommandLine cl, final CommandLine.ParseResult parsed)
    {
        final PrintWriter err = cl.getErr();
        if (e instanceof InputException)
        {
            err.println("callscore: error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (e instanceof UncheckedIOException io)
        {
            err.println("callscore: error: " + io.getCause().getMessage());
            return EXIT_BAD_INPUT;
        }
        err.println("callscore: internal error: " + e);
        e.printStackTrace(err);
        return EXIT_INTERNAL;
    }

    /** Version from the build. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion() throws IOException
        {
            return new String[] {"callscore " + version()};
        }

        static String version()
        {
            try (InputStream in = CallscoreCommand.class.getResourceAsStream("version.properties"))
            {
                final Properties p = new Properties();
                if (in != null)
                {
                    p.load(in);
                }
                return p.getProperty("version", "unknown");
            }
            catch (final IOException e)
            {
                return "unknown";
            }
        }
    }
}

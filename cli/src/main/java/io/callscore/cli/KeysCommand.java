package io.callscore.cli;

import io.callscore.engine.cert.ValidatorKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code callscore keys}: the validator's Ed25519 key that signs score certificates. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "The validator's Ed25519 key that signs score certificates.",
    commandListHeading = "%nCommands:%n",
    subcommands = {KeysCommand.Init.class, KeysCommand.Show.class})
public final class KeysCommand extends CommandGroup
{
    /** Where the key lives unless {@code --key} says otherwise. */
    static final String DEFAULT_KEY_FILE = "${sys:user.home}/.callscore/validator-key.json";

    /** {@code callscore keys init}: a new key file, mode 0600, never over an existing one. */
    @Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Create a new validator key file (mode 0600; never over an existing one).",
            "Missing folders are created 0700. Prints the key id and the public key",
            "to publish: users verify certificates against it.",
        },
        footer = {"", "Exit codes: 0 created, 2 the file exists or cannot be written (one line", "on stderr)."})
    static final class Init implements Callable<Integer>
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--key", paramLabel = "FILE", defaultValue = DEFAULT_KEY_FILE,
            description = "Key file to create (default: ${DEFAULT-VALUE}).")
        Path key;

        @Override
        public Integer call()
        {
            final ValidatorKey created = ValidatorKey.init(key);
            final PrintWriter out = spec.commandLine().getOut();
            out.println("created " + key + " (mode 0600)");
            printIdentity(out, created);
            return CallscoreCommand.EXIT_OK;
        }
    }

    /** {@code callscore keys show}: the public identity of a key file. */
    @Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Print the key id and public key of a validator key file.",
            "The file is checked as the validator checks it before signing.",
        },
        footer = {"", "Exit codes: 0 ok, 2 missing, malformed, or readable by group or others", "(one line on stderr)."})
    static final class Show implements Callable<Integer>
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--key", paramLabel = "FILE", defaultValue = DEFAULT_KEY_FILE,
            description = "Key file (default: ${DEFAULT-VALUE}).")
        Path key;

        @Override
        public Integer call()
        {
            printIdentity(spec.commandLine().getOut(), ValidatorKey.load(key));
            return CallscoreCommand.EXIT_OK;
        }
    }

    private static void printIdentity(final PrintWriter out, final ValidatorKey key)
    {
        out.println("key id     " + key.keyId());
        out.println("public key " + key.publicKeyBase64());
        out.flush();
    }
}

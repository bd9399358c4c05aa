package io.callscore.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of {@code callscore demo}; the demo itself is tested end to end in the engine. */
class DemoCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine cl = CallscoreCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void shouldRefuseToEmptyAFolderThatAnEarlierDemoDidNotMake() throws Exception
    {
        final Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "precious");
        assertEquals(CallscoreCommand.EXIT_BAD_INPUT, run("demo", "--out", mine.toString()));
        assertTrue(err.toString().contains("is not a demo folder"), err.toString());
        assertTrue(Files.exists(mine.resolve("thesis.tex")), "nothing was deleted");
    }

    @Test
    void shouldRejectAZeroRoundsUsageWithExitCodeTwo()
    {
        assertEquals(CallscoreCommand.EXIT_BAD_INPUT, run("demo", "--rounds", "0", "--out", dir.toString()));
        assertTrue(err.toString().contains("--rounds must be at least 1"), err.toString());
    }

    @Test
    void shouldBeListedAmongTheCommands()
    {
        assertEquals(CallscoreCommand.EXIT_OK, run("--help"));
        assertTrue(out.toString().contains("demo"), out.toString());
    }
}

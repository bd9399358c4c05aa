package io.callscore.cli;

import io.callscore.engine.demo.Demo;
import io.callscore.engine.demo.DemoOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code callscore demo}: the whole system on the bundled example data, in one command. */
@Command(
    name = "demo",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
        "Run the whole system on the bundled example data: simulate a sequenced sample, build a hidden pool,",
        "run validator rounds against the built-in miner, the real miners whose tools are installed (bcftools,",
        "freebayes) and adversaries (copycat, look-up, noisy, wrong hotkey, empty, malformed, slow, huge, gzip",
        "bomb), print the leaderboard and weights, and write an HTML report. About a minute; no network.",
    })
public final class DemoCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Demo folder, emptied and refilled on every run (default ${DEFAULT-VALUE}).")
    Path out = Path.of("demo-out");

    @Option(names = "--rounds", paramLabel = "N", description = "Validator rounds (default ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--seed", description = "Seed of the sample, pool and rounds (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--no-real-miners", description = "Leave out bcftools and freebayes even when installed.")
    boolean noRealMiners;

    @Option(names = "--report", paramLabel = "FILE", description = "HTML report (default DIR/demo-report.html).")
    Path report;

    @Option(names = "--timeout", paramLabel = "SECONDS",
        description = "Every miner's deadline per task (default ${DEFAULT-VALUE}).")
    int timeout = 10;

    @Option(names = "--project", paramLabel = "DIR", hidden = true,
        description = "The callscore checkout (examples/, miners/); found from the jar's location by default.")
    Path project;

    @Override
    public Integer call()
    {
        final Path home = project != null ? project : DemoOptions.locateProject(DemoCommand.class);
        final DemoOptions options = DemoOptions.defaults(home).withOut(out).withReport(report)
            .withRounds(rounds, seed).withRealMiners(!noRealMiners).withTimeout(Duration.ofSeconds(timeout));
        final String problem = options.problem();
        if (problem != null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        Demo.run(options, System.out);
        return CallscoreCommand.EXIT_OK;
    }
}

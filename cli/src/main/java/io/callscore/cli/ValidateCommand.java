package io.callscore.cli;

import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.config.MinersFile;
import io.callscore.engine.round.RoundSettings;
import io.callscore.engine.round.TaskSource;
import io.callscore.engine.round.Validator;
import io.callscore.engine.user.UserJobs;
import io.callscore.engine.user.UserRound;
import io.callscore.engine.user.UserSettings;
import io.callscore.engine.weights.InnovationBoost;
import io.callscore.store.MinerStateFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code callscore validate}: run validator rounds against a pool and a set of miners. */
@Command(
    name = "validate",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
        "Run validator rounds: hidden tasks to miners, VCFs back, scores, EMA, boosts, weights.",
        "Each round samples tasks (mixing genomes, coverages, difficulties), lets each queried miner claim its own,",
        "scores the returned VCFs against the hidden truth, commits the miner state atomically, writes",
        "STATE/weights.json and a line of STATE/rounds.jsonl, and prints the leaderboard. Ctrl-C finishes the",
        "round and stops; a second Ctrl-C abandons it (nothing of it is committed). Restarting continues after",
        "the last committed round, even after kill -9. One validator per pool (it locks POOL/validator.lock); at",
        "start it releases claim-map locks a killed validator left held, so start it while no other command is",
        "using the pool.",
    })
public final class ValidateCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--pool", required = true, paramLabel = "POOL", description = "Pool directory (pool build).")
    Path pool;

    @Option(names = "--state", required = true, paramLabel = "STATE", description = "Validator state directory.")
    Path state;

    @Option(names = "--miners", required = true, paramLabel = "MINERS.yaml", description = "Miners to query.")
    Path minersFile;

    @Option(names = "--rounds", paramLabel = "N|forever", description = "Rounds to run (default ${DEFAULT-VALUE}).")
    String rounds = "1";

    @Option(names = "--tasks-per-round", paramLabel = "K",
        description = "Tasks sampled per round (default: one per queried miner).")
    int tasksPerRound;

    @Option(names = "--miners-per-round", paramLabel = "M", description = "Miners queried per round (default: all).")
    int minersPerRound;

    @Option(names = "--submit-command", paramLabel = "CMD",
        description = "Run as CMD STATE/weights.json after each round (hands weights to the chain SDK).")
    String submitCommand;

    @Option(names = "--key", paramLabel = "KEY", description = "Validator key: sign a certificate per scored task.")
    Path key;

    @Option(names = "--user-weights",
        description = "Let user-job (consensus) scores feed the EMA and weights too (default: recorded only).")
    boolean userWeights;

    @Option(names = "--max-weight", description = "Largest share of weight one uid may get (default ${DEFAULT-VALUE}).")
    double maxWeight = 1.0;

    @Option(names = "--boost-half-life", paramLabel = "ROUNDS",
        description = "Rounds for an innovation boost to halve (default ${DEFAULT-VALUE}).")
    double boostHalfLife = InnovationBoost.DEFAULT_HALF_LIFE_ROUNDS;

    @Option(names = "--uids", description = "uid capacity of a new state (default ${DEFAULT-VALUE}).")
    int uids = MinerStateFile.DEFAULT_UIDS;

    @Option(names = "--seed", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() throws Exception
    {
        final long n = parseRounds();
        // Bad input (miners file, pool, state) is exit 2 with one line, a damaged pool or state included.
        return CommandErrors.run(spec, () -> validate(n));
    }

    private int validate(final long n) throws Exception
    {
        final List<MinerEntry> miners = MinersFile.read(minersFile);
        Files.createDirectories(state);
        RoundSettings settings = RoundSettings.defaults().withSizes(tasksPerRound, minersPerRound).withSeed(seed)
            .withMaxWeight(maxWeight).withBoost(new InnovationBoost(InnovationBoost.DEFAULT_MIN_TASKS,
                InnovationBoost.DEFAULT_ALPHA, InnovationBoost.DEFAULT_SIZE, boostHalfLife));
        if (submitCommand != null && !submitCommand.isBlank())
        {
            settings = settings.withSubmitCommand(List.of(submitCommand.strip().split("\\s+")));
        }
        if (key != null)
        {
            settings = settings.withKeyFile(key);
        }
        final boolean exists = Files.exists(state.resolve(MinerStateFile.FILE_NAME));
        try (TaskSource tasks = TaskSource.openForValidator(pool);
             MinerStateFile minerState = exists ? MinerStateFile.open(state)
                 : MinerStateFile.create(state, Math.max(uids, maxUid(miners) + 1), MinerStateFile.DEFAULT_RING);
             Validator validator = new Validator(tasks, minerState, state, miners, settings, System.out,
                 Clock.systemUTC()))
        {
            validator.enableUserJobs(new UserRound(UserJobs.in(pool),
                UserSettings.defaults().withScoresInWeights(userWeights), System.out));
            installInterruptHandler(validator);
            final int done = validator.runRounds(n);
            spec.commandLine().getOut().printf("ran %d round(s); committed round %d; weights in %s%n", done,
                validator.committedRound(), state.resolve("weights.json"));
            spec.commandLine().getOut().flush();
        }
        return CallscoreCommand.EXIT_OK;
    }

    private long parseRounds()
    {
        if (rounds.equalsIgnoreCase("forever"))
        {
            return -1;
        }
        try
        {
            final long n = Long.parseLong(rounds);
            if (n >= 1)
            {
                return n;
            }
        }
        catch (final NumberFormatException e)
        {
            // reported below
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--rounds takes a positive number or 'forever'");
    }

    private static int maxUid(final List<MinerEntry> miners)
    {
        return miners.stream().mapToInt(MinerEntry::uid).max().orElse(0);
    }

    /** First Ctrl-C: finish the round and stop. Second: abandon it (the round is not committed). */
    @SuppressWarnings("removal")
    private static void installInterruptHandler(final Validator validator)
    {
        final AtomicInteger presses = new AtomicInteger();
        try
        {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal ->
            {
                if (presses.incrementAndGet() == 1)
                {
                    System.err.println("callscore: finishing this round, then stopping (Ctrl-C again to abandon it)");
                    validator.requestStop();
                }
                else
                {
                    System.err.println("callscore: round abandoned; state is as of the last committed round");
                    Runtime.getRuntime().halt(130);
                }
            });
        }
        catch (final IllegalArgumentException | UnsupportedOperationException e)
        {
            // No signal handling on this platform: Ctrl-C then ends the process; commits stay atomic.
        }
    }
}

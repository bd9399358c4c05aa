package io.callscore.cli;

import io.callscore.store.MinerStateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code callscore state}: the validator's per-miner state. */
@Command(name = "state", mixinStandardHelpOptions = true, description = "Inspect the per-miner validator state.",
    subcommands = {StateCommand.Show.class})
public final class StateCommand extends CommandGroup
{
    /** {@code callscore state show}: one row per miner, as of the last committed round. */
    @Command(name = "show", mixinStandardHelpOptions = true,
        description = "One row per registered miner, as of the last committed round (read-only).")
    public static final class Show implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--state", required = true, paramLabel = "DIR", description = "The state directory.")
        Path state;

        @Override
        public Integer call() throws Exception
        {
            return CommandErrors.run(spec, () ->
            {
                try (MinerStateFile file = MinerStateFile.openReadOnly(state))
                {
                    print(spec.commandLine().getOut(), file);
                }
                return 0;
            });
        }

        private static void print(final PrintWriter out, final MinerStateFile f)
        {
            out.printf("round %d, %d uids, %d recent scores kept per uid%n", f.committedRound(), f.uidCapacity(),
                f.ringCapacity());
            out.printf("%5s  %-48s  %10s  %10s  %11s  %8s  %10s  %6s  %10s%n", "uid", "hotkey", "ema", "boost",
                "boost_start", "scored", "last_round", "recent", "recent_avg");
            int rows = 0;
            for (int uid = 0; uid < f.uidCapacity(); uid++)
            {
                if (!f.isOccupied(uid))
                {
                    continue;
                }
                final int n = f.recentScoreCount(uid);
                double sum = 0;
                for (int i = 0; i < n; i++)
                {
                    sum += f.recentScore(uid, i);
                }
                out.printf(Locale.ROOT, "%5d  %-48s  %10.6f  %10.6f  %11d  %8d  %10d  %6d  %10s%n", uid, f.hotkey(uid),
                    f.ema(uid), f.boostValue(uid), f.boostStartRound(uid), f.scoredTasks(uid), f.lastRoundSeen(uid), n,
                    n == 0 ? "-" : String.format(Locale.ROOT, "%.6f", sum / n));
                rows++;
            }
            if (rows == 0)
            {
                out.println("(no registered miners)");
            }
            out.flush();
        }
    }
}

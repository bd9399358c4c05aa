package io.callscore.engine.round;

import io.callscore.engine.config.MinerEntry;
import io.callscore.store.MinerStateFile;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.List;

/**
 * Test main for the restart test: runs the validator on {@code args[0]} (pool) and {@code args[1]} (state, already
 * created) for {@code args[2]} rounds (-1: until killed), logging unbuffered to stdout so the test sees each
 * round's start ("round N: ...") and commit ("round N leaderboard") as it happens.
 */
public final class ValidatorCrashRunner
{
    static final String EMPTY = RoundFixture.hotkey(1);
    static final String CRASH = RoundFixture.hotkey(2);

    private ValidatorCrashRunner()
    {
    }

    /** A perfect miner (uid 0), one returning an empty call set (uid 1), one that crashes (uid 2). */
    static List<MinerEntry> miners()
    {
        final Duration t = Duration.ofSeconds(20);
        return List.of(
            RoundFixture.honest(0, RoundFixture.HONEST),
            RoundFixture.scripted(1, EMPTY, "{ echo '##fileformat=VCFv4.2'; echo '##miner_hotkey=" + EMPTY + "'; "
                + "printf '#CHROM\\tPOS\\tID\\tREF\\tALT\\tQUAL\\tFILTER\\tINFO\\tFORMAT\\tS\\n'; } > \"$2\"", t,
                1 << 20),
            RoundFixture.scripted(2, CRASH, "echo 'segmentation fault' >&2; exit 1", t, 1 << 20));
    }

    static RoundSettings settings()
    {
        return RoundSettings.defaults().withSeed(11).withThreads(3, 2);
    }

    public static void main(final String[] args)
    {
        final Path pool = Path.of(args[0]);
        final Path state = Path.of(args[1]);
        final PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (TaskSource tasks = TaskSource.openForValidator(pool);
             MinerStateFile minerState = MinerStateFile.open(state);
             Validator validator = new Validator(tasks, minerState, state, miners(), settings(), log,
                 Clock.systemUTC()))
        {
            validator.runRounds(Long.parseLong(args[2]));
        }
    }
}

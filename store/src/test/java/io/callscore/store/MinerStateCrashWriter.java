package io.callscore.store;

import java.nio.file.Path;

/**
 * Test main for the SIGKILL test: opens the miner state in {@code args[0]} and commits rounds forever, each with
 * the deterministic changes of {@link #apply}, printing each round number once it is committed.
 */
public final class MinerStateCrashWriter
{
    static final int UIDS = 64;
    static final int RING = 16;

    private MinerStateCrashWriter()
    {
    }

    public static void main(final String[] args)
    {
        try (MinerStateFile state = MinerStateFile.open(Path.of(args[0])))
        {
            for (long round = state.committedRound() + 1; ; round++)
            {
                apply(round, state, null);
                state.commit(round);
                System.out.println(round);
                System.out.flush();
            }
        }
    }

    /** The changes of one round, applied to the file or to the model (whichever is not null). */
    static void apply(final long round, final MinerStateFile file, final MinerStateModel model)
    {
        for (int i = 0; i < 8; i++)
        {
            final int uid = (int)((round * 7 + i * 13) % UIDS);
            final String hotkey = "hk" + uid + "-" + (round / 50);
            final double score = ((round * 31 + i) % 1000) / 1000.0;
            final double ema = (round % 97) / 97.0 + i;
            if (file != null)
            {
                file.register(uid, hotkey);
                file.recordScore(uid, score, round);
                file.ema(uid, ema);
                if (i == 0)
                {
                    file.boost(uid, score * 2, round);
                }
            }
            else
            {
                model.register(uid, hotkey);
                model.recordScore(uid, score, round);
                model.miners[uid].ema = ema;
                if (i == 0)
                {
                    model.miners[uid].boostValue = score * 2;
                    model.miners[uid].boostStart = round;
                }
            }
        }
    }

    /** The state after rounds 1..round. */
    static MinerStateModel expected(final long round)
    {
        final MinerStateModel model = new MinerStateModel(UIDS, RING);
        for (long r = 1; r <= round; r++)
        {
            apply(r, null, model);
        }
        model.round = round;
        return model;
    }
}

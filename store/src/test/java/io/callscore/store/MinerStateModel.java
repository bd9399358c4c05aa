package io.callscore.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain in-memory model of the miner state, for comparison with {@link MinerStateFile}. */
final class MinerStateModel
{
    static final class Miner
    {
        String hotkey = "";
        double ema;
        double boostValue;
        long boostStart;
        long scored;
        long lastRound;
        final ArrayDeque<Double> recent = new ArrayDeque<>();

        Miner copy()
        {
            final Miner m = new Miner();
            m.hotkey = hotkey;
            m.ema = ema;
            m.boostValue = boostValue;
            m.boostStart = boostStart;
            m.scored = scored;
            m.lastRound = lastRound;
            m.recent.addAll(recent);
            return m;
        }
    }

    final int ring;
    Miner[] miners;
    long round;

    MinerStateModel(final int uids, final int ring)
    {
        this.ring = ring;
        this.miners = new Miner[uids];
        for (int i = 0; i < uids; i++)
        {
            miners[i] = new Miner();
        }
    }

    MinerStateModel copy()
    {
        final MinerStateModel m = new MinerStateModel(miners.length, ring);
        for (int i = 0; i < miners.length; i++)
        {
            m.miners[i] = miners[i].copy();
        }
        m.round = round;
        return m;
    }

    void register(final int uid, final String hotkey)
    {
        if (!miners[uid].hotkey.equals(hotkey))
        {
            miners[uid] = new Miner();
            miners[uid].hotkey = hotkey;
        }
    }

    void recordScore(final int uid, final double score, final long atRound)
    {
        final Miner m = miners[uid];
        m.scored++;
        m.recent.addLast(score);
        if (m.recent.size() > ring)
        {
            m.recent.removeFirst();
        }
        m.lastRound = Math.max(m.lastRound, atRound);
    }

    /** One line per uid with every field, to compare with a file's state. */
    List<String> describe()
    {
        final List<String> lines = new ArrayList<>();
        for (int uid = 0; uid < miners.length; uid++)
        {
            final Miner m = miners[uid];
            lines.add(uid + " " + m.hotkey + " ema=" + m.ema + " boost=" + m.boostValue + "@" + m.boostStart
                + " scored=" + m.scored + " last=" + m.lastRound + " recent=" + m.recent);
        }
        return lines;
    }

    static List<String> describe(final MinerStateFile file)
    {
        final List<String> lines = new ArrayList<>();
        for (int uid = 0; uid < file.uidCapacity(); uid++)
        {
            final Double[] recent = new Double[file.recentScoreCount(uid)];
            for (int i = 0; i < recent.length; i++)
            {
                recent[i] = file.recentScore(uid, i);
            }
            lines.add(uid + " " + file.hotkey(uid) + " ema=" + file.ema(uid) + " boost=" + file.boostValue(uid) + "@"
                + file.boostStartRound(uid) + " scored=" + file.scoredTasks(uid) + " last=" + file.lastRoundSeen(uid)
                + " recent=" + Arrays.asList(recent));
        }
        return lines;
    }
}

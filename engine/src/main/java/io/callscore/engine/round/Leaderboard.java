package io.callscore.engine.round;

import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.weights.WeightEmitter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table printed after each round: miners by EMA, with this round's score or why it was 0. */
public final class Leaderboard
{
    private Leaderboard()
    {
    }

    public static String of(final long round, final List<MinerEntry> miners, final List<Validator.Result> results,
        final double[] ema, final double[] boost, final WeightEmitter.Emit weights)
    {
        final Map<Integer, Validator.Result> byUid = new HashMap<>();
        results.forEach(r -> byUid.put(r.miner().uid(), r));
        final Map<Integer, Integer> weightOf = new HashMap<>();
        for (int i = 0; i < weights.uids().length; i++)
        {
            weightOf.put(weights.uids()[i], weights.weights()[i]);
        }
        final List<MinerEntry> sorted = new ArrayList<>(miners);
        sorted.sort((a, b) -> Double.compare(ema[b.uid()], ema[a.uid()]));
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "round %d leaderboard%n", round));
        sb.append(String.format(Locale.ROOT, "%4s %5s  %-12s %8s %8s %7s %7s  %s%n", "rank", "uid", "hotkey", "score",
            "ema", "boost", "weight", "note"));
        int rank = 1;
        for (final MinerEntry m : sorted)
        {
            final Validator.Result r = byUid.get(m.uid());
            final String score = r == null ? "-" : String.format(Locale.ROOT, "%.4f", r.score().score());
            final String note = r == null ? "not queried" : r.score().reason().isEmpty() ? "" : r.score().reason();
            sb.append(String.format(Locale.ROOT, "%4d %5d  %-12s %8s %8.4f %7.3f %7d  %s%n", rank++, m.uid(),
                m.hotkey().substring(0, Math.min(10, m.hotkey().length())) + "..", score, ema[m.uid()],
                boost[m.uid()], weightOf.getOrDefault(m.uid(), 0), truncate(note, 70)));
        }
        return sb.toString();
    }

    private static String truncate(final String s, final int n)
    {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }
}

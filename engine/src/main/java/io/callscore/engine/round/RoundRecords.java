package io.callscore.engine.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callscore.compare.Counts;
import io.callscore.engine.weights.WeightEmitter;

import java.time.Instant;
import java.util.List;

/**
 * The round record, one JSON line of {@code rounds.jsonl}:
 * <pre>
 * {"round":N,"started_at":"...","finished_at":"...",
 *  "results":[{"uid":U,"hotkey":"...","task_id":"...","status":"ok|timeout|failed|too_large","reason":"...",
 *              "score":X,"elapsed_ms":N,"bytes":N,"fingerprint":"...","empty_call_set":false,
 *              "outside_window":N,"duplicate_of":null,"metrics":{"snp":{...},"indel":{...},"total":{...}}}],
 *  "ema":{"U":X,...},"boost":{"U":X,...},"boosted":[U,...],"record_level":X,
 *  "weights":{"uids":[...],"weights":[...]},"copy_suspects":[{"uids":[A,B],"correlation":X,"rounds":N}]}
 * </pre>
 * EMA and boost list every registered uid with a non-zero value.
 */
public final class RoundRecords
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private RoundRecords()
    {
    }

    static ObjectNode of(final long round, final long startMs, final long endMs, final List<Validator.Result> results,
        final double[] ema, final double[] boost, final List<Integer> boosted, final double recordLevel,
        final WeightEmitter.Emit weights, final ArrayNode copySuspects)
    {
        final ObjectNode r = JSON.createObjectNode();
        r.put("round", round);
        r.put("started_at", Instant.ofEpochMilli(startMs).toString());
        r.put("finished_at", Instant.ofEpochMilli(endMs).toString());
        final ArrayNode rs = r.putArray("results");
        for (final Validator.Result res : results)
        {
            final ObjectNode o = rs.addObject();
            o.put("uid", res.miner().uid());
            o.put("hotkey", res.miner().hotkey());
            o.put("task_id", res.taskId().toString());
            o.put("status", res.response().status().name().toLowerCase(java.util.Locale.ROOT));
            o.put("reason", res.score().reason());
            o.put("score", res.score().score());
            o.put("elapsed_ms", res.response().elapsedMs());
            o.put("bytes", res.response().bytes());
            o.put("fingerprint", res.score().fingerprint());
            o.put("empty_call_set", res.score().emptyCallSet());
            o.put("outside_window", res.score().outsideWindow());
            o.put("duplicate_of", res.duplicateOf());
            if (res.score().compared())
            {
                metrics(o.putObject("metrics"), res.score().result().counts());
            }
        }
        final ObjectNode e = r.putObject("ema");
        final ObjectNode b = r.putObject("boost");
        for (int u = 0; u < ema.length; u++)
        {
            if (ema[u] != 0)
            {
                e.put(Integer.toString(u), ema[u]);
            }
            if (boost[u] != 0)
            {
                b.put(Integer.toString(u), boost[u]);
            }
        }
        final ArrayNode bs = r.putArray("boosted");
        boosted.forEach(bs::add);
        r.put("record_level", recordLevel);
        final ObjectNode w = r.putObject("weights");
        final ArrayNode wu = w.putArray("uids");
        final ArrayNode ww = w.putArray("weights");
        for (int i = 0; i < weights.uids().length; i++)
        {
            wu.add(weights.uids()[i]);
            ww.add(weights.weights()[i]);
        }
        r.set("copy_suspects", copySuspects);
        return r;
    }

    /** {@code {"snp":{...},"indel":{...},"total":{...}}} into {@code m}, as every record writes metrics. */
    public static void metrics(final ObjectNode m, final Counts counts)
    {
        counts(m.putObject("snp"), counts.snp());
        counts(m.putObject("indel"), counts.indel());
        counts(m.putObject("total"), counts.total());
    }

    private static void counts(final ObjectNode o, final Counts.ClassCounts c)
    {
        o.put("tp_base", c.tpBase());
        o.put("tp_call", c.tpCall());
        o.put("fp", c.fp());
        o.put("fn", c.fn());
        o.put("precision", c.precision());
        o.put("recall", c.recall());
        o.put("f1", c.f1());
    }
}

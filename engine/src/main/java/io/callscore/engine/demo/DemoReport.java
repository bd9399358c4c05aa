package io.callscore.engine.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.engine.weights.WeightEmitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's HTML report, built from the validator's own round records ({@code STATE/rounds.jsonl}): the leaderboard,
 * task score and EMA per round as line charts, the final weights as bars, precision and recall per variant class,
 * and why each flagged miner got nothing. One self-contained file: inline CSS and SVG, no script, nothing fetched.
 */
public final class DemoReport
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] HONEST_COLOURS = {"#1b7837", "#2166ac", "#01665e", "#5aae61"};
    private static final String[] ADVERSARY_COLOURS = {"#d6604d", "#b2182b", "#e08214", "#8073ac", "#c51b7d",
        "#7f3b08", "#878787", "#542788", "#bf812d", "#de77ae", "#35978f", "#fdb863"};

    /** What one miner did in one round. */
    private record Cell(double score, String status, String reason, String duplicateOf, JsonNode metrics,
        long elapsedMs, long bytes, String taskId, boolean emptyCallSet)
    {
    }

    private final List<DemoMiner> miners;
    private final List<JsonNode> rounds;
    private final Map<Integer, String> colour = new HashMap<>();
    private final StringBuilder html = new StringBuilder(1 << 16);

    private DemoReport(final List<DemoMiner> miners, final List<JsonNode> rounds)
    {
        this.miners = miners;
        this.rounds = rounds;
        int h = 0;
        int a = 0;
        for (final DemoMiner m : miners)
        {
            colour.put(m.uid(), m.honest() ? HONEST_COLOURS[h++ % HONEST_COLOURS.length]
                : ADVERSARY_COLOURS[a++ % ADVERSARY_COLOURS.length]);
        }
    }

    /** Writes the report for {@code miners} from the round records in {@code journal}. */
    public static void write(final Path file, final List<DemoMiner> miners, final Path journal,
        final String poolDescription)
    {
        final List<JsonNode> rounds = new ArrayList<>();
        try
        {
            for (final String line : Files.readAllLines(journal, StandardCharsets.UTF_8))
            {
                if (!line.isBlank())
                {
                    rounds.add(JSON.readTree(line));
                }
            }
            final String page = new DemoReport(miners, rounds).render(poolDescription);
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            Files.writeString(file, page, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- data ------------------------------------------------------------------------------------------------------

    private Cell cell(final int round, final int uid)
    {
        for (final JsonNode r : rounds.get(round).path("results"))
        {
            if (r.path("uid").asInt() == uid)
            {
                return new Cell(r.path("score").asDouble(), r.path("status").asText(), r.path("reason").asText(""),
                    r.path("duplicate_of").isNull() ? null : r.path("duplicate_of").asText(null), r.get("metrics"),
                    r.path("elapsed_ms").asLong(), r.path("bytes").asLong(), r.path("task_id").asText(),
                    r.path("empty_call_set").asBoolean());
            }
        }
        return null;
    }

    private double ema(final int round, final int uid)
    {
        return rounds.get(round).path("ema").path(Integer.toString(uid)).asDouble(0);
    }

    private Map<Integer, Integer> finalWeights()
    {
        final Map<Integer, Integer> out = new LinkedHashMap<>();
        if (!rounds.isEmpty())
        {
            final JsonNode w = rounds.getLast().path("weights");
            for (int i = 0; i < w.path("uids").size(); i++)
            {
                out.put(w.path("uids").get(i).asInt(), w.path("weights").get(i).asInt());
            }
        }
        return out;
    }

    private double meanScore(final int uid)
    {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < rounds.size(); r++)
        {
            final Cell c = cell(r, uid);
            if (c != null)
            {
                sum += c.score();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    // ---- page ------------------------------------------------------------------------------------------------------

    private String render(final String poolDescription)
    {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>callscore demo report</title>\n<style>\n").append(CSS).append("</style></head><body>\n");
        html.append("<h1>callscore demo</h1>\n<p class=\"lead\">").append(esc(String.format(Locale.ROOT,
            "%d rounds, %d miners (%d honest, %d adversaries). Each round every miner gets its own hidden task, "
                + "returns a VCF, and is scored against the task's hidden truth as RTG vcfeval would count it: "
                + "score = 0.7 F1(SNP) + 0.3 F1(INDEL). The EMA of the scores (alpha 0.1) becomes the weights.",
            rounds.size(), miners.size(), miners.stream().filter(DemoMiner::honest).count(),
            miners.stream().filter(m -> !m.honest()).count()))).append("</p>\n");
        html.append("<p class=\"small\">Pool: ").append(esc(poolDescription)).append(" Written ")
            .append(esc(Instant.now().toString().substring(0, 19).replace('T', ' '))).append(" UTC from ")
            .append("STATE/rounds.jsonl.</p>\n");
        leaderboard();
        html.append("<h2>Score and EMA over rounds</h2>\n<div class=\"charts\">\n");
        lineChart("Task score per round", true);
        lineChart("EMA after each round", false);
        html.append("</div>\n");
        legend();
        weightsChart();
        precisionRecall();
        flagged();
        details();
        html.append("<p class=\"small\">Made by <code>callscore demo</code>. Self-contained: no script, no network."
            + "</p>\n</body></html>\n");
        return html.toString();
    }

    private void leaderboard()
    {
        final Map<Integer, Integer> weights = finalWeights();
        final long total = weights.values().stream().mapToLong(Integer::longValue).sum();
        final List<DemoMiner> sorted = new ArrayList<>(miners);
        final int last = rounds.size() - 1;
        sorted.sort(Comparator.comparingDouble((DemoMiner m) -> last < 0 ? 0 : -ema(last, m.uid()))
            .thenComparingInt(DemoMiner::uid));
        html.append("<h2>Leaderboard after round ").append(rounds.size()).append("</h2>\n<table class=\"board\">\n")
            .append("<tr><th>rank</th><th>uid</th><th>miner</th><th>plays</th><th>what it does</th><th>mean score</th>"
                + "<th>EMA</th><th>weight (u16)</th><th>share</th><th>verdict</th></tr>\n");
        int rank = 1;
        for (final DemoMiner m : sorted)
        {
            final int w = weights.getOrDefault(m.uid(), 0);
            html.append("<tr><td>").append(rank++).append("</td><td>").append(m.uid())
                .append("</td><td class=\"name\">")
                .append(swatch(m.uid())).append("<b>").append(esc(m.name())).append("</b></td><td>")
                .append(m.honest() ? "honest" : "<span class=\"adv\">adversary</span>").append("</td><td>")
                .append(esc(m.description())).append("</td><td class=\"num\">").append(fmt(meanScore(m.uid())))
                .append("</td><td class=\"num\">").append(last < 0 ? "-" : fmt(ema(last, m.uid())))
                .append("</td><td class=\"num\">").append(w).append("</td><td class=\"num\">")
                .append(String.format(Locale.ROOT, "%.1f%%", total == 0 ? 0.0 : 100.0 * w / total))
                .append("</td><td>").append(esc(verdict(m))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** The main reason a miner earned what it did, in a few words. */
    private String verdict(final DemoMiner m)
    {
        final Map<String, List<Integer>> reasons = reasons(m.uid());
        if (reasons.isEmpty())
        {
            return m.honest() ? "scored on every task" : "scored, below the honest miners";
        }
        return shorten(reasons.keySet().iterator().next());
    }

    /**
     * Why a uid scored 0, most frequent first, with the rounds: the reason the validator recorded (a duplicate of
     * the same round's calls is written "(same round)" so rounds group), or that its call set was empty.
     */
    private Map<String, List<Integer>> reasons(final int uid)
    {
        final Map<String, List<Integer>> rounds = new LinkedHashMap<>();
        for (int r = 0; r < this.rounds.size(); r++)
        {
            final Cell c = cell(r, uid);
            if (c == null)
            {
                continue;
            }
            String reason = c.reason().replace("(round " + (r + 1) + ")", "(same round)");
            if (reason.isEmpty() && c.emptyCallSet())
            {
                reason = EMPTY;
            }
            if (!reason.isEmpty())
            {
                rounds.computeIfAbsent(reason, k -> new ArrayList<>()).add(r + 1);
            }
        }
        final List<Map.Entry<String, List<Integer>>> list = new ArrayList<>(rounds.entrySet());
        list.sort((a, b) -> b.getValue().size() - a.getValue().size());
        final Map<String, List<Integer>> out = new LinkedHashMap<>();
        list.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static final String EMPTY = "no calls (an empty call set: recall 0, so F1 0; not a refusal)";

    private static String shorten(final String reason)
    {
        if (reason.equals(EMPTY) || reason.startsWith("no calls"))
        {
            return "no calls: scores 0";
        }
        if (reason.startsWith("duplicate of"))
        {
            return "flagged: copied the calls of " + reason.substring(reason.indexOf("uid"));
        }
        if (reason.startsWith("##miner_hotkey"))
        {
            return "flagged: VCF signed with another miner's hotkey";
        }
        if (reason.startsWith("timeout"))
        {
            return "flagged: missed the deadline";
        }
        if (reason.startsWith("too_large"))
        {
            return "flagged: answer over the byte cap";
        }
        if (reason.contains("bytes of text"))
        {
            return "flagged: inflates past the decompressed-bytes cap";
        }
        if (reason.startsWith("bad VCF"))
        {
            return "flagged: unreadable VCF";
        }
        return reason.length() > 60 ? reason.substring(0, 57) + "..." : reason;
    }

    // ---- charts ----------------------------------------------------------------------------------------------------

    private static final int W = 470;
    private static final int H = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private void lineChart(final String title, final boolean scores)
    {
        final int n = rounds.size();
        final double plotW = W - LEFT - RIGHT;
        final double plotH = H - TOP - BOTTOM;
        double max = 0;
        for (final DemoMiner m : miners)
        {
            for (int r = 0; r < n; r++)
            {
                final Cell c = cell(r, m.uid());
                max = Math.max(max, scores ? (c == null ? 0 : c.score()) : ema(r, m.uid()));
            }
        }
        final double yMax = scores ? 1.0 : niceMax(max);
        html.append("<svg class=\"chart\" viewBox=\"0 0 ").append(W).append(' ').append(H)
            .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n");
        html.append("<text x=\"").append(LEFT).append("\" y=\"18\" class=\"title\">").append(esc(title))
            .append("</text>\n");
        for (int k = 0; k <= 4; k++)
        {
            final double v = yMax * k / 4;
            final double y = TOP + plotH - plotH * k / 4;
            html.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                + "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%s</text>%n", LEFT, y, W - RIGHT, y,
                LEFT - 6, y + 4, trim(v)));
        }
        for (int r = 0; r < n; r++)
        {
            html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">"
                + "%d</text>%n", x(r, n, plotW), H - BOTTOM + 18, r + 1));
        }
        html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">"
            + "round</text>%n", LEFT + plotW / 2, H - 6));
        // Adversaries first, so honest lines are drawn on top.
        final List<DemoMiner> order = new ArrayList<>(miners);
        order.sort(Comparator.comparing(DemoMiner::honest));
        for (final DemoMiner m : order)
        {
            final StringBuilder points = new StringBuilder();
            final StringBuilder dots = new StringBuilder();
            for (int r = 0; r < n; r++)
            {
                final Cell c = cell(r, m.uid());
                final double v = scores ? (c == null ? Double.NaN : c.score()) : ema(r, m.uid());
                if (Double.isNaN(v))
                {
                    continue;
                }
                final double px = x(r, n, plotW);
                final double py = TOP + plotH - plotH * Math.min(1, v / yMax);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\">"
                    + "<title>%s round %d: %s</title></circle>", px, py, colour.get(m.uid()), esc(m.name()), r + 1,
                    fmt(v)));
            }
            html.append("<g><polyline fill=\"none\" stroke=\"").append(colour.get(m.uid()))
                .append("\" stroke-width=\"").append(m.honest() ? "2.5" : "1.8").append('"')
                .append(m.honest() ? "" : " stroke-dasharray=\"6 3\"").append(" points=\"")
                .append(points.toString().strip()).append("\"/>").append(dots).append("</g>\n");
        }
        html.append("</svg>\n");
    }

    private static double x(final int r, final int n, final double plotW)
    {
        return n == 1 ? LEFT + plotW / 2 : LEFT + plotW * r / (n - 1);
    }

    private static double niceMax(final double max)
    {
        if (max <= 0)
        {
            return 1;
        }
        final double step = Math.pow(10, Math.floor(Math.log10(max)));
        for (final double m : new double[] {1, 2, 2.5, 5, 10})
        {
            if (m * step >= max)
            {
                return m * step;
            }
        }
        return 10 * step;
    }

    private void legend()
    {
        html.append("<div class=\"legend\">");
        for (final DemoMiner m : miners)
        {
            html.append("<span>").append(swatch(m.uid())).append(esc(m.name()))
                .append(m.honest() ? "" : " <i>(adversary)</i>").append("</span>");
        }
        html.append("</div>\n<p class=\"small\">Solid lines: honest miners; dashed: adversaries. Lines at 0 lie on "
            + "top of each other. Hover a point for its value.</p>\n");
    }

    private void weightsChart()
    {
        final Map<Integer, Integer> weights = finalWeights();
        final long total = weights.values().stream().mapToLong(Integer::longValue).sum();
        final List<DemoMiner> sorted = new ArrayList<>(miners);
        sorted.sort(Comparator.comparingInt((DemoMiner m) -> -weights.getOrDefault(m.uid(), 0))
            .thenComparingInt(DemoMiner::uid));
        final int row = 24;
        final int labelW = 130;
        final int barW = 560;
        final int h = row * sorted.size() + 30;
        html.append("<h2>Weights after round ").append(rounds.size())
            .append("</h2>\n<p class=\"small\">As set on chain: EMA &times; (1 + boost), normalised, scaled so the "
                + "largest is 65535 (u16); uids with 0 are left out of the emitted list.</p>\n");
        html.append("<svg class=\"bars\" viewBox=\"0 0 ").append(labelW + barW + 150).append(' ').append(h)
            .append("\" role=\"img\" aria-label=\"final weights\">\n");
        int y = 10;
        for (final DemoMiner m : sorted)
        {
            final int w = weights.getOrDefault(m.uid(), 0);
            final double share = total == 0 ? 0 : (double)w / total;
            final double len = barW * (double)w / WeightEmitter.U16_MAX;
            html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">%s"
                + "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                + "<text x=\"%.1f\" y=\"%d\" class=\"axis\">%d (%.1f%%)</text>%n", labelW - 8, y + 15, esc(m.name()),
                labelW, y + 3, Math.max(len, 0.5), row - 8, colour.get(m.uid()), labelW + len + 6, y + 15, w,
                share * 100));
            y += row;
        }
        html.append("</svg>\n");
    }

    private void precisionRecall()
    {
        html.append("<h2>Precision and recall per class</h2>\n<p class=\"small\">Summed over the rounds in which the "
            + "miner's VCF was compared with the truth (tp_call, fp, tp_base, fn as vcfeval counts them). Precision = "
            + "tp_call / (tp_call + fp), recall = tp_base / (tp_base + fn). Miners whose VCFs were never compared have "
            + "no bars.</p>\n<table class=\"pr\">\n<tr><th>miner</th><th>SNP precision</th><th>SNP recall</th>"
            + "<th>INDEL precision</th><th>INDEL recall</th><th>compared</th></tr>\n");
        for (final DemoMiner m : miners)
        {
            final long[] snp = new long[4];
            final long[] indel = new long[4];
            int compared = 0;
            for (int r = 0; r < rounds.size(); r++)
            {
                final Cell c = cell(r, m.uid());
                if (c != null && c.metrics() != null)
                {
                    add(snp, c.metrics().path("snp"));
                    add(indel, c.metrics().path("indel"));
                    compared++;
                }
            }
            html.append("<tr><td class=\"name\">").append(swatch(m.uid())).append(esc(m.name())).append("</td>");
            for (final long[] k : new long[][] {snp, indel})
            {
                bar(compared, k[0], k[1], m.uid());
                bar(compared, k[2], k[3], m.uid());
            }
            html.append("<td class=\"num\">").append(compared).append(" of ").append(rounds.size())
                .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** tp_call, fp, tp_base, fn. */
    private static void add(final long[] sums, final JsonNode c)
    {
        sums[0] += c.path("tp_call").asLong();
        sums[1] += c.path("fp").asLong();
        sums[2] += c.path("tp_base").asLong();
        sums[3] += c.path("fn").asLong();
    }

    private void bar(final int compared, final long good, final long bad, final int uid)
    {
        if (compared == 0)
        {
            html.append("<td class=\"none\">-</td>");
            return;
        }
        final double v = good + bad == 0 ? 0 : (double)good / (good + bad);
        html.append(String.format(Locale.ROOT, "<td><div class=\"meter\"><div style=\"width:%.1f%%;background:%s\">"
            + "</div></div><span class=\"num\">%.3f</span> <span class=\"small\">(%d/%d)</span></td>", v * 100,
            colour.get(uid), v, good, good + bad));
    }

    private void flagged()
    {
        html.append("<h2>Flagged miners</h2>\n<p class=\"small\">Every response that scored 0, with the reason the "
            + "validator recorded. Nothing here stopped a round: each was settled within the deadline.</p>\n"
            + "<table class=\"flags\">\n"
            + "<tr><th>miner</th><th>reason (as the validator recorded it)</th><th>rounds</th></tr>\n");
        boolean any = false;
        for (final DemoMiner m : miners)
        {
            for (final Map.Entry<String, List<Integer>> e : reasons(m.uid()).entrySet())
            {
                any = true;
                html.append("<tr><td class=\"name\">").append(swatch(m.uid())).append(esc(m.name()))
                    .append("</td><td class=\"wrap\"><code>").append(esc(e.getKey())).append("</code></td><td>")
                    .append(esc(String.join(", ", e.getValue().stream().map(String::valueOf).toList())))
                    .append("</td></tr>\n");
            }
        }
        if (!any)
        {
            html.append("<tr><td colspan=\"3\">none</td></tr>\n");
        }
        html.append("</table>\n");
        final List<String> suspects = new ArrayList<>();
        for (final JsonNode r : rounds)
        {
            for (final JsonNode s : r.path("copy_suspects"))
            {
                suspects.add("round " + r.path("round").asLong() + ": uids " + s.path("uids") + ", correlation "
                    + fmt(s.path("correlation").asDouble()) + " over " + s.path("rounds").asInt() + " rounds");
            }
        }
        html.append("<p class=\"small\">Score-correlation copy suspects (need 10 rounds of history): ")
            .append(suspects.isEmpty() ? "none" : esc(String.join("; ", suspects))).append(".</p>\n");
    }

    private void details()
    {
        html.append("<details><summary>Every response, round by round</summary>\n<table class=\"detail\">\n"
            + "<tr><th>round</th><th>miner</th><th>task</th><th>status</th><th>time</th><th>bytes</th><th>score</th>"
            + "<th>SNP P / R / F1</th><th>INDEL P / R / F1</th><th>reason</th></tr>\n");
        for (int r = 0; r < rounds.size(); r++)
        {
            for (final DemoMiner m : miners)
            {
                final Cell c = cell(r, m.uid());
                if (c == null)
                {
                    continue;
                }
                html.append("<tr><td class=\"num\">").append(r + 1).append("</td><td class=\"name\">")
                    .append(swatch(m.uid())).append(esc(m.name())).append("</td><td><code>")
                    .append(esc(c.taskId().substring(0, Math.min(8, c.taskId().length())))).append("</code></td><td>")
                    .append(esc(c.status())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.1f s", c.elapsedMs() / 1e3))
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,d", c.bytes()))
                    .append("</td><td class=\"num\">").append(fmt(c.score())).append("</td><td class=\"num\">")
                    .append(prf(c.metrics(), "snp")).append("</td><td class=\"num\">").append(prf(c.metrics(), "indel"))
                    .append("</td><td class=\"wrap\">").append(esc(c.reason())).append("</td></tr>\n");
            }
        }
        html.append("</table></details>\n");
    }

    private static String prf(final JsonNode metrics, final String cls)
    {
        if (metrics == null)
        {
            return "-";
        }
        final JsonNode c = metrics.path(cls);
        return fmt(c.path("precision").asDouble()) + " / " + fmt(c.path("recall").asDouble()) + " / "
            + fmt(c.path("f1").asDouble());
    }

    private String swatch(final int uid)
    {
        return "<span class=\"sw\" style=\"background:" + colour.get(uid) + "\"></span>";
    }

    private static String fmt(final double v)
    {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String trim(final double v)
    {
        final String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String esc(final String s)
    {
        final StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < ' ' && c != '\n' && c != '\t' ? '?' : c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1080px;
          color:#222;padding:0 16px;line-height:1.4}
        h1{margin-bottom:4px}h2{margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .lead{font-size:1.05em}.small{font-size:.85em;color:#555}
        table{border-collapse:collapse;width:100%;font-size:.9em}
        th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:middle}
        th{background:#f4f4f4}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .adv{color:#b2182b;font-weight:600}
        .sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}
        .charts{display:flex;flex-wrap:wrap;gap:16px}.chart{width:100%;max-width:520px;height:auto;
          border:1px solid #eee;border-radius:4px;background:#fff}
        .chart .title{font-size:14px;font-weight:600;fill:#222}.axis{font-size:12px;fill:#444}
        .grid{stroke:#e6e6e6;stroke-width:1}
        .legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:10px 0;font-size:.9em}
        .bars{width:100%;max-width:840px;height:auto}
        .meter{display:inline-block;width:90px;height:10px;background:#eee;border-radius:2px;margin-right:6px;
          vertical-align:middle}.meter div{height:10px;border-radius:2px}
        .none{color:#aaa;text-align:center}
        details{margin-top:28px}summary{cursor:pointer;font-weight:600}
        code{font-size:.92em}.name{white-space:nowrap}.wrap{overflow-wrap:anywhere;word-break:break-word}
        .detail{font-size:.8em}.detail td.wrap{min-width:14em}
        """;
}

package io.callscore.engine.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.engine.round.Validator;
import io.callscore.engine.transport.MinerResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo end to end on a smaller configuration (a 30 kb window, two rounds): the acceptance list. Honest
 * miners outrank every adversary, the copycat is flagged, the wrong hotkey scores 0, the slow miner times out
 * without stalling the round, weights are in the emit format; with bcftools installed (CI installs it) its miner
 * takes part and scores like the others.
 */
class DemoPipelineTest
{
    private static final int ROUNDS = 2;
    private static Demo.Outcome outcome;
    private static String printed;

    @TempDir
    static Path dir;

    private static synchronized Demo.Outcome demo()
    {
        if (outcome == null)
        {
            final Path project = DemoOptions.locateProject(DemoPipelineTest.class);
            assertNotNull(project, "the test runs inside the callscore checkout");
            final DemoOptions options = DemoOptions.defaults(project).withOut(dir.resolve("demo"))
                .withRounds(ROUNDS, 7).withWindow(150_000, 30_000).withTimeout(Duration.ofSeconds(10));
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
            {
                outcome = Demo.run(options, out);
            }
            printed = bytes.toString(StandardCharsets.UTF_8);
            System.out.print(printed);
        }
        return outcome;
    }

    private static Map<String, List<Validator.Result>> byName()
    {
        final Map<Integer, String> names = new HashMap<>();
        demo().miners().forEach(m -> names.put(m.uid(), m.name()));
        final Map<String, List<Validator.Result>> out = new HashMap<>();
        for (final Validator.RoundOutcome round : demo().rounds())
        {
            for (final Validator.Result r : round.results())
            {
                out.computeIfAbsent(names.get(r.miner().uid()), k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    @Test
    void shouldRankEveryHonestMinerAboveEveryAdversaryWhenTheDemoRuns()
    {
        final Map<String, List<Validator.Result>> results = byName();
        double worstHonest = 1;
        double bestAdversary = 0;
        for (final DemoMiner m : demo().miners())
        {
            final List<Validator.Result> mine = results.get(m.name());
            assertEquals(ROUNDS, mine.size(), m.name() + " answered every round");
            final double mean = mine.stream().mapToDouble(r -> r.score().score()).average().orElseThrow();
            if (m.honest())
            {
                worstHonest = Math.min(worstHonest, mean);
            }
            else
            {
                bestAdversary = Math.max(bestAdversary, mean);
            }
        }
        assertTrue(worstHonest > bestAdversary, "honest " + worstHonest + " vs adversary " + bestAdversary);
        assertTrue(worstHonest > 0.95, "honest miners call the simulated sample well: " + worstHonest);
        final double noisy = mean(results.get("noisy"));
        final double lookUp = mean(results.get("look-up"));
        assertTrue(noisy > lookUp && lookUp > 0.5, "noisy " + noisy + " > look-up " + lookUp + " > the rest (0)");
        for (final String zero : List.of("copycat", "wrong-hotkey", "empty", "malformed", "slow", "huge", "gzip-bomb"))
        {
            assertEquals(0.0, mean(results.get(zero)), zero);
        }
    }

    @Test
    void shouldFlagTheCopycatAsADuplicateOfTheMinerItCopiedInEveryRound()
    {
        for (final Validator.Result r : byName().get("copycat"))
        {
            assertEquals(MinerResponse.Status.OK, r.response().status());
            assertTrue(r.score().compared(), "its relayed VCF loads against its own task's reference");
            assertNotNull(r.duplicateOf(), r.score().reason());
            assertTrue(r.score().reason().startsWith("duplicate of the calls of uid 0"), r.score().reason());
        }
    }

    @Test
    void shouldScoreZeroForTheWrongHotkeyAndRefuseEveryHostileAnswerWithAReason()
    {
        final Map<String, List<Validator.Result>> results = byName();
        for (final Validator.Result r : results.get("wrong-hotkey"))
        {
            assertEquals(0.0, r.score().score());
            assertTrue(r.score().reason().endsWith("is not the responding miner's hotkey"), r.score().reason());
        }
        results.get("huge").forEach(r -> assertEquals(MinerResponse.Status.TOO_LARGE, r.response().status()));
        results.get("gzip-bomb").forEach(r -> assertTrue(r.score().reason().contains("after decompression"),
            r.score().reason()));
        results.get("malformed").forEach(r -> assertTrue(r.score().reason().startsWith("bad VCF"), r.score().reason()));
        results.get("empty").forEach(r -> assertTrue(r.score().emptyCallSet()));
    }

    @Test
    void shouldTimeTheSlowMinerOutWithoutStallingTheRound() throws InterruptedException
    {
        for (final Validator.Result r : byName().get("slow"))
        {
            assertEquals(MinerResponse.Status.TIMEOUT, r.response().status(), r.response().reason());
        }
        assertEquals(ROUNDS, demo().rounds().size(), "every round finished");
        while (demo().slow().interruptions() < ROUNDS)
        {
            Thread.sleep(10); // each round interrupted the sleeper instead of waiting out its hour
        }
        assertEquals(ROUNDS, demo().slow().interruptions());
    }

    @Test
    void shouldWriteWeightsInTheEmitFormatWithWeightOnlyForMinersThatScored() throws Exception
    {
        final JsonNode w = new ObjectMapper().readTree(Files.readString(demo().state().resolve("weights.json")));
        final List<String> fields = new ArrayList<>();
        w.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("round", "uids", "weights"), fields);
        assertEquals(ROUNDS, w.path("round").asInt());
        assertEquals(w.path("uids").size(), w.path("weights").size());
        final Set<Integer> paid = new TreeSet<>();
        int previous = -1;
        int max = 0;
        for (int i = 0; i < w.path("uids").size(); i++)
        {
            final int uid = w.path("uids").get(i).asInt();
            final int weight = w.path("weights").get(i).asInt();
            assertTrue(uid > previous, "uids ascending");
            assertTrue(weight > 0 && weight <= 65535, "u16 weight " + weight);
            previous = uid;
            max = Math.max(max, weight);
            paid.add(uid);
        }
        assertEquals(65535, max, "the largest weight is u16 max");
        final Set<Integer> expected = new TreeSet<>();
        for (final DemoMiner m : demo().miners())
        {
            if (m.honest() || m.name().equals("noisy") || m.name().equals("look-up"))
            {
                expected.add(m.uid());
            }
        }
        assertEquals(expected, paid);
    }

    @Test
    void shouldWriteASelfContainedReportWithChartsForEveryMiner() throws Exception
    {
        final String html = Files.readString(demo().report());
        assertTrue(html.contains("<svg") && html.contains("<polyline"), "line charts");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
            "nothing fetched, nothing run");
        for (final DemoMiner m : demo().miners())
        {
            assertTrue(html.contains(">" + m.name() + "<"), m.name());
        }
        assertTrue(html.contains("duplicate of the calls of uid 0 (same round)"), "the copycat is listed as flagged");
        assertTrue(printed.contains("round " + ROUNDS + " leaderboard"), "the leaderboard is printed each round");
    }

    @Test
    void shouldLetTheBcftoolsMinerTakePartWhenBcftoolsIsInstalled()
    {
        assumeTrue(Demo.onPath("bcftools"), "bcftools is not installed (Debian package bcftools)");
        final List<Validator.Result> results = byName().get("bcftools");
        assertNotNull(results, "the bcftools miner is registered");
        for (final Validator.Result r : results)
        {
            assertEquals(MinerResponse.Status.OK, r.response().status(), r.response().reason());
            assertTrue(r.score().score() > 0.95, "bcftools scored " + r.score().score() + " " + r.score().reason());
        }
    }

    private static double mean(final List<Validator.Result> results)
    {
        double sum = 0;
        for (final Iterator<Validator.Result> it = results.iterator(); it.hasNext(); )
        {
            sum += it.next().score().score();
        }
        return sum / results.size();
    }
}

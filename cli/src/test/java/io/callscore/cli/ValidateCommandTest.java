package io.callscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.callscore.cli.ValidatorFixture.callscore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRunTheRoundsPrintTheLeaderboardAndLeaveWeightsWhenMinersAnswer() throws Exception
    {
        final Path pool = ValidatorFixture.pool(dir, 12);
        final Path miners = ValidatorFixture.miners(dir);
        final Path state = dir.resolve("state");
        final ValidatorFixture.Run run = callscore("validate", "--pool", pool.toString(), "--state", state.toString(),
            "--miners", miners.toString(), "--rounds", "3");
        assertEquals(0, run.exit(), run.err());
        final String out = run.out();
        assertTrue(out.contains("round 1: 2 miners, 2 tasks claimed"), out);
        assertTrue(out.contains("round 3 leaderboard"), out);
        final List<String> board = out.lines().dropWhile(l -> !l.equals("round 3 leaderboard")).toList();
        assertTrue(board.get(1).matches(" *rank +uid +hotkey +score +ema +boost +weight +note"), board.get(1));
        assertTrue(board.get(2).matches(" +1 +0 +" + ValidatorFixture.HONEST.substring(0, 10)
            + "\\.\\. +1\\.0000 +0\\.2710 +0\\.000 +65535 *"), board.get(2));
        assertTrue(board.get(3).matches(" +2 +1 +\\S+ +0\\.0000 +0\\.0000 +0\\.000 +0 +bad VCF: .*"), board.get(3));
        assertTrue(out.contains("ran 3 round(s); committed round 3; weights in " + state.resolve("weights.json")), out);
        assertEquals(3, Files.readAllLines(state.resolve("rounds.jsonl")).size());

        // weights prints what validate left, as a table and as JSON.
        final ValidatorFixture.Run table = callscore("weights", "--state", state.toString());
        assertEquals(0, table.exit(), table.err());
        assertEquals(List.of("round 3", "  uid  weight    share", "    0   65535   1.0000"),
            table.out().lines().toList());
        final ValidatorFixture.Run json = callscore("weights", "--state", state.toString(), "--json");
        assertEquals(0, json.exit());
        final JsonNode w = new ObjectMapper().readTree(json.out());
        assertEquals(3, w.path("round").asInt());
        assertEquals("[0]", w.path("uids").toString());
        assertEquals("[65535]", w.path("weights").toString());

        // A second run continues from the committed round.
        final ValidatorFixture.Run again = callscore("validate", "--pool", pool.toString(), "--state",
            state.toString(), "--miners", miners.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("round 4 leaderboard"), again.out());
        assertTrue(again.out().contains("ran 1 round(s); committed round 4"), again.out());
    }

    @Test
    void shouldExitWithTwoAndSayWhyWhenRoundsIsZero() throws Exception
    {
        final ValidatorFixture.Run run = callscore("validate", "--pool", dir.toString(), "--state",
            dir.resolve("state").toString(), "--miners", ValidatorFixture.miners(dir).toString(), "--rounds", "0");
        assertEquals(2, run.exit());
        assertEquals("callscore: error: --rounds takes a positive number or 'forever'",
            run.err().lines().findFirst().orElse(""));
        assertTrue(!Files.exists(dir.resolve("state")), "nothing was created");
    }

    @Test
    void shouldExitWithTwoAndOneLineNamingFileAndLineWhenTheMinersFileIsBad() throws Exception
    {
        final Path miners = dir.resolve("miners.yaml");
        Files.writeString(miners, """
            miners:
              - uid: 0
                hotkey: 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
                transport: carrier-pigeon
            """);
        final ValidatorFixture.Run run = callscore("validate", "--pool", dir.toString(), "--state",
            dir.resolve("state").toString(), "--miners", miners.toString());
        assertEquals(2, run.exit());
        assertEquals("callscore: error: " + miners
            + ":2: transport must be 'command' or 'http', got 'carrier-pigeon'\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void shouldExitWithTwoAndOneLineWhenThePoolIsMissing() throws Exception
    {
        final ValidatorFixture.Run run = callscore("validate", "--pool", dir.resolve("nowhere").toString(), "--state",
            dir.resolve("state").toString(), "--miners", ValidatorFixture.miners(dir).toString());
        assertEquals(2, run.exit());
        assertEquals("callscore: error: " + dir.resolve("nowhere") + ": not a callscore pool (no pool.json)\n",
            run.err());
    }
}

package io.callscore.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.callscore.cli.ValidatorFixture.callscore;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WeightsCommandTest
{
    private static final String WEIGHTS = "{\"round\":7,\"uids\":[0,3,9],\"weights\":[65535,21845,43690]}\n";

    @TempDir
    Path dir;

    @Test
    void shouldPrintOneRowPerUidWithItsShareWhenWeightsExist() throws Exception
    {
        Files.writeString(dir.resolve("weights.json"), WEIGHTS);
        final ValidatorFixture.Run run = callscore("weights", "--state", dir.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("round 7", "  uid  weight    share", "    0   65535   0.5000", "    3   21845   0.1667",
            "    9   43690   0.3333"), run.out().lines().toList());
    }

    @Test
    void shouldPrintTheFileAsItIsWhenAskedForJson() throws Exception
    {
        Files.writeString(dir.resolve("weights.json"), WEIGHTS);
        final ValidatorFixture.Run run = callscore("weights", "--state", dir.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        assertEquals(WEIGHTS, run.out());
    }

    @Test
    void shouldExitWithTwoAndOneLineWhenThereIsNoStateYet()
    {
        final ValidatorFixture.Run run = callscore("weights", "--state", dir.resolve("state").toString());
        assertEquals(2, run.exit());
        assertEquals("callscore: error: " + dir.resolve("state").resolve("weights.json")
            + ": no weights yet: run 'callscore validate' first\n", run.err());
        assertEquals("", run.out());
    }
}

package io.callscore.engine.config;

import io.callscore.vcf.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinersFileTest
{
    private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    private static final String BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    @TempDir
    Path dir;

    private Path write(final String yaml) throws Exception
    {
        final Path f = dir.resolve("miners.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void shouldReadCommandAndHttpMiners() throws Exception
    {
        final List<MinerEntry> miners = MinersFile.read(write("""
            miners:
              - uid: 3
                hotkey: %s
                transport: command
                command: [bash, miner.sh, "{task}", "{out}"]
                timeout_seconds: 60
              - uid: 7
                hotkey: %s
                transport: http
                url: http://127.0.0.1:8091/task
            """.formatted(ALICE, BOB)));
        assertEquals(2, miners.size());
        assertEquals(3, miners.get(0).uid());
        assertEquals(ALICE, miners.get(0).hotkey());
        assertEquals("command bash miner.sh {task} {out}", miners.get(0).transport().describe());
        assertEquals(2, miners.get(0).line());
        assertEquals("http http://127.0.0.1:8091/task", miners.get(1).transport().describe());
        assertEquals(7, miners.get(1).line());
    }

    @Test
    void shouldReportEveryBadEntryWithItsLine() throws Exception
    {
        final Path f = write("""
            miners:
              - uid: 1
                hotkey: not-a-hotkey
                transport: command
                command: run.sh
              - uid: 2
                hotkey: %s
                transport: carrier-pigeon
              - uid: 2
                hotkey: %s
                transport: http
                url: ftp://x
            """.formatted(ALICE, BOB));
        final InputException e = assertThrows(InputException.class, () -> MinersFile.read(f));
        final String m = e.getMessage();
        assertTrue(m.contains("3 bad miner entries"), m);
        assertTrue(m.contains(f + ":2: hotkey is not base58"), m);
        assertTrue(m.contains(f + ":6: transport must be 'command' or 'http', got 'carrier-pigeon'"), m);
        assertTrue(m.contains(f + ":9: an http miner needs 'url'"), m);
        assertTrue(!m.contains("\n"), m);
    }

    @Test
    void shouldNameFileAndLineOnlyOnceWhenOneEntryIsBad() throws Exception
    {
        final Path f = write("""
            miners:
              - {uid: 1, hotkey: %s, transport: http, url: "http://127.0.0.1:1/"}
              - {uid: 2, hotkey: %s, transport: command}
            """.formatted(ALICE, BOB));
        final InputException e = assertThrows(InputException.class, () -> MinersFile.read(f));
        assertEquals(f + ":3: a command miner needs 'command' (a list or a string)", e.getMessage());
        assertEquals(3, e.lineNumber());
    }

    @Test
    void shouldRejectDuplicateUids() throws Exception
    {
        final Path f = write("""
            miners:
              - {uid: 1, hotkey: %s, transport: http, url: "http://127.0.0.1:1/"}
              - {uid: 1, hotkey: %s, transport: http, url: "http://127.0.0.1:2/"}
            """.formatted(ALICE, BOB));
        final InputException e = assertThrows(InputException.class, () -> MinersFile.read(f));
        assertTrue(e.getMessage().contains(":3: uid 1 appears twice"), e.getMessage());
    }

    @Test
    void shouldNameTheLineOfAYamlSyntaxError() throws Exception
    {
        final Path f = write("miners:\n  - uid: 1\n    hotkey: [unclosed\n");
        final InputException e = assertThrows(InputException.class, () -> MinersFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }
}

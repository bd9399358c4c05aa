package io.callscore.engine.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RoundJournalTest
{
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private String line(final long round)
    {
        return "{\"round\":" + round + ",\"results\":[{\"reason\":\"caf\u00e9 \u00e9t\u00e9\"}]}";
    }

    private void write(final byte[]... parts) throws Exception
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] p : parts)
        {
            out.write(p);
        }
        Files.write(dir.resolve(RoundJournal.FILE_NAME), out.toByteArray());
    }

    private static byte[] utf8(final String s)
    {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> lines() throws Exception
    {
        return Files.readAllLines(dir.resolve(RoundJournal.FILE_NAME), StandardCharsets.UTF_8);
    }

    @Test
    void shouldCutATornLastLineWhenItEndsInTheMiddleOfACharacter() throws Exception
    {
        final byte[] torn = utf8(line(3));
        // Cut inside the two bytes of an é: the tail is not even valid UTF-8.
        final int cut = new String(torn, StandardCharsets.ISO_8859_1).indexOf('\u00c3') + 1;
        write(utf8(line(1) + "\n" + line(2) + "\n"), java.util.Arrays.copyOf(torn, cut));
        final RoundJournal journal = RoundJournal.open(dir, 2, 64);
        assertEquals(2, journal.last().path("round").asLong());
        assertEquals(List.of(line(1), line(2)), lines());
    }

    @Test
    void shouldDropTheRecordOfARoundThatNeverCommittedWhenOpened() throws Exception
    {
        write(utf8(line(1) + "\n" + line(2) + "\n" + line(3) + "\n"));
        final RoundJournal journal = RoundJournal.open(dir, 2, 64);
        assertEquals(2, journal.recent().size());
        assertEquals(List.of(line(1), line(2)), lines());
        final ObjectNode next = (ObjectNode)json.readTree(line(3));
        journal.append(next);
        assertEquals(List.of(line(1), line(2), line(3)), lines());
    }

    @Test
    void shouldEndTheLastLineBeforeAppendingWhenItsNewlineIsMissing() throws Exception
    {
        write(utf8(line(1) + "\n" + line(2)));
        final RoundJournal journal = RoundJournal.open(dir, 2, 64);
        journal.append((ObjectNode)json.readTree(line(3)));
        assertEquals(List.of(line(1), line(2), line(3)), lines());
    }

    @Test
    void shouldKeepOnlyTheLastRecordsInMemoryWhenTheJournalIsLong() throws Exception
    {
        final StringBuilder sb = new StringBuilder();
        for (int r = 1; r <= 500; r++)
        {
            sb.append(line(r)).append('\n');
        }
        write(utf8(sb.toString()));
        final RoundJournal journal = RoundJournal.open(dir, 500, 64);
        assertEquals(64, journal.recent().size());
        assertEquals(437, journal.recent().get(0).path("round").asLong());
        assertEquals(500, lines().size());
    }

    @Test
    void shouldKeepEveryCommittedLineWhenGarbageSitsBetweenThem() throws Exception
    {
        write(utf8(line(1) + "\nnot json\n" + line(2) + "\n" + line(3) + "\n"));
        final RoundJournal journal = RoundJournal.open(dir, 2, 64);
        assertEquals(List.of(line(1), line(2)), lines());
        assertEquals(2, journal.last().path("round").asLong());
    }

    @Test
    void shouldStartEmptyWhenThereIsNoJournal()
    {
        assertNull(RoundJournal.open(dir, 0, 64).last());
    }
}

package io.callscore.engine.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code STATE/rounds.jsonl}: one JSON line per round, written and forced to disk before the round's state
 * commits. On open, lines of rounds after the committed one (a crash between journal and commit) and a torn last
 * line are dropped, so the journal always ends at the committed round.
 */
public final class RoundJournal
{
    public static final String FILE_NAME = "rounds.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final ArrayDeque<JsonNode> recent = new ArrayDeque<>();
    private final int keep;

    private RoundJournal(final Path file, final int keep)
    {
        this.file = file;
        this.keep = keep;
    }

    /** Opens the journal, cutting it back to {@code committedRound}; keeps the last {@code keep} records at hand. */
    public static RoundJournal open(final Path stateDir, final long committedRound, final int keep)
    {
        final RoundJournal journal = new RoundJournal(stateDir.resolve(FILE_NAME), keep);
        try
        {
            if (!Files.exists(journal.file))
            {
                return journal;
            }
            final List<String> lines = Files.readAllLines(journal.file, StandardCharsets.UTF_8);
            final List<String> kept = new ArrayList<>(lines.size());
            boolean cut = false;
            for (final String line : lines)
            {
                final JsonNode record;
                try
                {
                    record = JSON.readTree(line);
                }
                catch (final IOException e)
                {
                    cut = true; // a torn line from a crash mid-write: it was never committed
                    continue;
                }
                if (record == null || !record.has("round") || record.get("round").asLong() > committedRound)
                {
                    cut = true;
                    continue;
                }
                kept.add(line);
                journal.remember(record);
            }
            if (cut)
            {
                final Path tmp = journal.file.resolveSibling(FILE_NAME + ".tmp");
                Files.write(tmp, kept, StandardCharsets.UTF_8);
                Files.move(tmp, journal.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return journal;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot open " + journal.file + ": " + e.getMessage(), e);
        }
    }

    /** Appends a round record and forces it to disk. */
    public void append(final ObjectNode record)
    {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND))
        {
            final byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            final ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining())
            {
                ch.write(buffer);
            }
            ch.force(true);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        remember(record);
    }

    private void remember(final JsonNode record)
    {
        recent.addLast(record);
        while (recent.size() > keep)
        {
            recent.removeFirst();
        }
    }

    /** The last records, oldest first. */
    public List<JsonNode> recent()
    {
        return List.copyOf(recent);
    }

    /** The committed round's record, or null before the first round. */
    public JsonNode last()
    {
        return recent.peekLast();
    }

    public Path file()
    {
        return file;
    }
}

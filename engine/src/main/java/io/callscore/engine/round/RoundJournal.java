package io.callscore.engine.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
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
        if (!Files.exists(journal.file))
        {
            return journal;
        }
        try
        {
            // One streaming pass: the journal of a long-running validator is large, and only its tail is kept.
            final long[] keptEnd = {0};
            final boolean[] cut = {false};
            final boolean[] keptAfterCut = {false};
            final boolean[] endsWithNewline = {true};
            forEachLine(journal.file, (bytes, length, endOffset, newline) ->
            {
                final JsonNode record = committed(bytes, length, committedRound);
                if (record == null)
                {
                    cut[0] = true;
                    return;
                }
                keptAfterCut[0] |= cut[0];
                keptEnd[0] = endOffset;
                endsWithNewline[0] = newline;
                journal.remember(record);
            });
            if (keptAfterCut[0])
            {
                // Not a crash's leftovers (those are only ever at the end): keep every committed line, drop the rest.
                journal.rewriteCommitted(committedRound);
            }
            else if (cut[0] || !endsWithNewline[0])
            {
                // A torn line, or lines of a round that never committed, at the end: cut them off.
                try (FileChannel ch = FileChannel.open(journal.file, StandardOpenOption.WRITE))
                {
                    ch.truncate(keptEnd[0]);
                    if (!endsWithNewline[0])
                    {
                        ch.write(ByteBuffer.wrap(new byte[] {'\n'}), keptEnd[0]);
                    }
                    ch.force(true);
                }
            }
            return journal;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot open " + journal.file + ": " + e.getMessage(), e);
        }
    }

    /** The record of a line if it is whole JSON of a committed round; null for a torn or uncommitted line. */
    private static JsonNode committed(final byte[] bytes, final int length, final long committedRound)
    {
        final JsonNode record;
        try
        {
            record = JSON.readTree(bytes, 0, length);
        }
        catch (final IOException e)
        {
            return null; // a torn line from a crash mid-write (also cut mid-character): it was never committed
        }
        if (record == null || !record.isObject() || !record.has("round")
            || record.get("round").asLong() > committedRound)
        {
            return null;
        }
        return record;
    }

    private void rewriteCommitted(final long committedRound) throws IOException
    {
        final Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp)))
        {
            forEachLine(file, (bytes, length, endOffset, newline) ->
            {
                if (committed(bytes, length, committedRound) != null)
                {
                    out.write(bytes, 0, length);
                    out.write('\n');
                }
            });
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Receives one line of the journal (without its newline). */
    private interface LineVisitor
    {
        void line(byte[] bytes, int length, long endOffset, boolean newline) throws IOException;
    }

    /** Streams the lines of a file; {@code endOffset} is the offset just after the line and its newline. */
    private static void forEachLine(final Path file, final LineVisitor visitor) throws IOException
    {
        try (InputStream in = Files.newInputStream(file))
        {
            final byte[] chunk = new byte[1 << 16];
            byte[] line = new byte[1 << 12];
            int length = 0;
            long offset = 0;
            int n;
            while ((n = in.read(chunk)) > 0)
            {
                int from = 0;
                for (int i = 0; i < n; i++)
                {
                    if (chunk[i] == '\n')
                    {
                        line = append(line, length, chunk, from, i - from);
                        length += i - from;
                        visitor.line(line, length, offset + i + 1, true);
                        length = 0;
                        from = i + 1;
                    }
                }
                line = append(line, length, chunk, from, n - from);
                length += n - from;
                offset += n;
            }
            if (length > 0)
            {
                visitor.line(line, length, offset, false);
            }
        }
    }

    private static byte[] append(final byte[] line, final int length, final byte[] src, final int from, final int n)
    {
        final byte[] out = length + n > line.length ? Arrays.copyOf(line, Math.max(2 * line.length, length + n)) : line;
        System.arraycopy(src, from, out, length, n);
        return out;
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

package io.callscore.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code pool.json}: what a pool directory is and how it was sized. Read before the maps are opened, so that a
 * directory that is not a pool, or a pool of another format version, is refused with a clear message.
 *
 * @param version     pool format version ({@link #VERSION})
 * @param sizing      the sizing the maps were created with
 * @param createdAt   creation time, ISO-8601
 * @param truthBytes  size of the truth map file at creation (Chronicle allocates it whole; it never shrinks)
 * @param claimsBytes size of the claim map file at creation
 */
public record PoolManifest(int version, StoreSizing sizing, String createdAt, long truthBytes, long claimsBytes)
{
    public static final String FILE_NAME = "pool.json";
    public static final String FORMAT = "callscore-pool";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the manifest atomically (temporary file, then rename). */
    void write(final Path dir)
    {
        final ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("version", version);
        node.put("maxTasks", sizing.maxTasks());
        node.put("averageRecordBytes", sizing.averageRecordBytes());
        node.put("maxRecordBytes", sizing.maxRecordBytes());
        node.put("createdAt", createdAt);
        node.put("truthBytes", truthBytes);
        node.put("claimsBytes", claimsBytes);
        final Path file = dir.resolve(FILE_NAME);
        final Path temporary = dir.resolve(FILE_NAME + ".tmp");
        try
        {
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException e)
        {
            throw new StoreException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a map file against the size it had at creation: Chronicle would silently extend a truncated file
     * with zeros (lost entries), so a shorter file is refused before it is opened.
     */
    static void checkNotTruncated(final Path file, final long createdBytes)
    {
        final long size;
        try
        {
            size = Files.size(file);
        }
        catch (final NoSuchFileException e)
        {
            throw new StoreException(file, "missing from the pool");
        }
        catch (final IOException e)
        {
            throw new StoreException(file, "cannot read: " + e.getMessage(), e);
        }
        if (size < createdBytes)
        {
            throw new StoreException(file, "truncated: " + size + " bytes, but it was created with " + createdBytes);
        }
    }

    /** Reads and checks a pool directory's manifest. */
    static PoolManifest read(final Path dir)
    {
        final Path file = dir.resolve(FILE_NAME);
        final JsonNode node;
        try
        {
            node = JSON.readTree(Files.readString(file));
        }
        catch (final NoSuchFileException e)
        {
            throw new StoreException(dir, "not a callscore pool (no " + FILE_NAME + ")");
        }
        catch (final JacksonException e)
        {
            throw new StoreException(file, "not valid JSON: " + e.getOriginalMessage());
        }
        catch (final IOException e)
        {
            throw new StoreException(file, "cannot read: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject() || !FORMAT.equals(node.path("format").asText()))
        {
            throw new StoreException(file, "not a callscore pool manifest (format is not \"" + FORMAT + "\")");
        }
        final int version = node.path("version").asInt(-1);
        if (version != VERSION)
        {
            throw new StoreException(file, "pool format version " + version + "; this build reads version " + VERSION);
        }
        try
        {
            return new PoolManifest(version, new StoreSizing(node.path("maxTasks").asInt(0),
                node.path("averageRecordBytes").asInt(0), node.path("maxRecordBytes").asInt(0)),
                node.path("createdAt").asText(""), node.path("truthBytes").asLong(0),
                node.path("claimsBytes").asLong(0));
        }
        catch (final IllegalArgumentException e)
        {
            throw new StoreException(file, "bad sizing: " + e.getMessage());
        }
    }
}

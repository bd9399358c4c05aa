package io.callscore.store;

import net.openhft.chronicle.map.ChronicleMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place that creates Chronicle maps. Its static initializer switches Chronicle's analytics off before any
 * Chronicle class initialises (a validator never phones home; {@code config/jvm.args} sets the same property).
 * Chronicle types stay inside this package: callers of the store see only {@link TruthStore} and
 * {@link ClaimPool}.
 */
final class ChronicleMaps
{
    /** The system property Chronicle reads once, at class initialisation. */
    static final String ANALYTICS_PROPERTY = "chronicle.analytics.disable";

    /** Growth Chronicle may add beyond the sized entries (extra segment tiers) before it refuses. */
    private static final double MAX_BLOAT_FACTOR = 2.0;

    static
    {
        System.setProperty(ANALYTICS_PROPERTY, "true");
    }

    private ChronicleMaps()
    {
    }

    /** Creates a new persisted map of fixed-size byte keys to variable-size byte values; the file must not exist. */
    static ChronicleMap<byte[], byte[]> createVariable(final Path file, final String name, final long entries,
        final int keyBytes, final double averageValueBytes)
    {
        mustNotExist(file);
        try
        {
            return ChronicleMap.of(byte[].class, byte[].class)
                .name(name)
                .constantKeySizeBySample(new byte[keyBytes])
                .averageValueSize(averageValueBytes)
                .entries(entries)
                .maxBloatFactor(MAX_BLOAT_FACTOR)
                .createPersistedTo(file.toFile());
        }
        catch (final IOException | RuntimeException e)
        {
            throw new StoreException(file, "cannot create " + name + " map: " + describe(e), e);
        }
    }

    /** Creates a new persisted map of fixed-size byte keys to fixed-size byte values; the file must not exist. */
    static ChronicleMap<byte[], byte[]> createConstant(final Path file, final String name, final long entries,
        final int keyBytes, final int valueBytes)
    {
        mustNotExist(file);
        try
        {
            return ChronicleMap.of(byte[].class, byte[].class)
                .name(name)
                .constantKeySizeBySample(new byte[keyBytes])
                .constantValueSizeBySample(new byte[valueBytes])
                .entries(entries)
                .maxBloatFactor(MAX_BLOAT_FACTOR)
                .createPersistedTo(file.toFile());
        }
        catch (final IOException | RuntimeException e)
        {
            throw new StoreException(file, "cannot create " + name + " map: " + describe(e), e);
        }
    }

    /**
     * Opens an existing persisted map; its sizing comes from the file's own header. A missing file is an error
     * (Chronicle would silently create an empty one), and so is a foreign or damaged file.
     */
    static ChronicleMap<byte[], byte[]> open(final Path file, final String name, final int keyBytes)
    {
        if (!Files.isRegularFile(file))
        {
            throw new StoreException(file, name + " map file not found");
        }
        try
        {
            checkHeader(file, name);
            // The sizing given here is a placeholder: for an existing file Chronicle uses the stored header.
            return ChronicleMap.of(byte[].class, byte[].class)
                .name(name)
                .constantKeySizeBySample(new byte[keyBytes])
                .averageValueSize(64)
                .entries(1)
                .createPersistedTo(file.toFile());
        }
        catch (final StoreException e)
        {
            throw e;
        }
        catch (final IOException | RuntimeException e)
        {
            throw new StoreException(file, "not a readable " + name + " map (foreign, truncated or corrupted): "
                + describe(e), e);
        }
    }

    /**
     * Resets the segment locks of an existing persisted map (Chronicle's {@code recoverPersistedTo}, with the
     * configuration stored in the file) and checks its entries. A process killed while it held a segment lock leaves
     * that lock held in the file, and every later process would wait on it for a minute and fail. Only safe while
     * no other process has the map open: their held locks would be reset too.
     */
    static void recover(final Path file, final String name, final int keyBytes)
    {
        if (!Files.isRegularFile(file))
        {
            throw new StoreException(file, name + " map file not found");
        }
        try
        {
            checkHeader(file, name);
            ChronicleMap.of(byte[].class, byte[].class)
                .name(name)
                .constantKeySizeBySample(new byte[keyBytes])
                .averageValueSize(64)
                .entries(1)
                .recoverPersistedTo(file.toFile(), true)
                .close();
        }
        catch (final StoreException e)
        {
            throw e;
        }
        catch (final IOException | RuntimeException e)
        {
            throw new StoreException(file, "cannot recover the " + name + " map: " + describe(e), e);
        }
    }

    /**
     * Chronicle waits up to a minute for a header it does not recognise (it takes it for one still being written
     * by another process), so a foreign or emptied file is refused here first: a Chronicle map file starts with
     * an 8-byte checksum, a 4-byte length and then its self-describing header text.
     */
    private static void checkHeader(final Path file, final String name) throws IOException
    {
        final long size = Files.size(file);
        if (size == 0)
        {
            throw new StoreException(file, name + " map file is empty (truncated)");
        }
        final byte[] start = new byte[HEADER_TEXT_OFFSET + HEADER_TEXT.length];
        try (java.io.InputStream in = Files.newInputStream(file))
        {
            if (in.readNBytes(start, 0, start.length) < start.length)
            {
                throw new StoreException(file, name + " map file is truncated (" + size + " bytes)");
            }
        }
        if (!java.util.Arrays.equals(start, HEADER_TEXT_OFFSET, start.length, HEADER_TEXT, 0, HEADER_TEXT.length))
        {
            throw new StoreException(file, "not a " + name + " map file (no Chronicle Map header)");
        }
    }

    private static final int HEADER_TEXT_OFFSET = 12;
    private static final byte[] HEADER_TEXT = "!net.openhft.chronicle.map.VanillaChronicleMap {"
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static void mustNotExist(final Path file)
    {
        if (Files.exists(file))
        {
            throw new StoreException(file, "already exists; a store is never overwritten");
        }
    }

    static String describe(final Throwable e)
    {
        final String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message.lines().findFirst().orElse(""));
    }
}

package io.callscore.store;

import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Task id to truth record ({@link TruthRecordDescriptor}), in a persisted, memory-mapped Chronicle map. The pool
 * build writes it once; scorers open it read-only and look records up into a reusable {@link TruthRecord}, which
 * allocates nothing per lookup. The map is sized at creation ({@link StoreSizing}); past that it refuses with
 * {@link StoreFullException} and stays as it was.
 *
 * <p>Chronicle cannot map a file read-only (its locks live in the file), so "read-only" is this class's promise:
 * a store opened with {@link #openReadOnly} has no way to write.
 */
public final class TruthStore implements AutoCloseable
{
    static final String MAP_NAME = "callscore-truth";

    private final Path file;
    private final ChronicleMap<byte[], byte[]> map;
    private final StoreSizing sizing;
    private final byte[] putKey = new byte[TaskIds.KEY_BYTES];

    private TruthStore(final Path file, final ChronicleMap<byte[], byte[]> map, final StoreSizing sizing)
    {
        this.file = file;
        this.map = map;
        this.sizing = sizing;
    }

    /** Creates a new, empty store file sized for {@code sizing}; the file must not exist. */
    public static TruthStore create(final Path file, final StoreSizing sizing)
    {
        return new TruthStore(file, ChronicleMaps.createVariable(file, MAP_NAME, sizing.mapEntries(),
            TaskIds.KEY_BYTES, sizing.averageRecordBytes()), sizing);
    }

    /** Opens an existing store to add records within the limits it was created with. */
    public static TruthStore openWritable(final Path file, final StoreSizing sizing)
    {
        return new TruthStore(file, ChronicleMaps.open(file, MAP_NAME, TaskIds.KEY_BYTES), Objects.requireNonNull(sizing));
    }

    /** Opens an existing store for lookups only (the scorer's way). */
    public static TruthStore openReadOnly(final Path file)
    {
        return new TruthStore(file, ChronicleMaps.open(file, MAP_NAME, TaskIds.KEY_BYTES), null);
    }

    public Path file()
    {
        return file;
    }

    public boolean isWritable()
    {
        return sizing != null;
    }

    /** Tasks stored. */
    public int size()
    {
        return (int)map.longSize();
    }

    /** Looks a task up into {@code into}; returns false (leaving {@code into} as it was) when it is unknown. */
    public boolean lookup(final UUID id, final TruthRecord into)
    {
        return lookup(id.getMostSignificantBits(), id.getLeastSignificantBits(), into);
    }

    /**
     * Looks a task up by the two halves of its id, allocation-free: the stored bytes are copied into the holder
     * under the entry's read lock.
     */
    public boolean lookup(final long msb, final long lsb, final TruthRecord into)
    {
        TaskIds.put(into.keyScratch, msb, lsb);
        if (into.keyStore == null)
        {
            into.keyStore = BytesStore.wrap(into.keyScratch);
        }
        final int size;
        // A byte[] key would be wrapped anew per query (176 bytes); a reused BytesStore allocates nothing.
        try (ExternalMapQueryContext<byte[], byte[], ?> context = map.queryContext(into.keyStore, 0,
            TaskIds.KEY_BYTES))
        {
            final MapEntry<byte[], byte[]> entry = context.entry();
            if (entry == null)
            {
                return false;
            }
            final Data<byte[]> value = entry.value();
            size = (int)value.size();
            value.bytes().read(value.offset(), into.ensureCapacity(size), 0, size);
        }
        final String problem = into.filled(size);
        if (problem != null)
        {
            throw new StoreException(file, "task " + new UUID(msb, lsb) + ": truth record " + problem);
        }
        into.identify(msb, lsb);
        return true;
    }

    public boolean contains(final UUID id)
    {
        final byte[] key = new byte[TaskIds.KEY_BYTES];
        TaskIds.put(key, id.getMostSignificantBits(), id.getLeastSignificantBits());
        return map.containsKey(key);
    }

    /**
     * Stores a task's truth record (from {@link TruthRecordEncoder}). A task's truth never changes once stored,
     * so an id already present is refused, and so is a record beyond the sizing.
     */
    public synchronized void put(final UUID id, final byte[] record)
    {
        if (sizing == null)
        {
            throw new StoreException(file, "opened read-only: cannot store task " + id);
        }
        final String problem = new TruthRecord().wrapProblem(record);
        if (problem != null)
        {
            throw new IllegalArgumentException("task " + id + ": truth record " + problem);
        }
        if (record.length > sizing.maxRecordBytes())
        {
            throw new StoreFullException(file, "task " + id + ": truth record of " + record.length
                + " bytes is larger than this pool's maximum of " + sizing.maxRecordBytes()
                + " bytes; rebuild the pool with more room");
        }
        TaskIds.put(putKey, id.getMostSignificantBits(), id.getLeastSignificantBits());
        if (map.containsKey(putKey))
        {
            throw new StoreException(file, "task " + id + " already has a truth record; stored truth never changes");
        }
        if (map.longSize() >= sizing.maxTasks())
        {
            throw new StoreFullException(file, "full: it holds " + map.longSize() + " tasks, the most it was sized "
                + "for; task " + id + " was not stored");
        }
        try
        {
            map.put(putKey.clone(), record);
        }
        catch (final IllegalStateException | IllegalArgumentException e)
        {
            throw new StoreFullException(file, "no room for task " + id + " (" + record.length + " bytes): "
                + ChronicleMaps.describe(e));
        }
    }

    /** Visits every stored task (order unspecified); the holder is reused between calls. */
    public void forEach(final BiConsumer<UUID, TruthRecord> visitor)
    {
        final TruthRecord holder = new TruthRecord();
        map.forEachEntry(entry ->
        {
            final Data<byte[]> key = entry.key();
            final byte[] keyBytes = new byte[TaskIds.KEY_BYTES];
            key.bytes().read(key.offset(), keyBytes, 0, TaskIds.KEY_BYTES);
            final Data<byte[]> value = entry.value();
            final int size = (int)value.size();
            value.bytes().read(value.offset(), holder.ensureCapacity(size), 0, size);
            final UUID id = TaskIds.uuid(keyBytes);
            final String problem = holder.filled(size);
            if (problem != null)
            {
                throw new StoreException(file, "task " + id + ": truth record " + problem);
            }
            holder.identify(id.getMostSignificantBits(), id.getLeastSignificantBits());
            visitor.accept(id, holder);
        });
    }

    /** Closes the map. The holders filled from it stay valid: they own copies of the bytes. */
    @Override
    public void close()
    {
        map.close();
    }
}

package io.callscore.store;

import io.callscore.vcf.RegionSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.callscore.store.VariantAssertions.assertSameVariants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TruthStoreTest
{
    @TempDir
    Path dir;

    private static byte[] record(final String name)
    {
        final RegionSet regions = TruthCases.regions(name);
        return TruthRecordEncoder.encode(TruthCases.truth(name, regions), regions, TruthCases.metadata(name));
    }

    @Test
    void shouldFindEveryStoredRecordWhenReopenedReadOnly()
    {
        final Path file = dir.resolve("truth.cmap");
        final List<UUID> ids = new ArrayList<>();
        try (TruthStore store = TruthStore.create(file, new StoreSizing(20, 8192, 65536)))
        {
            for (final String name : TruthCases.names())
            {
                final UUID id = UUID.nameUUIDFromBytes(name.getBytes());
                ids.add(id);
                store.put(id, record(name));
            }
            assertEquals(TruthCases.names().size(), store.size());
        }
        try (TruthStore store = TruthStore.openReadOnly(file))
        {
            final TruthRecord holder = new TruthRecord();
            for (int i = 0; i < ids.size(); i++)
            {
                final String name = TruthCases.names().get(i);
                assertTrue(store.lookup(ids.get(i), holder), name);
                final RegionSet regions = TruthCases.regions(name);
                assertSameVariants(TruthCases.truth(name, regions), holder.toVariantSet());
                assertEquals(TruthCases.metadata(name), holder.metadata());
            }
            assertFalse(store.lookup(UUID.randomUUID(), holder));
            final StoreException readOnly = assertThrows(StoreException.class,
                () -> store.put(UUID.randomUUID(), record("case0041")));
            assertTrue(readOnly.getMessage().contains("read-only"), readOnly.getMessage());
            final List<UUID> visited = new ArrayList<>();
            store.forEach((id, r) -> visited.add(id));
            assertEquals(ids.stream().sorted().toList(), visited.stream().sorted().toList());
        }
    }

    @Test
    void shouldRefuseWithAClearErrorWhenFullAndKeepWhatItHas()
    {
        final Path file = dir.resolve("truth.cmap");
        final byte[] record = record("case0038");
        try (TruthStore store = TruthStore.create(file, StoreSizing.forMeasured(5, record.length * 5L, 5,
            record.length, StoreSizing.DEFAULT_HEADROOM)))
        {
            for (int i = 0; i < 5; i++)
            {
                store.put(new UUID(0, i), record);
            }
            final StoreFullException full = assertThrows(StoreFullException.class,
                () -> store.put(new UUID(0, 99), record));
            assertTrue(full.getMessage().contains("full"), full.getMessage());
            assertEquals(5, store.size());
            final TruthRecord holder = new TruthRecord();
            for (int i = 0; i < 5; i++)
            {
                assertTrue(store.lookup(new UUID(0, i), holder));
                assertEquals(record.length, holder.length());
            }
        }
    }

    @Test
    void shouldRefuseWhenARecordIsLargerThanTheSizingAllows()
    {
        final byte[] record = record("case0038");
        try (TruthStore store = TruthStore.create(dir.resolve("t.cmap"), new StoreSizing(4, 256, record.length - 1)))
        {
            final StoreFullException tooLarge = assertThrows(StoreFullException.class,
                () -> store.put(UUID.randomUUID(), record));
            assertTrue(tooLarge.getMessage().contains("larger than"), tooLarge.getMessage());
            assertEquals(0, store.size());
        }
    }

    @Test
    void shouldStoreRecordsUpToTheMaximumWhenAllAreAtTheLimit()
    {
        final StoreSizing sizing = StoreSizing.forMeasured(50, 50 * 2000L, 50, 2000, StoreSizing.DEFAULT_HEADROOM);
        final byte[] big = record("case0038");
        assertTrue(big.length <= sizing.maxRecordBytes(), big.length + " > " + sizing.maxRecordBytes());
        try (TruthStore store = TruthStore.create(dir.resolve("t.cmap"), sizing))
        {
            for (int i = 0; i < sizing.maxTasks(); i++)
            {
                store.put(new UUID(1, i), big);
            }
            assertEquals(sizing.maxTasks(), store.size());
        }
    }

    @Test
    void shouldRefuseADuplicateTaskWhenItIsAlreadyStored()
    {
        try (TruthStore store = TruthStore.create(dir.resolve("t.cmap"), new StoreSizing(4, 4096, 65536)))
        {
            final UUID id = UUID.randomUUID();
            store.put(id, record("case0041"));
            assertTrue(assertThrows(StoreException.class, () -> store.put(id, record("case0053"))).getMessage()
                .contains("already has a truth record"));
            final TruthRecord holder = new TruthRecord();
            assertTrue(store.lookup(id, holder));
            assertEquals("synthetic-case0041", holder.metadata().genome());
        }
    }

    @Test
    void shouldGiveAClearErrorWhenTheFileIsMissingEmptyOrForeign() throws Exception
    {
        final StoreException missing = assertThrows(StoreException.class,
            () -> TruthStore.openReadOnly(dir.resolve("none.cmap")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
        assertFalse(Files.exists(dir.resolve("none.cmap")), "opening must not create a file");

        final Path empty = Files.createFile(dir.resolve("empty.cmap"));
        assertTrue(assertThrows(StoreException.class, () -> TruthStore.openReadOnly(empty)).getMessage()
            .contains("empty"));

        final Path foreign = dir.resolve("foreign.cmap");
        final byte[] noise = new byte[1 << 16];
        new Random(7).nextBytes(noise);
        Files.write(foreign, noise);
        final StoreException e = assertThrows(StoreException.class, () -> TruthStore.openReadOnly(foreign));
        assertTrue(e.getMessage().startsWith(foreign.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void shouldNotOverwriteWhenCreatingOverAnExistingFile()
    {
        final Path file = dir.resolve("t.cmap");
        TruthStore.create(file, new StoreSizing(4, 4096, 65536)).close();
        assertTrue(assertThrows(StoreException.class, () -> TruthStore.create(file, new StoreSizing(4, 4096, 65536)))
            .getMessage().contains("already exists"));
    }

    @Test
    void shouldNotAllocateWhenLookingUpRepeatedly()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final UUID id = UUID.randomUUID();
        try (TruthStore store = TruthStore.create(dir.resolve("t.cmap"), new StoreSizing(4, 8192, 65536)))
        {
            store.put(id, record("case0038"));
            final TruthRecord holder = new TruthRecord();
            final long msb = id.getMostSignificantBits();
            final long lsb = id.getLeastSignificantBits();
            long checksum = 0;
            for (int i = 0; i < 20_000; i++)
            {
                store.lookup(msb, lsb, holder);
                checksum += holder.contig(0).start(i % 10);
            }
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++)
            {
                store.lookup(msb, lsb, holder);
                checksum += holder.contig(0).start(i % 10);
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(checksum != 0);
            // 10,000 lookups: anything per lookup would show as at least 160,000 bytes.
            assertTrue(allocated < 10_000, "allocated " + allocated + " bytes over 10,000 lookups");
        }
    }

    @Test
    void shouldDisableChronicleAnalyticsWhenTheMapFactoryInitialises() throws Exception
    {
        final String previous = System.clearProperty(ChronicleMaps.ANALYTICS_PROPERTY);
        try
        {
            final List<URL> urls = new ArrayList<>();
            for (final String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            {
                urls.add(Path.of(entry).toUri().toURL());
            }
            try (URLClassLoader isolated = new URLClassLoader(urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader()))
            {
                final Class<?> factory = Class.forName(ChronicleMaps.class.getName(), false, isolated);
                assertEquals(null, System.getProperty(ChronicleMaps.ANALYTICS_PROPERTY));
                Class.forName(factory.getName(), true, isolated);
                assertEquals("true", System.getProperty(ChronicleMaps.ANALYTICS_PROPERTY));
            }
        }
        finally
        {
            if (previous != null)
            {
                System.setProperty(ChronicleMaps.ANALYTICS_PROPERTY, previous);
            }
        }
    }

    @Test
    void shouldNotLeakChronicleOrAgronaTypesWhenLookingAtThePublicApi()
    {
        for (final Class<?> type : List.of(TruthStore.class, TruthRecord.class, TruthRecord.Contig.class,
            ClaimPool.class, Pool.class, MinerStateFile.class, TruthRecordEncoder.class, PoolManifest.class))
        {
            for (final java.lang.reflect.Method m : type.getMethods())
            {
                final List<Class<?>> types = new ArrayList<>(List.of(m.getParameterTypes()));
                types.add(m.getReturnType());
                for (final Class<?> t : types)
                {
                    final String n = t.getName();
                    assertFalse(n.startsWith("net.openhft") || n.startsWith("org.agrona"), type + "." + m);
                }
            }
        }
    }

}

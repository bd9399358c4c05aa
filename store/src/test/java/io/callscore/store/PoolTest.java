package io.callscore.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.vcf.InputException;
import io.callscore.vcf.RegionSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.callscore.store.VariantAssertions.assertSameVariants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolTest
{
    @TempDir
    Path dir;

    /** Writes an import manifest for the named cases; returns its path. */
    static Path manifest(final Path dir, final List<String> cases) throws Exception
    {
        final List<String> lines = new ArrayList<>();
        for (final String name : cases)
        {
            final Path bed = TruthCases.dir(name).resolve("regions.bed");
            lines.add("{\"task_id\":\"" + UUID.nameUUIDFromBytes(name.getBytes()) + "\",\"truth_vcf\":\""
                + TruthCases.dir(name).resolve("truth.vcf") + "\","
                + (Files.exists(bed) ? "\"truth_bed\":\"" + bed + "\"," : "")
                + "\"genome\":\"synthetic-" + name + "\",\"coverage\":30.5,\"region\":\"" + name + ":1-1000\","
                + "\"difficulty\":\"hard\",\"input_type\":\"bam\",\"data_locator\":\"/data/" + name + ".bam\"}");
        }
        final Path file = dir.resolve("manifest-" + cases.size() + ".jsonl");
        Files.write(file, lines);
        return file;
    }

    @Test
    void shouldServeImportedTruthReadOnlyWhenReopened() throws Exception
    {
        final Path poolDir = dir.resolve("pool");
        final List<String> cases = TruthCases.names();
        final TruthImport.Result result = TruthImport.importInto(poolDir, manifest(dir, cases), TruthCases.REFERENCE,
            0, StoreSizing.DEFAULT_HEADROOM);
        assertTrue(result.created());
        assertEquals(cases.size(), result.imported());
        assertEquals(cases.size(), result.sizing().maxTasks());
        try (Pool pool = Pool.open(poolDir))
        {
            assertFalse(pool.truth().isWritable());
            final TruthRecord record = new TruthRecord();
            for (final String name : cases)
            {
                assertTrue(pool.truth().lookup(UUID.nameUUIDFromBytes(name.getBytes()), record));
                final RegionSet regions = TruthCases.regions(name);
                assertSameVariants(TruthCases.truth(name, regions), record.toVariantSet());
                assertEquals(TruthCases.metadata(name), record.metadata());
            }
            final PoolStatus status = pool.status(0);
            assertEquals(new ClaimCounts(cases.size(), 0, 0, 0, 0), status.claims());
            assertEquals(cases.size(), status.truthRecords());
            assertEquals(result.recordBytes(), status.truthRecordBytes());
        }
    }

    @Test
    void shouldRefuseTheWholeImportWhenThePoolIsTooSmall() throws Exception
    {
        final Path poolDir = dir.resolve("pool");
        TruthImport.importInto(poolDir, manifest(dir, List.of("case0041")), TruthCases.REFERENCE, 2, 0.25);
        final StoreFullException full = assertThrows(StoreFullException.class, () -> TruthImport.importInto(poolDir,
            manifest(dir, List.of("case0053", "case0070")), TruthCases.REFERENCE, 0, 0.25));
        assertTrue(full.getMessage().contains("nothing was imported"), full.getMessage());
        try (Pool pool = Pool.open(poolDir))
        {
            assertEquals(1, pool.truth().size());
            assertEquals(1, pool.claims().size());
        }
        final InputException again = assertThrows(InputException.class, () -> TruthImport.importInto(poolDir,
            manifest(dir, List.of("case0041")), TruthCases.REFERENCE, 0, 0.25));
        assertTrue(again.getMessage().contains("already in the pool"), again.getMessage());
    }

    @Test
    void shouldNameTheLineWhenTheManifestIsBad() throws Exception
    {
        final Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"task_id\":\"" + UUID.randomUUID() + "\",\"truth_vcf\":\"x.vcf\",\"genome\":\"g\","
            + "\"coverage\":\"thirty\",\"region\":\"r\",\"difficulty\":\"d\",\"input_type\":\"bam\",\"data_locator\":\"l\"}\n");
        final InputException e = assertThrows(InputException.class, () -> TruthImport.readManifest(file));
        assertEquals(file + ":1: coverage must be a number", e.getMessage());
        Files.writeString(file, "\n{not json\n");
        assertTrue(assertThrows(InputException.class, () -> TruthImport.readManifest(file)).getMessage()
            .startsWith(file + ":2: not valid JSON"));
        Files.writeString(file, "{\"task_id\":\"nope\"}\n");
        assertEquals(file + ":1: task_id is not a UUID: nope",
            assertThrows(InputException.class, () -> TruthImport.readManifest(file)).getMessage());
    }

    @Test
    void shouldExportOneLinePerTaskWithItsStateWhenAsked() throws Exception
    {
        final Path poolDir = dir.resolve("pool");
        final List<String> cases = List.of("case0041", "case0125");
        TruthImport.importInto(poolDir, manifest(dir, cases), TruthCases.REFERENCE, 0, 0.25);
        final UUID claimed = UUID.nameUUIDFromBytes("case0125".getBytes());
        final StringWriter out = new StringWriter();
        try (Pool pool = Pool.open(poolDir))
        {
            assertTrue(pool.claims().tryClaim(claimed, "hk1", 10, 20));
            assertEquals(2, PoolExport.write(pool, out));
        }
        final List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size());
        final ObjectMapper json = new ObjectMapper();
        int seenClaimed = 0;
        for (final String line : lines)
        {
            final JsonNode node = json.readTree(line);
            final boolean isClaimed = node.get("task_id").asText().equals(claimed.toString());
            assertEquals(isClaimed ? "claimed" : "available", node.get("state").asText());
            assertEquals(isClaimed, node.has("hotkey"));
            assertTrue(node.get("truth_variants").asInt() > 0);
            assertEquals(isClaimed, node.get("has_regions").asBoolean(), "case0125 has regions, case0041 none");
            seenClaimed += isClaimed ? 1 : 0;
        }
        assertEquals(1, seenClaimed);
        assertTrue(UUID.fromString(json.readTree(lines.get(0)).get("task_id").asText())
            .compareTo(UUID.fromString(json.readTree(lines.get(1)).get("task_id").asText())) < 0, "ordered by id");
    }

    @Test
    void shouldGiveAClearErrorWhenTheDirectoryIsNotAPoolOrIsDamaged() throws Exception
    {
        assertTrue(assertThrows(StoreException.class, () -> Pool.open(dir)).getMessage().contains("not a callscore pool"));
        final Path poolDir = dir.resolve("pool");
        Pool.create(poolDir, new StoreSizing(4, 1024, 8192)).close();
        final Path json = poolDir.resolve(PoolManifest.FILE_NAME);
        final String good = Files.readString(json);
        Files.writeString(json, good.replace("\"version\" : 1", "\"version\" : 3"));
        assertTrue(assertThrows(StoreException.class, () -> Pool.open(poolDir)).getMessage().contains("version 3"));
        Files.writeString(json, good);
        final Path truth = poolDir.resolve(Pool.TRUTH_FILE);
        try (RandomAccessFile raf = new RandomAccessFile(truth.toFile(), "rw"))
        {
            raf.setLength(raf.length() / 2);
        }
        final StoreException truncated = assertThrows(StoreException.class, () -> Pool.open(poolDir));
        assertTrue(truncated.getMessage().startsWith(truth + ": truncated"), truncated.getMessage());
        assertTrue(assertThrows(StoreException.class, () -> Pool.create(poolDir, new StoreSizing(4, 1024, 8192)))
            .getMessage().contains("already holds a pool"));
    }

    @Test
    void shouldRefuseATaskWhenThePoolIsFull()
    {
        final byte[] record = TruthRecordEncoder.encode(TruthCases.truth("case0041", null), null,
            TruthCases.metadata("case0041"));
        try (Pool pool = Pool.create(dir.resolve("p"), new StoreSizing(2, 4096, 65536)))
        {
            pool.addTask(new UUID(0, 1), record);
            pool.addTask(new UUID(0, 2), record);
            assertThrows(StoreFullException.class, () -> pool.addTask(new UUID(0, 3), record));
            assertEquals(2, pool.truth().size());
            assertEquals(2, pool.claims().size());
        }
    }
}

package io.callscore.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a pool's validator-only manifest: one JSON object per task, ordered by task id, with its metadata (data
 * locator included, which is why miners never see it), truth summary and claim state. No truth variants.
 */
public final class PoolExport
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private PoolExport()
    {
    }

    /** Writes every task of the pool; returns how many lines were written. */
    public static int write(final Pool pool, final Writer out)
    {
        final List<ObjectNode> lines = new ArrayList<>();
        pool.truth().forEach((id, record) -> lines.add(line(pool, id, record)));
        lines.sort((a, b) -> UUID.fromString(a.get("task_id").asText())
            .compareTo(UUID.fromString(b.get("task_id").asText())));
        try
        {
            for (final ObjectNode line : lines)
            {
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
            out.flush();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return lines.size();
    }

    private static ObjectNode line(final Pool pool, final UUID id, final TruthRecord record)
    {
        final TaskMetadata metadata = record.metadata();
        final TaskClaim claim = pool.claims().claim(id);
        final ObjectNode node = JSON.createObjectNode();
        node.put("task_id", id.toString());
        node.put("state", claim == null ? "missing" : claim.state().name().toLowerCase(java.util.Locale.ROOT));
        node.put("genome", metadata.genome());
        node.put("coverage", metadata.coverage());
        node.put("region", metadata.region());
        node.put("difficulty", metadata.difficulty());
        node.put("input_type", metadata.inputType());
        node.put("data_locator", metadata.dataLocator());
        node.put("truth_variants", record.variantCount());
        node.put("truth_records", record.records());
        node.put("has_regions", record.hasRegions());
        node.put("confident_bases", record.confidentBases());
        node.put("record_bytes", record.length());
        if (claim != null && claim.state() != ClaimState.AVAILABLE)
        {
            node.put("hotkey", claim.hotkey());
            node.put("claimed_at_ms", claim.claimedAtMs());
            node.put("deadline_ms", claim.deadlineMs());
            node.put("finished_at_ms", claim.finishedAtMs());
        }
        return node;
    }
}

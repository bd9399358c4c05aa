package io.callscore.engine.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callscore.engine.task.MinerTask;
import io.callscore.vcf.InputException;
import io.callscore.vcf.RegionSet;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user's job, as {@code POOL/user/<id>/job.json} holds it: what to call (reads, reference, regions), how many
 * miners should call it, and where it stands. Only the validator changes a job after submission.
 *
 * @param id           random UUID; also the task id miners see and the certificates' task id
 * @param submittedAt  when it was submitted (jobs are dispatched oldest first)
 * @param inputType    aligned reads (BAM) or a FASTQ pair
 * @param files        {@code bam} or {@code r1}/{@code r2}, and {@code reference}: relative to the job folder when
 *                     the inputs were copied in, absolute when referenced where they were
 * @param regions      the regions to call (1-based, inclusive)
 * @param refBuild     reference build named in the task, e.g. GRCh38
 * @param minersPerJob how many distinct miners receive the job (at least 3: a consensus needs a majority)
 * @param status       where the job stands
 * @param round        round of the last dispatch (0: never dispatched)
 * @param miners       miners of the last dispatch
 * @param attempts     dispatches so far
 * @param reason       why the last attempt gave no consensus, or empty
 */
public record UserJob(String id, Instant submittedAt, MinerTask.InputType inputType, Map<String, String> files,
    List<MinerTask.Region> regions, String refBuild, int minersPerJob, Status status, long round,
    List<Assigned> miners, int attempts, String reason)
{
    /** Fewest miners whose calls can form a leave-one-out majority (two others must agree). */
    public static final int MIN_MINERS = 3;
    /** Most miners per job (voters are tracked in 64-bit masks). */
    public static final int MAX_MINERS = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a job stands: pending, then dispatched in a round, then scored (or failed after its attempts). */
    public enum Status
    {
        PENDING,
        DISPATCHED,
        SCORED,
        FAILED;

        public String text()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A miner the job went to.
     *
     * @param uid    its uid
     * @param hotkey its hotkey
     */
    public record Assigned(int uid, String hotkey)
    {
    }

    public UserJob
    {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        regions = List.copyOf(regions);
        miners = List.copyOf(miners);
    }

    /** This job dispatched in {@code r} to {@code to}. */
    public UserJob dispatched(final long r, final List<Assigned> to)
    {
        return new UserJob(id, submittedAt, inputType, files, regions, refBuild, minersPerJob, Status.DISPATCHED, r,
            to, attempts + 1, "");
    }

    /** This job with a new status and reason. */
    public UserJob with(final Status s, final String why)
    {
        return new UserJob(id, submittedAt, inputType, files, regions, refBuild, minersPerJob, s, round, miners,
            attempts, why);
    }

    /** This job back to pending after a dispatch that never committed (it does not count as an attempt). */
    public UserJob undispatched()
    {
        return new UserJob(id, submittedAt, inputType, files, regions, refBuild, minersPerJob, Status.PENDING, 0,
            List.of(), Math.max(0, attempts - 1), reason);
    }

    /** The job's regions as 0-based half-open intervals (the load regions of every call set of the job). */
    public RegionSet window()
    {
        final Map<String, List<int[]>> raw = new LinkedHashMap<>();
        for (final MinerTask.Region r : regions)
        {
            raw.computeIfAbsent(r.contig(), c -> new ArrayList<>()).add(new int[] {r.start() - 1, r.end()});
        }
        return RegionSet.fromIntervals(raw);
    }

    /** The job as job.json holds it. */
    public ObjectNode toJson()
    {
        final ObjectNode o = JSON.createObjectNode();
        o.put("job_id", id);
        o.put("submitted_at", submittedAt.toString());
        o.put("input_type", inputType.name());
        final ObjectNode f = o.putObject("files");
        files.forEach(f::put);
        final ArrayNode r = o.putArray("regions");
        regions.forEach(region -> r.add(region.toString()));
        o.put("ref_build", refBuild);
        o.put("miners_per_job", minersPerJob);
        o.put("status", status.text());
        o.put("round", round);
        final ArrayNode m = o.putArray("miners");
        for (final Assigned a : miners)
        {
            m.addObject().put("uid", a.uid()).put("hotkey", a.hotkey());
        }
        o.put("attempts", attempts);
        o.put("reason", reason);
        return o;
    }

    /** Reads a job.json tree; {@code source} names it in the one-line error of a malformed job. */
    public static UserJob parse(final JsonNode o, final String source)
    {
        if (o == null || !o.isObject())
        {
            throw new InputException(source, 0, "a job must be a JSON object");
        }
        final Instant submitted;
        try
        {
            submitted = Instant.parse(text(o, "submitted_at", source));
        }
        catch (final DateTimeParseException e)
        {
            throw new InputException(source, 0, "submitted_at is not a UTC time such as 2026-03-01T12:00:00Z");
        }
        final MinerTask.InputType type = choice(MinerTask.InputType.class, text(o, "input_type", source), "input_type",
            source);
        final Map<String, String> files = new LinkedHashMap<>();
        final JsonNode f = o.get("files");
        if (f == null || !f.isObject())
        {
            throw new InputException(source, 0, "files must be an object of named input files");
        }
        for (final Map.Entry<String, JsonNode> e : f.properties())
        {
            files.put(e.getKey(), e.getValue().asText());
        }
        for (final String key : type == MinerTask.InputType.BAM ? List.of("bam", "reference")
            : List.of("r1", "r2", "reference"))
        {
            if (files.getOrDefault(key, "").isBlank())
            {
                throw new InputException(source, 0, "files." + key + " is missing");
            }
        }
        final List<MinerTask.Region> regions = new ArrayList<>();
        final JsonNode r = o.get("regions");
        if (r == null || !r.isArray() || r.isEmpty())
        {
            throw new InputException(source, 0, "regions must be a non-empty array");
        }
        for (final JsonNode region : r)
        {
            final MinerTask.Region parsed = MinerTask.Region.parse(region.asText());
            if (parsed == null)
            {
                throw new InputException(source, 0, "region " + region + " is not contig:start-end");
            }
            regions.add(parsed);
        }
        final List<Assigned> miners = new ArrayList<>();
        for (final JsonNode m : o.path("miners"))
        {
            miners.add(new Assigned(m.path("uid").asInt(), m.path("hotkey").asText()));
        }
        final int perJob = o.path("miners_per_job").asInt(0);
        if (perJob < MIN_MINERS || perJob > MAX_MINERS)
        {
            throw new InputException(source, 0, "miners_per_job must be " + MIN_MINERS + " to " + MAX_MINERS);
        }
        return new UserJob(text(o, "job_id", source), submitted, type, files, regions, text(o, "ref_build", source),
            perJob, choice(Status.class, text(o, "status", source), "status", source), o.path("round").asLong(0),
            miners, o.path("attempts").asInt(0), o.path("reason").asText(""));
    }

    private static String text(final JsonNode o, final String field, final String source)
    {
        final JsonNode n = o.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank())
        {
            throw new InputException(source, 0, "field \"" + field + "\" must be a non-empty string");
        }
        return n.asText();
    }

    private static <E extends Enum<E>> E choice(final Class<E> type, final String value, final String field,
        final String source)
    {
        try
        {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException e)
        {
            throw new InputException(source, 0, "field \"" + field + "\" has an unknown value \"" + value + "\"");
        }
    }
}

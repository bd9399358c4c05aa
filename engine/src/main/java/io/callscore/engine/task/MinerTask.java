package io.callscore.engine.task;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.vcf.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The task a miner receives (the blueprint's miner-facing JSON). Kept to the fields of the schema so that the
 * round loop that sends tasks and the miners that run them read the same thing; unknown fields are ignored so
 * the schema can grow.
 *
 * @param taskId       opaque task id
 * @param mode         benchmark (hidden truth) or user (no truth)
 * @param refBuild     reference build name, e.g. GRCh38
 * @param inputType    aligned reads or raw reads
 * @param dataLocator  where the input files are
 * @param regions      regions to call, in task order
 * @param outputFormat always {@code VCF}
 * @param constraints  what the VCF must carry
 */
public record MinerTask(String taskId, Mode mode, String refBuild, InputType inputType, DataLocator dataLocator,
    List<Region> regions, String outputFormat, Constraints constraints)
{
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who the task is for. */
    public enum Mode
    {
        BENCHMARK,
        USER
    }

    /** What kind of reads the data locator points at. */
    public enum InputType
    {
        BAM,
        FASTQ
    }

    /**
     * Where the inputs are: either one location string, or named files (for BAM input {@code bam} and
     * {@code reference}, for FASTQ input {@code r1} and {@code r2}). Relative paths are relative to the folder of
     * the task JSON.
     *
     * @param location the string form, or null
     * @param files    the object form (name to location), empty for the string form
     */
    public record DataLocator(String location, Map<String, String> files)
    {
        /** The named file resolved against {@code base}; an input error naming the key when it is missing. */
        public Path file(final String key, final Path base, final String source)
        {
            final String value = files.get(key);
            if (value == null)
            {
                throw new InputException(source, 0, "data_locator needs a \"" + key + "\" entry (an object such as "
                    + "{\"bam\": \"reads.bam\", \"reference\": \"ref.fa\"})");
            }
            return base.resolve(value);
        }
    }

    /**
     * A region of one contig, 1-based and inclusive at both ends, as written in the task.
     *
     * @param contig contig name
     * @param start  first position (1-based)
     * @param end    last position (1-based, inclusive)
     */
    public record Region(String contig, int start, int end)
    {
        /** Parses {@code contig:start-end} (thousands separators allowed); null when malformed. */
        public static Region parse(final String text)
        {
            final int colon = text.lastIndexOf(':');
            if (colon <= 0)
            {
                return null;
            }
            final String[] span = text.substring(colon + 1).replace(",", "").split("-", -1);
            if (span.length != 2)
            {
                return null;
            }
            try
            {
                final int start = Integer.parseInt(span[0].strip());
                final int end = Integer.parseInt(span[1].strip());
                return start >= 1 && end >= start ? new Region(text.substring(0, colon), start, end) : null;
            }
            catch (final NumberFormatException e)
            {
                return null;
            }
        }

        @Override
        public String toString()
        {
            return contig + ":" + start + "-" + end;
        }
    }

    /**
     * What the VCF must carry.
     *
     * @param includeGenotypes a sample column with GT
     * @param includeFilters   FILTER values (when false, only confident calls are wanted)
     */
    public record Constraints(boolean includeGenotypes, boolean includeFilters)
    {
    }

    /** The task as the miner-facing JSON (what {@link #parse} reads). */
    public String toJson()
    {
        final com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        root.put("task_id", taskId);
        root.put("mode", mode.name().toLowerCase(Locale.ROOT));
        root.put("ref_build", refBuild);
        root.put("input_type", inputType.name());
        if (dataLocator.location() != null)
        {
            root.put("data_locator", dataLocator.location());
        }
        else
        {
            final com.fasterxml.jackson.databind.node.ObjectNode files = root.putObject("data_locator");
            dataLocator.files().forEach(files::put);
        }
        final com.fasterxml.jackson.databind.node.ArrayNode r = root.putArray("regions");
        regions.forEach(region -> r.add(region.toString()));
        root.put("output_format", outputFormat);
        final com.fasterxml.jackson.databind.node.ObjectNode c = root.putObject("constraints");
        c.put("include_genotypes", constraints.includeGenotypes());
        c.put("include_filters", constraints.includeFilters());
        try
        {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        }
        catch (final JsonProcessingException e)
        {
            throw new IllegalStateException("a task always serialises", e);
        }
    }

    /** Reads and checks a task JSON file; bad JSON or a missing or malformed field is an {@link InputException}. */
    public static MinerTask read(final Path file)
    {
        final JsonNode root;
        try
        {
            root = JSON.readTree(Files.readAllBytes(file));
        }
        catch (final NoSuchFileException e)
        {
            throw new InputException(file, "file not found");
        }
        catch (final JsonProcessingException e)
        {
            final JsonLocation where = e.getLocation();
            throw new InputException(file, where == null ? 0 : Math.max(0, where.getLineNr()),
                "not valid JSON: " + e.getOriginalMessage());
        }
        catch (final IOException e)
        {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        return parse(root, file.toString());
    }

    /** Checks an already parsed task; {@code source} names it in error messages. */
    public static MinerTask parse(final JsonNode root, final String source)
    {
        if (root == null || !root.isObject())
        {
            throw new InputException(source, 0, "a task must be a JSON object");
        }
        final String taskId = text(root, "task_id", source);
        final Mode mode = choice(root, "mode", Mode.class, source);
        final String refBuild = text(root, "ref_build", source);
        final InputType inputType = choice(root, "input_type", InputType.class, source);
        final DataLocator locator = dataLocator(required(root, "data_locator", source), source);
        final List<Region> regions = regions(required(root, "regions", source), source);
        final String outputFormat = text(root, "output_format", source);
        if (!outputFormat.equalsIgnoreCase("VCF"))
        {
            throw new InputException(source, 0, "output_format must be \"VCF\", not \"" + outputFormat + "\"");
        }
        final JsonNode c = root.get("constraints");
        if (c != null && !c.isNull() && !c.isObject())
        {
            throw new InputException(source, 0, "constraints must be an object");
        }
        final Constraints constraints = new Constraints(flag(c, "include_genotypes", source),
            flag(c, "include_filters", source));
        return new MinerTask(taskId, mode, refBuild, inputType, locator, regions, outputFormat, constraints);
    }

    private static JsonNode required(final JsonNode root, final String field, final String source)
    {
        final JsonNode node = root.get(field);
        if (node == null || node.isNull())
        {
            throw new InputException(source, 0, "missing field \"" + field + "\"");
        }
        return node;
    }

    private static String text(final JsonNode root, final String field, final String source)
    {
        final JsonNode node = required(root, field, source);
        if (!node.isTextual() || node.asText().isBlank())
        {
            throw new InputException(source, 0, "field \"" + field + "\" must be a non-empty string");
        }
        return node.asText();
    }

    private static <E extends Enum<E>> E choice(final JsonNode root, final String field, final Class<E> type,
        final String source)
    {
        final String value = text(root, field, source);
        try
        {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException e)
        {
            final List<String> allowed = new ArrayList<>();
            for (final E constant : type.getEnumConstants())
            {
                allowed.add(constant.name());
            }
            throw new InputException(source, 0, "field \"" + field + "\" must be one of " + allowed + ", not \""
                + value + "\"");
        }
    }

    private static boolean flag(final JsonNode constraints, final String field, final String source)
    {
        final JsonNode node = constraints == null ? null : constraints.get(field);
        if (node == null || node.isNull())
        {
            return true;
        }
        if (!node.isBoolean())
        {
            throw new InputException(source, 0, "constraints." + field + " must be true or false");
        }
        return node.asBoolean();
    }

    private static DataLocator dataLocator(final JsonNode node, final String source)
    {
        if (node.isTextual() && !node.asText().isBlank())
        {
            return new DataLocator(node.asText(), Map.of());
        }
        if (!node.isObject() || node.isEmpty())
        {
            throw new InputException(source, 0, "data_locator must be a string or an object of named files");
        }
        final Map<String, String> files = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> e : node.properties())
        {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank())
            {
                throw new InputException(source, 0, "data_locator." + e.getKey() + " must be a non-empty string");
            }
            files.put(e.getKey(), e.getValue().asText());
        }
        return new DataLocator(null, Collections.unmodifiableMap(files));
    }

    private static List<Region> regions(final JsonNode node, final String source)
    {
        if (!node.isArray() || node.isEmpty())
        {
            throw new InputException(source, 0, "regions must be a non-empty array such as [\"chr20:1000-2000\"]");
        }
        final List<Region> regions = new ArrayList<>();
        for (final JsonNode r : node)
        {
            final Region region = r.isTextual() ? Region.parse(r.asText()) : null;
            if (region == null)
            {
                throw new InputException(source, 0, "region " + r + " is not contig:start-end (1-based, inclusive,"
                    + " start <= end)");
            }
            regions.add(region);
        }
        return Collections.unmodifiableList(regions);
    }
}

package io.callscore.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.callscore.engine.hotkey.Ss58;
import io.callscore.engine.transport.CommandTransport;
import io.callscore.engine.transport.HttpTransport;
import io.callscore.vcf.InputException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The miners file (YAML): which miners a validator queries and how.
 * <pre>
 * miners:
 *   - uid: 0
 *     hotkey: 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
 *     transport: command
 *     command: [bin/callscore, miner, pileup, --task, "{task}", --out, "{out}", --hotkey, 5Grwva...]
 *     timeout_seconds: 120        # optional, default 300
 *     max_vcf_bytes: 268435456    # optional, default 256 MiB
 *   - uid: 1
 *     hotkey: 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty
 *     transport: http
 *     url: http://127.0.0.1:8091/task
 *     connect_timeout_seconds: 5  # optional
 *     timeout_seconds: 300        # optional
 * </pre>
 * Bad entries are reported with their line: one line per problem, all problems at once. Relative command paths
 * are resolved by the operating system as usual (from the validator's working folder).
 */
public final class MinersFile
{
    /** One bad entry: its line and what is wrong. */
    private record Problem(int line, String text)
    {
    }

    public static final long DEFAULT_TIMEOUT_SECONDS = 300;
    public static final long DEFAULT_MAX_VCF_BYTES = 256L << 20;

    private MinersFile()
    {
    }

    public static List<MinerEntry> read(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new InputException(file, "file not found");
        }
        final List<MinerEntry> entries = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        try (JsonParser p = mapper.getFactory().createParser(file.toFile()))
        {
            if (p.nextToken() != JsonToken.START_OBJECT)
            {
                throw new InputException(file, 1, "expected a mapping with a 'miners' list");
            }
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = p.currentName();
                p.nextToken();
                if (!name.equals("miners"))
                {
                    p.skipChildren();
                    continue;
                }
                found = true;
                if (p.currentToken() != JsonToken.START_ARRAY)
                {
                    throw new InputException(file, line(p.currentLocation()), "'miners' must be a list");
                }
                while (p.nextToken() == JsonToken.START_OBJECT)
                {
                    final int line = line(p.currentLocation());
                    final JsonNode node = mapper.readTree(p);
                    entry(node, line, file, entries, problems);
                }
            }
            if (!found)
            {
                throw new InputException(file, 1, "no 'miners' list");
            }
        }
        catch (final JsonProcessingException e)
        {
            throw new InputException(file, line(e.getLocation()), "not valid YAML: " + e.getOriginalMessage());
        }
        catch (final IOException e)
        {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        final Set<Integer> uids = new HashSet<>();
        final Set<String> hotkeys = new HashSet<>();
        for (final MinerEntry e : entries)
        {
            if (!uids.add(e.uid()))
            {
                problems.add(new Problem(e.line(), "uid " + e.uid() + " appears twice"));
            }
            if (!hotkeys.add(e.hotkey()))
            {
                problems.add(new Problem(e.line(), "hotkey " + e.hotkey() + " appears twice"));
            }
        }
        if (problems.size() == 1)
        {
            throw new InputException(file, problems.get(0).line(), problems.get(0).text());
        }
        if (!problems.isEmpty())
        {
            // Every bad entry with its line, so an operator fixes them all in one go.
            throw new InputException(file.toString(), 0, problems.size() + " bad miner entries: "
                + String.join(" | ", problems.stream().map(q -> file + ":" + q.line() + ": " + q.text()).toList()));
        }
        return entries;
    }

    private static void entry(final JsonNode node, final int line, final Path file, final List<MinerEntry> entries,
        final List<Problem> problems)
    {
        final int before = problems.size();
        final int uid = node.path("uid").canConvertToInt() && node.path("uid").isIntegralNumber()
            ? node.path("uid").intValue() : -1;
        if (uid < 0 || uid > 65535)
        {
            problems.add(new Problem(line, "uid must be a whole number 0-65535"));
        }
        final String hotkey = node.path("hotkey").asText("");
        final String hotkeyProblem = Ss58.problem(hotkey);
        if (hotkeyProblem != null)
        {
            problems.add(new Problem(line, hotkeyProblem));
        }
        final long timeout = node.path("timeout_seconds").asLong(DEFAULT_TIMEOUT_SECONDS);
        final long maxBytes = node.path("max_vcf_bytes").asLong(DEFAULT_MAX_VCF_BYTES);
        if (timeout <= 0 || maxBytes <= 0)
        {
            problems.add(new Problem(line, "timeout_seconds and max_vcf_bytes must be positive"));
        }
        final String transport = node.path("transport").asText("");
        final io.callscore.engine.transport.MinerTransport t;
        switch (transport)
        {
            case "command" ->
            {
                final List<String> command = new ArrayList<>();
                final JsonNode c = node.path("command");
                if (c.isArray())
                {
                    for (final Iterator<JsonNode> it = c.elements(); it.hasNext(); )
                    {
                        command.add(it.next().asText());
                    }
                }
                else if (c.isTextual() && !c.asText().isBlank())
                {
                    command.addAll(List.of(c.asText().strip().split("\\s+")));
                }
                if (command.isEmpty())
                {
                    problems.add(new Problem(line, "a command miner needs 'command' (a list or a string)"));
                    t = null;
                }
                else
                {
                    t = new CommandTransport(command, Duration.ofSeconds(Math.max(1, timeout)), Math.max(1, maxBytes));
                }
            }
            case "http" ->
            {
                final String url = node.path("url").asText("");
                URI uri = null;
                try
                {
                    uri = URI.create(url);
                }
                catch (final IllegalArgumentException e)
                {
                    // reported below
                }
                if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null)
                {
                    problems.add(new Problem(line, "an http miner needs 'url' (http:// or https://), got '" + url
                        + "'"));
                    t = null;
                }
                else
                {
                    final long connect = node.path("connect_timeout_seconds").asLong(5);
                    t = new HttpTransport(uri, Duration.ofSeconds(Math.max(1, connect)),
                        Duration.ofSeconds(Math.max(1, timeout)), Math.max(1, maxBytes));
                }
            }
            default ->
            {
                problems.add(new Problem(line, "transport must be 'command' or 'http', got '" + transport + "'"));
                t = null;
            }
        }
        if (problems.size() == before)
        {
            entries.add(new MinerEntry(uid, hotkey, t, line));
        }
    }

    private static int line(final JsonLocation location)
    {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}

package io.callscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.vcf.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code callscore weights}: the weights of the last committed round, as set on chain. */
@Command(
    name = "weights",
    mixinStandardHelpOptions = true,
    description = "Print the u16 weights of the last committed round (STATE/weights.json).")
public final class WeightsCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--state", required = true, paramLabel = "STATE", description = "Validator state directory.")
    Path state;

    @Option(names = "--json", description = "Print weights.json as it is.")
    boolean json;

    @Override
    public Integer call()
    {
        final Path file = state.resolve("weights.json");
        if (!Files.isRegularFile(file))
        {
            throw new InputException(file, "no weights yet: run 'callscore validate' first");
        }
        final String text;
        final JsonNode w;
        try
        {
            text = Files.readString(file);
            w = new ObjectMapper().readTree(text);
        }
        catch (final IOException e)
        {
            throw new InputException(file, "cannot read weights: " + e.getMessage());
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            out.print(text);
            out.flush();
            return CallscoreCommand.EXIT_OK;
        }
        long total = 0;
        for (final JsonNode v : w.path("weights"))
        {
            total += v.asLong();
        }
        out.printf("round %d%n%5s %7s %8s%n", w.path("round").asLong(), "uid", "weight", "share");
        for (int i = 0; i < w.path("uids").size(); i++)
        {
            final long v = w.path("weights").get(i).asLong();
            out.printf(Locale.ROOT, "%5d %7d %8.4f%n", w.path("uids").get(i).asInt(), v,
                total == 0 ? 0.0 : (double)v / total);
        }
        out.flush();
        return CallscoreCommand.EXIT_OK;
    }
}

package io.callscore.cli;

import io.callscore.engine.round.TaskSource;
import io.callscore.store.ClaimCounts;
import io.callscore.store.Pool;
import io.callscore.store.PoolExport;
import io.callscore.store.PoolStatus;
import io.callscore.store.StoreSizing;
import io.callscore.store.TruthImport;
import io.callscore.vcf.ReferenceGenome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code callscore pool}: look after a task pool directory (truth store and claim pool). */
@Command(name = "pool", mixinStandardHelpOptions = true,
    description = "Inspect, import into and export a task pool directory.",
    subcommands = {PoolBuildCommand.class, PoolCommand.Status.class, PoolCommand.ImportTruth.class,
        PoolCommand.Export.class, PoolCommand.Recover.class})
public final class PoolCommand extends CommandGroup
{
    /** {@code callscore pool status}: tasks per state and sizes. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show tasks per state and sizes.")
    public static final class Status implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--pool", required = true, paramLabel = "DIR", description = "The pool directory.")
        Path pool;

        @Override
        public Integer call() throws Exception
        {
            return CommandErrors.run(spec, () ->
            {
                final PoolStatus status;
                try (Pool opened = Pool.open(pool))
                {
                    status = opened.status(System.currentTimeMillis());
                }
                print(spec.commandLine().getOut(), status);
                return 0;
            });
        }

        private static void print(final PrintWriter out, final PoolStatus s)
        {
            final ClaimCounts c = s.claims();
            final StoreSizing sizing = s.sizing();
            out.printf("pool         %s%n", s.dir());
            out.printf("tasks        %d of %d%n", c.total(), sizing.maxTasks());
            out.printf("  available  %d%n", c.available());
            out.printf("  claimed    %d (%d past deadline, not yet expired)%n", c.claimed(), c.overdue());
            out.printf("  scored     %d%n", c.scored());
            out.printf("  expired    %d%n", c.expired());
            out.printf("truth        %d records, %d variants, %d bytes (mean %d, largest %d, limit %d)%n",
                s.truthRecords(), s.truthVariants(), s.truthRecordBytes(),
                s.truthRecords() == 0 ? 0 : s.truthRecordBytes() / s.truthRecords(), s.largestRecordBytes(),
                sizing.maxRecordBytes());
            out.printf("files        %s %d bytes, %s %d bytes (sparse)%n", Pool.TRUTH_FILE, s.truthFileBytes(),
                Pool.CLAIMS_FILE, s.claimsFileBytes());
            out.flush();
        }
    }

    /** {@code callscore pool recover}: claim-map locks a killed process left, released under the validator lock. */
    @Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Release claim-map locks that a killed process left held.",
            "A validator does this itself when it starts; use it before 'pool status' or 'pool export' if one of"
                + " them hangs after a crash. Refuses while a validator runs on the pool."})
    public static final class Recover implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--pool", required = true, paramLabel = "DIR", description = "The pool directory.")
        Path pool;

        @Override
        public Integer call() throws Exception
        {
            return CommandErrors.run(spec, () ->
            {
                // The validator's own start: the one-validator lock first, then the claim map's locks reset.
                try (TaskSource tasks = TaskSource.openForValidator(pool))
                {
                    spec.commandLine().getOut().printf("%s: claim-map locks released; %d tasks available%n",
                        pool, tasks.availableCount());
                }
                spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }

    /** {@code callscore pool import-truth}: tasks built elsewhere (a VCF and BED per task). */
    @Command(name = "import-truth", mixinStandardHelpOptions = true,
        description = {"Import tasks built elsewhere: a JSON-lines manifest with, per task, task_id, truth_vcf,",
            "truth_bed (optional), sample (optional), genome, coverage, region, difficulty, input_type and",
            "data_locator. Creates the pool when the directory holds none. Nothing is imported unless every",
            "task loads and fits."})
    public static final class ImportTruth implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--pool", required = true, paramLabel = "DIR", description = "The pool directory.")
        Path pool;

        @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "JSON-lines task list.")
        Path manifest;

        @Option(names = "--reference", required = true, paramLabel = "FASTA", description = "Reference genome.")
        Path reference;

        @Option(names = "--max-tasks", paramLabel = "N", defaultValue = "0",
            description = "Tasks a new pool has room for (default: the manifest's count).")
        int maxTasks;

        @Option(names = "--headroom", paramLabel = "FRACTION", defaultValue = "0.25",
            description = "Room over measured record sizes for a new pool (default: ${DEFAULT-VALUE}).")
        double headroom;

        @Override
        public Integer call() throws Exception
        {
            return CommandErrors.run(spec, () ->
            {
                final TruthImport.Result result = TruthImport.importInto(pool, manifest, ReferenceGenome.open(reference),
                    maxTasks, headroom);
                final PrintWriter out = spec.commandLine().getOut();
                out.printf("imported %d tasks into %s%s (room for %d tasks, records up to %d bytes)%n",
                    result.imported(), pool, result.created() ? " (new pool)" : "", result.sizing().maxTasks(),
                    result.sizing().maxRecordBytes());
                out.flush();
                return 0;
            });
        }
    }

    /** {@code callscore pool export}: the validator-only manifest as JSON lines. */
    @Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the validator-only task manifest (metadata, truth summary, claim state) as JSON lines.")
    public static final class Export implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--pool", required = true, paramLabel = "DIR", description = "The pool directory.")
        Path pool;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: stdout).")
        Path output;

        @Override
        public Integer call() throws Exception
        {
            return CommandErrors.run(spec, () ->
            {
                try (Pool opened = Pool.open(pool))
                {
                    if (output == null)
                    {
                        PoolExport.write(opened, spec.commandLine().getOut());
                    }
                    else
                    {
                        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8))
                        {
                            PoolExport.write(opened, out);
                        }
                        catch (final IOException e)
                        {
                            throw new IllegalArgumentException(output + ": cannot write: " + e.getMessage(), e);
                        }
                    }
                }
                return 0;
            });
        }
    }
}

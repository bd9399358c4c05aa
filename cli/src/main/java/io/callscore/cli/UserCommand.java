package io.callscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.callscore.compare.CompareOptions;
import io.callscore.engine.user.TruthRescore;
import io.callscore.engine.user.UserJob;
import io.callscore.engine.user.UserJobs;
import io.callscore.vcf.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code callscore user}: submit sequencing jobs, follow them, and re-score them once their truth is known. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = {
        "User jobs: your reads called by several miners, scored by consensus.",
        "A job is queued in the pool; the validator (callscore validate) sends",
        "it to several miners in its next round, scores each miner against the",
        "majority consensus of the others, writes the consensus call set to",
        "POOL/user/<job>/consensus.vcf and signs a certificate per scored miner",
        "(callscore cert show --dir STATE/certs --job ID). See docs/user-mode.md.",
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {UserCommand.Submit.class, UserCommand.Status.class, UserCommand.Truth.class})
public final class UserCommand extends CommandGroup
{
    /** {@code callscore user submit}: checks and queues a job; prints its id. */
    @Command(
        name = "submit",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Queue a job: a BAM or a FASTQ pair, its reference and regions.",
            "Prints the job id. The inputs are copied into POOL/user/<job>/input/",
            "unless --no-copy is given (then they must stay where they are).",
        },
        footer = {"", "Exit codes: 0 queued, 2 bad input (one line on stderr)."})
    static final class Submit implements java.util.concurrent.Callable<Integer>
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "BAM|R1.fq.gz",
            description = "Aligned reads (.bam, its .bai is copied when present) or the first FASTQ of a pair.")
        Path input;

        @Option(names = "--input2", paramLabel = "R2.fq.gz", description = "The second FASTQ of the pair.")
        Path input2;

        @Option(names = "--reference", required = true, paramLabel = "REF.fa",
            description = "Reference FASTA (plain with .fai, or gzip).")
        Path reference;

        @Option(names = "--regions", required = true, paramLabel = "REGION|BED",
            description = "Region to call, contig:start-end (1-based, inclusive), or a .bed file; repeatable.")
        List<String> regions;

        @Option(names = "--pool", required = true, paramLabel = "POOL", description = "The validator's pool directory.")
        Path pool;

        @Option(names = "--miners-per-job", paramLabel = "N",
            description = "Miners that call the job (3 to 64, default ${DEFAULT-VALUE}).")
        int minersPerJob = 5;

        @Option(names = "--ref-build", paramLabel = "NAME", description = "Reference build named to the miners "
            + "(default ${DEFAULT-VALUE}).")
        String refBuild = "GRCh38";

        @Option(names = "--no-copy", description = "Reference the inputs where they are instead of copying them.")
        boolean noCopy;

        @Override
        public Integer call() throws Exception
        {
            return CommandErrors.run(spec, () ->
            {
                requirePool(pool);
                final UserJob job = UserJobs.in(pool).submit(new UserJobs.Submission(input, input2, reference, regions,
                    minersPerJob, refBuild, !noCopy), Clock.systemUTC());
                final PrintWriter out = spec.commandLine().getOut();
                out.println(job.id());
                out.flush();
                return CallscoreCommand.EXIT_OK;
            });
        }
    }

    /** {@code callscore user status}: the jobs of a pool, or one job in detail. */
    @Command(
        name = "status",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Show the jobs of a pool, or one job with its miners' scores.",
            "Statuses: pending (queued), dispatched (sent in a round), scored,",
            "failed (no consensus after its attempts).",
        },
        footer = {"", "Exit codes: 0 shown, 2 no such pool or job (one line on stderr)."})
    static final class Status implements java.util.concurrent.Callable<Integer>
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--pool", required = true, paramLabel = "POOL", description = "The validator's pool directory.")
        Path pool;

        @Option(names = "--job", paramLabel = "ID", description = "Show this job in detail.")
        String job;

        @Override
        public Integer call() throws Exception
        {
            return CommandErrors.run(spec, () ->
            {
                requirePool(pool);
                final UserJobs jobs = UserJobs.in(pool);
                final PrintWriter out = spec.commandLine().getOut();
                if (job == null)
                {
                    out.printf("%-36s  %-10s  %-20s  %5s  %6s  %8s  %s%n", "job", "status", "submitted", "round",
                        "miners", "attempts", "reason");
                    for (final UserJob j : jobs.list())
                    {
                        out.printf("%-36s  %-10s  %-20s  %5s  %6s  %8d  %s%n", j.id(), j.status().text(),
                            j.submittedAt(), j.round() == 0 ? "-" : Long.toString(j.round()),
                            j.miners().isEmpty() ? "-" : Integer.toString(j.miners().size()), j.attempts(), j.reason());
                    }
                }
                else
                {
                    detail(jobs, jobs.read(job), out);
                }
                out.flush();
                return CallscoreCommand.EXIT_OK;
            });
        }

        private static void detail(final UserJobs jobs, final UserJob j, final PrintWriter out)
        {
            out.printf("job %s: %s; submitted %s; %s input, %d region(s), %d miners wanted; %d attempt(s)%s%n",
                j.id(), j.status().text(), j.submittedAt(), j.inputType().name(), j.regions().size(),
                j.minersPerJob(), j.attempts(), j.reason().isEmpty() ? "" : "; " + j.reason());
            final Path resultFile = jobs.resultFile(j.id());
            if (!Files.isRegularFile(resultFile))
            {
                return;
            }
            final JsonNode result = UserJobs.readJson(resultFile);
            final Map<String, JsonNode> truth = new HashMap<>();
            final Path truthFile = jobs.truthScoresFile(j.id());
            if (Files.isRegularFile(truthFile))
            {
                UserJobs.readJson(truthFile).path("miners").forEach(m -> truth.put(m.path("hotkey").asText(), m));
            }
            out.printf("round %d: %s; consensus of %d miner(s), %d variants%s%n", result.path("round").asLong(),
                result.path("status").asText().replace('_', ' '), result.path("voters").size(),
                result.path("consensus_variants").asInt(), Files.isRegularFile(jobs.consensusFile(j.id()))
                    ? ": " + jobs.consensusFile(j.id()) : "");
            out.printf("%5s  %-48s  %9s%s  %s%n", "uid", "hotkey", "consensus", truth.isEmpty() ? ""
                : "      truth  difference", "note");
            for (final JsonNode r : result.path("results"))
            {
                final JsonNode t = truth.get(r.path("hotkey").asText());
                out.printf(Locale.ROOT, "%5d  %-48s  %9.4f%s  %s%n", r.path("uid").asInt(), r.path("hotkey").asText(),
                    r.path("score").asDouble(), t == null ? (truth.isEmpty() ? "" : "          -           -")
                        : String.format(Locale.ROOT, "  %9.4f  %+10.4f", t.path("truth_score").asDouble(),
                        t.path("difference").asDouble()), r.path("reason").asText());
            }
        }
    }

    /** {@code callscore user truth}: re-score a scored job against its truth. */
    @Command(
        name = "truth",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Re-score a scored job once its truth is known.",
            "Each miner's kept answer and the consensus are compared with the truth",
            "(counting only inside --confident, loading only inside the job's",
            "regions). Writes POOL/user/<job>/truth-scores.json with each miner's",
            "truth score, consensus score and their difference, and prints them.",
        },
        footer = {"", "Exit codes: 0 re-scored, 2 bad input or a job not scored yet (one", "line on stderr)."})
    static final class Truth implements java.util.concurrent.Callable<Integer>
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--pool", required = true, paramLabel = "POOL", description = "The validator's pool directory.")
        Path pool;

        @Option(names = "--job", required = true, paramLabel = "ID", description = "The job.")
        String job;

        @Option(names = "--truth", required = true, paramLabel = "VCF", description = "The truth VCF (plain or bgzip).")
        Path truth;

        @Option(names = "--confident", paramLabel = "BED",
            description = "Confident regions: count only inside them (default: everywhere in the job's regions).")
        Path confident;

        @Override
        public Integer call() throws Exception
        {
            return CommandErrors.run(spec, () ->
            {
                requirePool(pool);
                final TruthRescore.Report report = TruthRescore.rescore(UserJobs.in(pool), job, truth, confident,
                    CompareOptions.defaults(), 0.7, Clock.systemUTC());
                final PrintWriter out = spec.commandLine().getOut();
                out.printf("%5s  %-48s  %9s  %9s  %10s  %s%n", "uid", "hotkey", "truth", "consensus", "difference",
                    "note");
                for (final TruthRescore.Row r : report.rows())
                {
                    out.printf(Locale.ROOT, "%5d  %-48s  %9.4f  %9.4f  %+10.4f  %s%n", r.uid(), r.hotkey(),
                        r.truthScore(), r.consensusScore(), r.difference(), r.note());
                }
                out.printf(Locale.ROOT, "consensus vs truth: %s; mean |difference| over voters: %s; written to %s%n",
                    report.consensusTruthScore() == null ? "-" : String.format(Locale.ROOT, "%.4f",
                        report.consensusTruthScore()), report.meanAbsDifference() == null ? "-"
                        : String.format(Locale.ROOT, "%.4f", report.meanAbsDifference()), report.file());
                out.flush();
                return CallscoreCommand.EXIT_OK;
            });
        }
    }

    private static void requirePool(final Path pool)
    {
        if (!Files.isDirectory(pool))
        {
            throw new InputException(pool, "no such pool directory");
        }
    }
}

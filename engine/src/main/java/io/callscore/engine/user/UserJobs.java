package io.callscore.engine.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.engine.task.MinerTask;
import io.callscore.vcf.InputException;
import io.callscore.vcf.InputFiles;
import io.callscore.vcf.ReferenceGenome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The user jobs of a pool, one folder each under {@code POOL/user/<job id>/}:
 * <pre>
 * job.json            the job and its status (UserJob)
 * input/              the copied inputs: reads.bam(.bai) or reads_1.fq.gz + reads_2.fq.gz, ref.fa(.fai)
 * responses/HOTKEY.vcf  each miner's VCF of the scored dispatch, byte for byte as returned
 * result.json         the consensus scoring of the last dispatch (UserRound)
 * consensus.vcf       the majority call set of all independent miners: the user's genotypes
 * truth-scores.json   the re-scoring against truth, once known (TruthRescore)
 * </pre>
 * A job appears atomically: it is built in a hidden folder and moved into place, so a running validator never sees
 * half a job.
 */
public final class UserJobs
{
    public static final String JOB_FILE = "job.json";
    public static final String RESULT_FILE = "result.json";
    public static final String CONSENSUS_FILE = "consensus.vcf";
    public static final String TRUTH_SCORES_FILE = "truth-scores.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JOB_ID =
        Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path dir;

    private UserJobs(final Path dir)
    {
        this.dir = dir;
    }

    /** The user jobs of a pool folder ({@code POOL/user}); the folder need not exist yet. */
    public static UserJobs in(final Path poolDir)
    {
        return new UserJobs(poolDir.resolve("user"));
    }

    public Path dir()
    {
        return dir;
    }

    /**
     * What a user submits.
     *
     * @param input        a BAM, or the first FASTQ of a pair
     * @param input2       the second FASTQ of the pair (null for a BAM)
     * @param reference    the reference FASTA the reads are aligned to / to align to
     * @param regions      regions to call, {@code contig:start-end} (1-based, inclusive), or BED files
     * @param minersPerJob how many miners call the job
     * @param refBuild     reference build name for the miners
     * @param copy         copy the inputs into the job folder (else they are referenced where they are)
     */
    public record Submission(Path input, Path input2, Path reference, List<String> regions, int minersPerJob,
        String refBuild, boolean copy)
    {
    }

    /** Checks a submission, stores its job (inputs copied unless told otherwise) and returns it, pending. */
    public UserJob submit(final Submission s, final Clock clock)
    {
        if (s.minersPerJob() < UserJob.MIN_MINERS || s.minersPerJob() > UserJob.MAX_MINERS)
        {
            throw new IllegalArgumentException("--miners-per-job must be " + UserJob.MIN_MINERS + " to "
                + UserJob.MAX_MINERS + " (a consensus needs at least two others to agree), not " + s.minersPerJob());
        }
        final MinerTask.InputType type = inputType(s);
        requireFile(s.input());
        if (s.input2() != null)
        {
            requireFile(s.input2());
        }
        final ReferenceGenome reference = ReferenceGenome.open(s.reference());
        final List<MinerTask.Region> regions = regions(s.regions(), reference);
        final String id = UUID.randomUUID().toString();
        final Path staging = dir.resolve(".submit-" + id);
        final Map<String, String> files = new LinkedHashMap<>();
        try
        {
            Files.createDirectories(staging);
            if (type == MinerTask.InputType.BAM)
            {
                files.put("bam", place(s.input(), staging, "reads.bam", s.copy()));
                copyIndex(s.input(), staging, s.copy());
            }
            else
            {
                files.put("r1", place(s.input(), staging, "reads_1" + fastqSuffix(s.input()), s.copy()));
                files.put("r2", place(s.input2(), staging, "reads_2" + fastqSuffix(s.input2()), s.copy()));
            }
            final String refName = "ref.fa" + (s.reference().getFileName().toString().endsWith(".gz") ? ".gz" : "");
            files.put("reference", place(s.reference(), staging, refName, s.copy()));
            for (final String ext : List.of(".fai", ".gzi"))
            {
                final Path index = s.reference().resolveSibling(s.reference().getFileName() + ext);
                if (s.copy() && Files.isRegularFile(index))
                {
                    Files.copy(index, staging.resolve("input").resolve(refName + ext));
                }
            }
            final UserJob job = new UserJob(id, clock.instant().truncatedTo(ChronoUnit.SECONDS), type, files, regions,
                s.refBuild(), s.minersPerJob(), UserJob.Status.PENDING, 0, List.of(), 0, "");
            writeJson(staging.resolve(JOB_FILE), job.toJson());
            Files.move(staging, jobDir(id), StandardCopyOption.ATOMIC_MOVE);
            return job;
        }
        catch (final IOException e)
        {
            deleteTree(staging);
            throw new InputException(dir, "cannot store the job: " + InputFiles.describe(e));
        }
    }

    private static MinerTask.InputType inputType(final Submission s)
    {
        final String name = s.input().getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".cram") || name.endsWith(".sam"))
        {
            throw new InputException(s.input(), "only BAM or a FASTQ pair can be submitted");
        }
        if (name.endsWith(".bam"))
        {
            if (s.input2() != null)
            {
                throw new InputException(s.input2(), "a BAM input takes no second input (--input2 is for FASTQ pairs)");
            }
            return MinerTask.InputType.BAM;
        }
        if (s.input2() == null)
        {
            throw new InputException(s.input(), "not a .bam file, so a FASTQ pair is expected: give the second reads "
                + "with --input2");
        }
        return MinerTask.InputType.FASTQ;
    }

    private static void requireFile(final Path file)
    {
        if (!Files.isRegularFile(file) || !Files.isReadable(file))
        {
            throw new InputException(file, "file not found");
        }
    }

    /** Regions as {@code contig:start-end} or BED files, checked against the reference. */
    static List<MinerTask.Region> regions(final List<String> texts, final ReferenceGenome reference)
    {
        if (texts == null || texts.isEmpty())
        {
            throw new IllegalArgumentException("give at least one region with --regions contig:start-end");
        }
        final List<MinerTask.Region> out = new ArrayList<>();
        for (final String text : texts)
        {
            if (text.toLowerCase(Locale.ROOT).endsWith(".bed") || text.toLowerCase(Locale.ROOT).endsWith(".bed.gz"))
            {
                out.addAll(bedRegions(Path.of(text)));
                continue;
            }
            final MinerTask.Region r = MinerTask.Region.parse(text);
            if (r == null)
            {
                throw new IllegalArgumentException("region \"" + text + "\" is not contig:start-end (1-based, "
                    + "inclusive, start <= end) or a .bed file");
            }
            out.add(r);
        }
        for (final MinerTask.Region r : out)
        {
            if (!reference.contains(r.contig()))
            {
                throw new InputException(reference.file(), "region " + r + ": contig " + r.contig()
                    + " is not in the reference");
            }
            if (r.end() > reference.length(r.contig()))
            {
                throw new InputException(reference.file(), "region " + r + " ends past " + r.contig() + " ("
                    + reference.length(r.contig()) + " bp)");
            }
        }
        return out;
    }

    private static List<MinerTask.Region> bedRegions(final Path bed)
    {
        final List<MinerTask.Region> out = new ArrayList<>();
        final io.callscore.vcf.RegionSet set = io.callscore.vcf.RegionSet.readBed(bed);
        for (final String contig : set.contigs().stream().sorted().toList())
        {
            final int[] iv = set.intervals(contig);
            for (int i = 0; i < iv.length; i += 2)
            {
                if (iv[i + 1] > iv[i])
                {
                    out.add(new MinerTask.Region(contig, iv[i] + 1, iv[i + 1]));
                }
            }
        }
        if (out.isEmpty())
        {
            throw new InputException(bed, "no non-empty interval");
        }
        return out;
    }

    private static String fastqSuffix(final Path fastq)
    {
        return fastq.getFileName().toString().endsWith(".gz") ? ".fq.gz" : ".fq";
    }

    /** Copies {@code source} into {@code staging/input/name} and returns the relative name, or the absolute path. */
    private static String place(final Path source, final Path staging, final String name, final boolean copy)
        throws IOException
    {
        if (!copy)
        {
            return source.toAbsolutePath().normalize().toString();
        }
        final Path input = Files.createDirectories(staging.resolve("input"));
        Files.copy(source, input.resolve(name));
        return "input/" + name;
    }

    private static void copyIndex(final Path bam, final Path staging, final boolean copy) throws IOException
    {
        if (!copy)
        {
            return;
        }
        final String name = bam.getFileName().toString();
        for (final Path index : List.of(bam.resolveSibling(name + ".bai"),
            bam.resolveSibling(name.substring(0, name.length() - 4) + ".bai")))
        {
            if (Files.isRegularFile(index))
            {
                Files.copy(index, staging.resolve("input").resolve("reads.bam.bai"));
                return;
            }
        }
    }

    /** Every job, oldest submission first (ties by id). */
    public List<UserJob> list()
    {
        if (!Files.isDirectory(dir))
        {
            return List.of();
        }
        final List<UserJob> jobs = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir))
        {
            for (final Path p : listing.filter(p -> JOB_ID.matcher(p.getFileName().toString()).matches()).toList())
            {
                if (Files.isRegularFile(p.resolve(JOB_FILE)))
                {
                    jobs.add(read(p.getFileName().toString()));
                }
            }
        }
        catch (final IOException e)
        {
            throw new InputException(dir, "cannot list jobs: " + InputFiles.describe(e));
        }
        jobs.sort(Comparator.comparing(UserJob::submittedAt).thenComparing(UserJob::id));
        return jobs;
    }

    /** A job by id; InputException naming the pool when there is no such job. */
    public UserJob read(final String id)
    {
        if (id == null || !JOB_ID.matcher(id).matches())
        {
            throw new InputException(dir, "\"" + id + "\" is not a job id (a UUID such as "
                + "0b5c3e7a-6f1d-4c2b-9a8e-1d2f3a4b5c6d)");
        }
        final Path file = jobDir(id).resolve(JOB_FILE);
        if (!Files.isRegularFile(file))
        {
            throw new InputException(dir, "no job " + id);
        }
        return UserJob.parse(readJson(file), file.toString());
    }

    /** Replaces a job's job.json atomically. */
    public void write(final UserJob job)
    {
        writeJson(jobDir(job.id()).resolve(JOB_FILE), job.toJson());
    }

    public Path jobDir(final String id)
    {
        return dir.resolve(id);
    }

    public Path responsesDir(final String id)
    {
        return jobDir(id).resolve("responses");
    }

    public Path resultFile(final String id)
    {
        return jobDir(id).resolve(RESULT_FILE);
    }

    public Path consensusFile(final String id)
    {
        return jobDir(id).resolve(CONSENSUS_FILE);
    }

    public Path truthScoresFile(final String id)
    {
        return jobDir(id).resolve(TRUTH_SCORES_FILE);
    }

    /** An input file of a job, absolute. */
    public Path file(final UserJob job, final String key)
    {
        return jobDir(job.id()).resolve(job.files().get(key)).toAbsolutePath().normalize();
    }

    /** Reads a JSON file of a job folder; InputException with one line when missing or malformed. */
    public static JsonNode readJson(final Path file)
    {
        try
        {
            return JSON.readTree(Files.readAllBytes(file));
        }
        catch (final NoSuchFileException e)
        {
            throw new InputException(file, "file not found");
        }
        catch (final JsonProcessingException e)
        {
            throw new InputException(file, "not valid JSON: " + e.getOriginalMessage());
        }
        catch (final IOException e)
        {
            throw new InputException(file, "cannot read: " + InputFiles.describe(e));
        }
    }

    /** Writes a JSON file of a job folder through a temporary name, so readers never see half of it. */
    static void writeJson(final Path file, final JsonNode node)
    {
        try
        {
            final Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n",
                StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes a folder and everything in it (quietly: a leftover only costs disk). */
    static void deleteTree(final Path folder)
    {
        if (!Files.exists(folder))
        {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder))
        {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException e)
        {
            // nothing to do: the next dispatch writes over it
        }
    }
}

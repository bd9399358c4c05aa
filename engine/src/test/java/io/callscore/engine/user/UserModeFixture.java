package io.callscore.engine.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.round.RoundJournal;
import io.callscore.engine.round.RoundSettings;
import io.callscore.engine.round.TaskSource;
import io.callscore.engine.round.Validator;
import io.callscore.engine.transport.CommandTransport;
import io.callscore.store.MinerStateFile;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool with a few benchmark tasks (as ValidatorTest builds them) plus one submitted user job over a simulated
 * sample, and command miners that answer user jobs with their own noisy call set of the sample (and benchmark tasks
 * with an empty call set). Miner {@code COPYCAT} relays miner 0's answer to the same job.
 */
final class UserModeFixture
{
    static final int HONEST = 5;
    static final int COPYCAT = 5;
    static final String USER_MODE = "grep -q '\"mode\" *: *\"user\"' \"$1\"";

    final Path pool;
    final SimulatedJob sample;
    final Path truth;
    final Path reference;
    final UserJob job;
    final List<MinerEntry> miners = new ArrayList<>();

    private UserModeFixture(final Path pool, final SimulatedJob sample, final Path truth, final Path reference,
        final UserJob job)
    {
        this.pool = pool;
        this.sample = sample;
        this.truth = truth;
        this.reference = reference;
        this.job = job;
    }

    static UserModeFixture make(final Path dir) throws Exception
    {
        final Path pool = buildPool(dir.resolve("pool"), 8, 11);
        final SimulatedJob sample = SimulatedJob.make(31, 60_000, 150);
        final Path reference = sample.writeReference(dir.resolve("user-input").resolve("sample-ref.fa"));
        final Path bam = Files.writeString(dir.resolve("user-input").resolve("sample.bam"), "not read by these miners");
        final Path truth = sample.write(dir.resolve("user-input").resolve("truth.vcf"), sample.truth, null);
        final UserJob job = UserJobs.in(pool).submit(new UserJobs.Submission(bam, null, reference,
            List.of(SimulatedJob.CONTIG + ":1-60000"), HONEST + 1, "GRCh38", true), Clock.systemUTC());
        final UserModeFixture f = new UserModeFixture(pool, sample, truth, reference, job);
        final Path answers = Files.createDirectories(dir.resolve("answers"));
        final Duration timeout = Duration.ofSeconds(20);
        for (int uid = 0; uid < HONEST; uid++)
        {
            final String hotkey = SimulatedJob.hotkey(uid);
            final Path answer = sample.write(answers.resolve("user-" + uid + ".vcf"),
                sample.minerCalls(900 + uid, SimulatedJob.Errors.realistic()), hotkey);
            f.miners.add(new MinerEntry(uid, hotkey, new CommandTransport(List.of("bash", "-c", "if " + USER_MODE
                + "; then cat '" + answer + "' > \"$2.part\" && mv \"$2.part\" \"$2\"; else " + empty(hotkey) + "; fi",
                "miner" + uid), timeout, 1 << 24), uid + 1));
        }
        final String copycat = SimulatedJob.hotkey(COPYCAT);
        f.miners.add(new MinerEntry(COPYCAT, copycat, new CommandTransport(List.of("bash", "-c", "if " + USER_MODE
            + "; then src=$(dirname \"$(dirname \"$2\")\")/uid-0/calls.vcf; for i in $(seq 200); do [ -s \"$src\" ]"
            + " && break; sleep 0.05; done; sleep 0.5; sed 's/^##miner_hotkey=.*/##miner_hotkey=" + copycat
            + "/' \"$src\" > \"$2\"; else " + empty(copycat) + "; fi", "copycat"), timeout, 1 << 24), COPYCAT + 1));
        return f;
    }

    /** Runs {@code rounds} validator rounds over the pool with user jobs on; returns all round records. */
    List<JsonNode> runRounds(final Path state, final UserSettings settings, final Path key, final int rounds,
        final PrintStream log) throws Exception
    {
        RoundSettings rs = RoundSettings.defaults().withSeed(5);
        if (key != null)
        {
            rs = rs.withKeyFile(key);
        }
        final boolean exists = Files.exists(state.resolve(MinerStateFile.FILE_NAME));
        try (TaskSource tasks = TaskSource.open(pool);
             MinerStateFile minerState = exists ? MinerStateFile.open(state) : MinerStateFile.create(state, 16, 64);
             Validator v = new Validator(tasks, minerState, state, miners, rs, log, Clock.systemUTC()))
        {
            v.enableUserJobs(new UserRound(UserJobs.in(pool), settings, log));
            for (int r = 0; r < rounds; r++)
            {
                v.runRound();
            }
        }
        final ObjectMapper json = new ObjectMapper();
        final List<JsonNode> records = new ArrayList<>();
        for (final String line : Files.readAllLines(state.resolve(RoundJournal.FILE_NAME)))
        {
            records.add(json.readTree(line));
        }
        return records;
    }

    /** A bash command writing an empty call set with the hotkey header to $2. */
    private static String empty(final String hotkey)
    {
        return "printf '##fileformat=VCFv4.2\\n##miner_hotkey=" + hotkey
            + "\\n#CHROM\\tPOS\\tID\\tREF\\tALT\\tQUAL\\tFILTER\\tINFO\\tFORMAT\\tS\\n' > \"$2\"";
    }

    /** {@code n} benchmark tasks over one 4 kb random reference slice: the round tests' pool. */
    static Path buildPool(final Path pool, final int n, final long seed) throws Exception
    {
        return io.callscore.engine.round.RoundFixture.buildPool(pool, n, seed);
    }
}

package io.callscore.engine.round;

import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.hotkey.Ss58;
import io.callscore.engine.transport.CommandTransport;
import io.callscore.store.Pool;
import io.callscore.store.StoreSizing;
import io.callscore.store.TaskMetadata;
import io.callscore.store.TruthRecordEncoder;
import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What round-loop tests share: a small pool built in a temporary folder, with each task's truth also written as
 * the honest miner's answer, and command miners (bash) that play honest or adversarial parts.
 */
public final class RoundFixture
{
    static final String HONEST = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    static final String WRONG = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    static final String COPYCAT = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
    static final String SLOW = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
    static final String JUNK = "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw";

    /**
     * Bash that sets {@code $ans} to the answer file of the task in {@code $1}: POOL/answers/ID.vcf, where POOL is
     * found from the task's reference path POOL/tasks/ID/ref.fa.
     */
    static final String FIND_ANSWER = "id=$(sed -n 's/.*\"task_id\" *: *\"\\([^\"]*\\)\".*/\\1/p' \"$1\"); "
        + "ref=$(sed -n 's/.*\"reference\" *: *\"\\([^\"]*\\)\".*/\\1/p' \"$1\"); "
        + "ans=$(dirname \"$(dirname \"$(dirname \"$ref\")\")\")/answers/$id.vcf; ";

    private RoundFixture()
    {
    }

    /** A valid SS58 hotkey of its own for each {@code i} (a public key of bytes {@code i}). */
    static String hotkey(final int i)
    {
        final byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte)(i + 1));
        key[0] = (byte)0xC5;
        return Ss58.encode(key);
    }

    /**
     * A command miner that returns the task's truth with its own hotkey header: a perfect score. It writes the VCF
     * whole (a rename), so the copycat below never relays half of it.
     */
    static MinerEntry honest(final int uid, final String hotkey)
    {
        return new MinerEntry(uid, hotkey, new CommandTransport(List.of("bash", "-c", FIND_ANSWER
            + "{ echo '##fileformat=VCFv4.2'; echo '##miner_hotkey=" + hotkey + "'; cat \"$ans\"; } > \"$2.part\""
            + " && mv \"$2.part\" \"$2\"",
            "honest"), Duration.ofSeconds(20), 1 << 20), uid + 1);
    }

    /** A command miner running {@code script} under bash ($1 the task JSON, $2 the VCF to write). */
    static MinerEntry scripted(final int uid, final String hotkey, final String script, final Duration timeout,
        final long maxBytes)
    {
        return new MinerEntry(uid, hotkey, new CommandTransport(List.of("bash", "-c", script, "miner"), timeout,
            maxBytes), uid + 1);
    }

    /** Five command miners: honest, one answering with another's hotkey, a relay copycat, a sleeper, junk. */
    static List<MinerEntry> miners(final Path state)
    {
        final Duration t = Duration.ofSeconds(20);
        return List.of(
            honest(0, HONEST),
            scripted(1, WRONG, FIND_ANSWER + "{ echo '##miner_hotkey=" + HONEST + "'; cat \"$ans\"; } > \"$2\"", t,
                1 << 20),
            // Relays the honest miner's returned VCF (same round, found beside its own work folder).
            scripted(2, COPYCAT, "src=$(dirname \"$(dirname \"$2\")\")/uid-0/calls.vcf; for i in $(seq 200); do "
                + "[ -s \"$src\" ] && break; sleep 0.05; done; sleep 0.5; "
                + "sed 's/^##miner_hotkey=.*/##miner_hotkey=" + COPYCAT + "/' \"$src\" > \"$2\"", t, 1 << 20),
            scripted(3, SLOW, "sleep 30", Duration.ofMillis(500), 1 << 20),
            scripted(4, JUNK, "{ echo '##miner_hotkey=" + JUNK + "'; echo '#CHROM\tPOS'; "
                + "head -c 300 /dev/urandom; } > \"$2\"", t, 1 << 20));
    }

    /**
     * A pool of {@code n} tasks over one 4 kb random reference slice (contig "window"), as the coverages and
     * spike sets of one source window share coordinates, each with its own ~15 truth variants;
     * answers/&lt;task&gt;.vcf holds each task's truth records (the honest miner's answer).
     */
    public static Path buildPool(final Path pool, final int n, final long seed) throws Exception
    {
        return buildPool(pool, n, seed, 1);
    }

    /** As above, with {@code perWindow} consecutive tasks sharing a source window (genome and region). */
    static Path buildPool(final Path pool, final int n, final long seed, final int perWindow) throws Exception
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final Path answers = Files.createDirectories(pool.resolve("answers"));
        final List<UUID> ids = new ArrayList<>();
        final List<byte[]> records = new ArrayList<>();
        final StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 4000; i++)
        {
            seq.append("ACGT".charAt(random.nextInt(4)));
        }
        final ReferenceGenome reference = ReferenceGenome.of(Map.of("window", seq.toString()));
        final RegionSet confident = RegionSet.fromIntervals(Map.of("window", List.of(new int[] {0, 4000})));
        int largest = 0;
        long total = 0;
        for (int t = 0; t < n; t++)
        {
            final UUID id = new UUID(random.nextLong(), random.nextLong());
            final Path data = Files.createDirectories(pool.resolve("tasks").resolve(id.toString()));
            Files.writeString(data.resolve("ref.fa"), ">window\n" + seq + "\n");
            Files.writeString(data.resolve("reads.bam"), "");
            final StringBuilder body = new StringBuilder("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n");
            for (int pos = 50 + random.nextInt(100); pos < 3900; pos += 150 + random.nextInt(200))
            {
                final char ref = seq.charAt(pos - 1);
                final String gt = random.nextBoolean() ? "0/1" : "1/1";
                if (random.nextInt(4) == 0)
                {
                    body.append("window\t").append(pos).append("\t.\t").append(seq, pos - 1, pos + 2).append('\t')
                        .append(ref).append("\t50\tPASS\t.\tGT\t").append(gt).append('\n');
                }
                else
                {
                    final char alt = "ACGT".replace(String.valueOf(ref), "").charAt(random.nextInt(3));
                    body.append("window\t").append(pos).append("\t.\t").append(ref).append('\t').append(alt)
                        .append("\t50\tPASS\t.\tGT\t").append(gt).append('\n');
                }
            }
            final Path answer = answers.resolve(id + ".vcf");
            Files.writeString(answer, body.toString());
            final VariantSet truth = VariantLoader.load(answer, reference, confident, LoadOptions.defaults());
            final int w = t / perWindow;
            final byte[] record = TruthRecordEncoder.encode(truth, confident, new TaskMetadata("HG00" + (w % 3),
                t % 2 == 0 ? 30 : 15, "chr20:" + (w * 10_000 + 1) + "-" + (w * 10_000 + 4000), "easy", "BAM",
                "tasks/" + id));
            ids.add(id);
            records.add(record);
            largest = Math.max(largest, record.length);
            total += record.length;
        }
        try (Pool p = Pool.create(pool, StoreSizing.forMeasured(n, total, n, largest, 0.25)))
        {
            for (int i = 0; i < n; i++)
            {
                p.addTask(ids.get(i), records.get(i));
            }
        }
        return pool;
    }
}

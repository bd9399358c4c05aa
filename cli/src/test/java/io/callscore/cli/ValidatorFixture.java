package io.callscore.cli;

import io.callscore.engine.hotkey.Ss58;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A small pool made the operator's way (truth VCFs, a manifest, {@code callscore pool import-truth}), each task's
 * delivered files beside it, and a miners.yaml of command miners: an honest one that returns the task's truth and
 * one that returns junk. The pool's answers/ folder stands in for a real caller.
 */
final class ValidatorFixture
{
    static final String HONEST = hotkey(1);
    static final String JUNK = hotkey(2);

    /** What a command printed: exit code, stdout (its own and the validator's log), stderr. */
    record Run(int exit, String out, String err)
    {
    }

    private ValidatorFixture()
    {
    }

    static String hotkey(final int i)
    {
        final byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte)(0x30 + i));
        return Ss58.encode(key);
    }

    /** Runs {@code callscore args...} in this JVM, capturing System.out too (the validator logs there). */
    static Run callscore(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream stdout = System.out;
        final PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        try
        {
            final picocli.CommandLine cli = CallscoreCommand.newCommandLine();
            cli.setOut(new PrintWriter(captured, true));
            cli.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
            final int exit = cli.execute(args);
            captured.flush();
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
        finally
        {
            System.setOut(stdout);
        }
    }

    /** Builds POOL with {@code n} tasks on one 4 kb random reference ("window"); returns POOL. */
    static Path pool(final Path dir, final int n) throws Exception
    {
        final SplittableRandom random = new SplittableRandom(29);
        final StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 4000; i++)
        {
            seq.append("ACGT".charAt(random.nextInt(4)));
        }
        final String fasta = ">window\n" + seq + "\n";
        final Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("ref.fa"), fasta);
        final Path pool = dir.resolve("pool");
        final Path answers = Files.createDirectories(pool.resolve("answers"));
        final List<String> manifest = new ArrayList<>();
        for (int t = 0; t < n; t++)
        {
            final UUID id = new UUID(0x5eedL, t + 1);
            final StringBuilder body = new StringBuilder("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n");
            for (int pos = 40 + random.nextInt(100); pos < 3900; pos += 120 + random.nextInt(200))
            {
                final char ref = seq.charAt(pos - 1);
                final char alt = "ACGT".replace(String.valueOf(ref), "").charAt(random.nextInt(3));
                body.append("window\t").append(pos).append("\t.\t").append(ref).append('\t').append(alt)
                    .append("\t50\tPASS\t.\tGT\t").append(random.nextBoolean() ? "0/1" : "1/1").append('\n');
            }
            Files.writeString(inputs.resolve(id + ".vcf"), "##fileformat=VCFv4.2\n" + body);
            Files.writeString(answers.resolve(id + ".vcf"), body.toString());
            manifest.add("{\"task_id\":\"" + id + "\",\"truth_vcf\":\"" + id + ".vcf\",\"genome\":\"HG00" + (t % 2)
                + "\",\"coverage\":30,\"region\":\"chr20:1-4000\",\"difficulty\":\"easy\",\"input_type\":\"bam\","
                + "\"data_locator\":\"tasks/" + id + "\"}");
        }
        Files.write(inputs.resolve("tasks.jsonl"), manifest);
        final Run imported = callscore("pool", "import-truth", "--pool", pool.toString(), "--manifest",
            inputs.resolve("tasks.jsonl").toString(), "--reference", inputs.resolve("ref.fa").toString());
        if (imported.exit() != 0)
        {
            throw new IllegalStateException("pool import failed: " + imported.err());
        }
        for (int t = 0; t < n; t++)
        {
            final UUID id = new UUID(0x5eedL, t + 1);
            final Path data = Files.createDirectories(pool.resolve("tasks").resolve(id.toString()));
            Files.writeString(data.resolve("ref.fa"), fasta);
            Files.writeString(data.resolve("reads.bam"), "");
        }
        return pool;
    }

    /** miners.yaml: uid 0 honest, uid 1 junk; both bash scripts beside it. */
    static Path miners(final Path dir) throws Exception
    {
        final Path honest = dir.resolve("honest.sh");
        Files.writeString(honest, """
            task="$1"; out="$2"; hotkey="$3"
            id=$(sed -n 's/.*"task_id" *: *"\\([^"]*\\)".*/\\1/p' "$task")
            ref=$(sed -n 's/.*"reference" *: *"\\([^"]*\\)".*/\\1/p' "$task")
            answer="$(dirname "$(dirname "$(dirname "$ref")")")/answers/$id.vcf"
            { echo '##fileformat=VCFv4.2'; echo "##miner_hotkey=$hotkey"; cat "$answer"; } > "$out"
            """);
        final Path junk = dir.resolve("junk.sh");
        Files.writeString(junk, """
            { echo "##miner_hotkey=$3"; echo 'this is not a VCF'; } > "$2"
            """);
        final Path file = dir.resolve("miners.yaml");
        Files.writeString(file, """
            miners:
              - uid: 0
                hotkey: %s
                transport: command
                command: [bash, "%s", "{task}", "{out}", %s]
                timeout_seconds: 30
              - uid: 1
                hotkey: %s
                transport: command
                command: [bash, "%s", "{task}", "{out}", %s]
            """.formatted(HONEST, honest, HONEST, JUNK, junk, JUNK));
        return file;
    }
}

package io.callscore.engine.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A miner that is a local program. It is run as {@code command... TASK_JSON OUT_VCF}, or with the placeholders
 * {@code {task}} and {@code {out}} replaced where the command names them. It is killed (with its children) when the
 * timeout passes, and its output is refused when larger than the cap.
 */
public final class CommandTransport implements MinerTransport
{
    private static final int STDERR_TAIL = 400;
    /** How often a running miner's output sizes are checked. */
    private static final long WATCH_MS = 100;
    /** A miner's stderr beyond this is hostile or broken: it is killed. */
    private static final long MAX_STDERR_BYTES = 16L << 20;

    private final List<String> command;
    private final Duration timeout;
    private final long maxBytes;

    public CommandTransport(final List<String> command, final Duration timeout, final long maxBytes)
    {
        if (command.isEmpty())
        {
            throw new IllegalArgumentException("empty command");
        }
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public MinerResponse fetch(final Path taskJson, final String taskJsonText, final Path outVcf)
    {
        final long start = System.nanoTime();
        final List<String> argv = argv(taskJson, outVcf);
        final Path log = outVcf.resolveSibling(outVcf.getFileName() + ".stderr");
        Process process = null;
        try
        {
            Files.deleteIfExists(outVcf);
            process = new ProcessBuilder(argv)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
            // Wait in short steps, watching what the miner writes: a hostile program is stopped as soon as its VCF
            // or its stderr passes the cap, not after it has filled the disk.
            final long deadline = start + timeout.toNanos();
            while (!process.waitFor(Math.min(WATCH_MS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                TimeUnit.MILLISECONDS))
            {
                if (sizeOf(outVcf) > maxBytes || sizeOf(log) > MAX_STDERR_BYTES)
                {
                    kill(process);
                    final boolean vcf = sizeOf(outVcf) > maxBytes;
                    Files.deleteIfExists(outVcf);
                    return MinerResponse.failed(MinerResponse.Status.TOO_LARGE, (vcf ? "VCF" : "stderr")
                        + " passed the cap of " + (vcf ? maxBytes : MAX_STDERR_BYTES) + " bytes while the miner ran"
                        + " (killed)", elapsed(start));
                }
                if (System.nanoTime() >= deadline)
                {
                    kill(process);
                    return MinerResponse.failed(MinerResponse.Status.TIMEOUT,
                        "no answer within " + timeout.toSeconds() + " s (killed)", elapsed(start));
                }
            }
            final int code = process.exitValue();
            if (code != 0)
            {
                return MinerResponse.failed(MinerResponse.Status.FAILED,
                    "miner exited with code " + code + tail(log), elapsed(start));
            }
            if (!Files.isRegularFile(outVcf))
            {
                return MinerResponse.failed(MinerResponse.Status.FAILED, "miner wrote no VCF" + tail(log),
                    elapsed(start));
            }
            final long size = Files.size(outVcf);
            if (size > maxBytes)
            {
                Files.deleteIfExists(outVcf);
                return MinerResponse.failed(MinerResponse.Status.TOO_LARGE,
                    "VCF of " + size + " bytes is over the cap of " + maxBytes, elapsed(start));
            }
            return MinerResponse.ok(outVcf, elapsed(start), size);
        }
        catch (final IOException e)
        {
            return MinerResponse.failed(MinerResponse.Status.FAILED, "cannot run miner: " + e.getMessage(),
                elapsed(start));
        }
        catch (final InterruptedException e)
        {
            kill(process);
            Thread.currentThread().interrupt();
            return MinerResponse.failed(MinerResponse.Status.FAILED, "interrupted", elapsed(start));
        }
    }

    private List<String> argv(final Path taskJson, final Path outVcf)
    {
        final List<String> argv = new ArrayList<>(command.size() + 2);
        boolean placeholders = false;
        for (final String a : command)
        {
            if (a.contains("{task}") || a.contains("{out}"))
            {
                placeholders = true;
            }
            argv.add(a.replace("{task}", taskJson.toString()).replace("{out}", outVcf.toString()));
        }
        if (!placeholders)
        {
            argv.add(taskJson.toString());
            argv.add(outVcf.toString());
        }
        return argv;
    }

    private static void kill(final Process process)
    {
        if (process == null)
        {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try
        {
            process.waitFor(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(final Path log)
    {
        try
        {
            if (!Files.isRegularFile(log) || Files.size(log) == 0)
            {
                return "";
            }
            final byte[] all = Files.readAllBytes(log);
            final int from = Math.max(0, all.length - STDERR_TAIL);
            final String text = new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8)
                .strip().replace('\n', ' ');
            return text.isEmpty() ? "" : ": " + text;
        }
        catch (final IOException e)
        {
            return "";
        }
    }

    private static long sizeOf(final Path file)
    {
        try
        {
            return Files.exists(file) ? Files.size(file) : 0;
        }
        catch (final IOException e)
        {
            return 0;
        }
    }

    private static java.io.File nullDevice()
    {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static long elapsed(final long start)
    {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public String describe()
    {
        return "command " + String.join(" ", command);
    }
}

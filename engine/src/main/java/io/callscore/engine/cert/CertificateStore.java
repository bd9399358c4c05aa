package io.callscore.engine.cert;

import io.callscore.vcf.InputException;
import io.callscore.vcf.InputFiles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Certificates on disk, beside the round records: {@code <dir>/<task_id>/<miner_hotkey>.json}, one line of
 * canonical JSON each. A user's job id is its task id, so a user finds theirs with {@link #forTask}. A stored
 * certificate is evidence and is never replaced.
 */
public final class CertificateStore
{
    /** Task ids and hotkeys name folders and files, so they are limited to these characters. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
    private static final String SUFFIX = ".json";

    private final Path dir;

    /** @param dir the certificate folder, conventionally {@code <state>/certs} */
    public CertificateStore(final Path dir)
    {
        this.dir = dir;
    }

    /** The certificate folder of a validator state folder. */
    public static CertificateStore inState(final Path stateDir)
    {
        return new CertificateStore(stateDir.resolve("certs"));
    }

    public Path dir()
    {
        return dir;
    }

    /** Where a task's certificate for a miner lives. InputException when an id cannot name a file. */
    public Path pathOf(final String taskId, final String minerHotkey)
    {
        return taskDir(taskId).resolve(safe("miner hotkey", minerHotkey) + SUFFIX);
    }

    /**
     * Writes a signed certificate (synced, then moved into place so that readers never see half a file).
     * InputException when one is already stored for the task and miner.
     */
    public Path write(final ScoreCertificate certificate)
    {
        final Path target = pathOf(certificate.taskId(), certificate.minerHotkey());
        final byte[] bytes = (certificate.toJson() + "\n").getBytes(StandardCharsets.US_ASCII);
        Path temp = null;
        try
        {
            Files.createDirectories(target.getParent());
            if (Files.exists(target))
            {
                throw new FileAlreadyExistsException(target.toString());
            }
            temp = Files.createTempFile(target.getParent(), ".cert-", ".tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE))
            {
                SmallFiles.writeSynced(ch, bytes);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            return target;
        }
        catch (final FileAlreadyExistsException e)
        {
            throw new InputException(target, "a certificate is already stored for task " + certificate.taskId()
                + " and miner " + certificate.minerHotkey() + "; certificates are never replaced");
        }
        catch (final IOException e)
        {
            throw new InputException(target, "cannot write the certificate: " + InputFiles.describe(e));
        }
        finally
        {
            if (temp != null)
            {
                try
                {
                    Files.deleteIfExists(temp);
                }
                catch (final IOException ignored)
                {
                    // the first error is the one worth reporting
                }
            }
        }
    }

    /** The certificate of a task and miner, if one is stored. */
    public Optional<ScoreCertificate> find(final String taskId, final String minerHotkey)
    {
        final Path file = pathOf(taskId, minerHotkey);
        return Files.isRegularFile(file) ? Optional.of(ScoreCertificate.read(file)) : Optional.empty();
    }

    /** Every certificate stored for a task (or user job), ordered by miner hotkey. */
    public List<ScoreCertificate> forTask(final String taskId)
    {
        final Path folder = taskDir(taskId);
        if (!Files.isDirectory(folder))
        {
            return List.of();
        }
        final List<Path> files;
        try (Stream<Path> listing = Files.list(folder))
        {
            files = listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)
                && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        catch (final IOException e)
        {
            throw new InputException(folder, "cannot list certificates: " + InputFiles.describe(e));
        }
        final List<ScoreCertificate> certificates = new ArrayList<>(files.size());
        for (final Path file : files)
        {
            certificates.add(ScoreCertificate.read(file));
        }
        return certificates;
    }

    private Path taskDir(final String taskId)
    {
        return dir.resolve(safe("task id", taskId));
    }

    private String safe(final String what, final String name)
    {
        if (name == null || !SAFE_NAME.matcher(name).matches())
        {
            throw new InputException(dir, what + " \"" + name + "\" cannot name a certificate file (1-200 of"
                + " A-Z a-z 0-9 . _ -, not starting with a dot)");
        }
        return name;
    }
}

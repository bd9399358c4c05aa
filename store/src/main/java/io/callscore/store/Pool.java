package io.callscore.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A task pool directory: {@code pool.json} (format, sizing), {@code truth.cmap} (task id to truth record) and
 * {@code claims.cmap} (task id to claim record). The pool build creates it; a validator opens it with the truth
 * read-only and the claims shared with its other processes.
 */
public final class Pool implements AutoCloseable
{
    public static final String TRUTH_FILE = "truth.cmap";
    public static final String CLAIMS_FILE = "claims.cmap";

    private final Path dir;
    private final PoolManifest manifest;
    private final TruthStore truth;
    private final ClaimPool claims;

    private Pool(final Path dir, final PoolManifest manifest, final TruthStore truth, final ClaimPool claims)
    {
        this.dir = dir;
        this.manifest = manifest;
        this.truth = truth;
        this.claims = claims;
    }

    /** Creates a new pool directory (it may exist but must hold no pool) sized for {@code sizing}. */
    public static Pool create(final Path dir, final StoreSizing sizing)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException e)
        {
            throw new StoreException(dir, "cannot create the pool directory: " + e.getMessage(), e);
        }
        if (Files.exists(dir.resolve(PoolManifest.FILE_NAME)))
        {
            throw new StoreException(dir, "already holds a pool; a pool is never overwritten");
        }
        final TruthStore truth = TruthStore.create(dir.resolve(TRUTH_FILE), sizing);
        final ClaimPool claims;
        try
        {
            claims = ClaimPool.create(dir.resolve(CLAIMS_FILE), sizing.maxTasks());
        }
        catch (final RuntimeException e)
        {
            truth.close();
            throw e;
        }
        final PoolManifest manifest;
        try
        {
            manifest = new PoolManifest(PoolManifest.VERSION, sizing, Instant.now().toString(),
                Files.size(truth.file()), Files.size(claims.file()));
            manifest.write(dir);
        }
        catch (final IOException | RuntimeException e)
        {
            claims.close();
            truth.close();
            throw e instanceof StoreException se ? se : new StoreException(dir, "cannot finish the pool: " + e, e);
        }
        return new Pool(dir, manifest, truth, claims);
    }

    /** Opens a pool to serve and score tasks: truth read-only, claims writable. */
    public static Pool open(final Path dir)
    {
        return open(dir, false);
    }

    /** Opens a pool to add tasks (import), within the sizing it was created with. */
    public static Pool openForImport(final Path dir)
    {
        return open(dir, true);
    }

    private static Pool open(final Path dir, final boolean writableTruth)
    {
        final PoolManifest manifest = PoolManifest.read(dir);
        final Path truthFile = dir.resolve(TRUTH_FILE);
        PoolManifest.checkNotTruncated(truthFile, manifest.truthBytes());
        PoolManifest.checkNotTruncated(dir.resolve(CLAIMS_FILE), manifest.claimsBytes());
        final TruthStore truth = writableTruth ? TruthStore.openWritable(truthFile, manifest.sizing())
            : TruthStore.openReadOnly(truthFile);
        try
        {
            return new Pool(dir, manifest, truth, ClaimPool.open(dir.resolve(CLAIMS_FILE)));
        }
        catch (final RuntimeException e)
        {
            truth.close();
            throw e;
        }
    }

    /**
     * Makes the claim map usable again after a process died during a claim transition (a few microseconds holding
     * a segment lock that lives in the file): resets its locks. Run it only while no other process has the pool
     * open; the truth map is not touched (only the pool build writes it).
     */
    public static void recoverClaims(final Path dir)
    {
        final PoolManifest manifest = PoolManifest.read(dir);
        PoolManifest.checkNotTruncated(dir.resolve(CLAIMS_FILE), manifest.claimsBytes());
        ChronicleMaps.recover(dir.resolve(CLAIMS_FILE), ClaimPool.MAP_NAME, TaskIds.KEY_BYTES);
    }

    /** Whether a directory holds a pool (has a manifest). */
    public static boolean exists(final Path dir)
    {
        return Files.isRegularFile(dir.resolve(PoolManifest.FILE_NAME));
    }

    public Path dir()
    {
        return dir;
    }

    public PoolManifest manifest()
    {
        return manifest;
    }

    public TruthStore truth()
    {
        return truth;
    }

    public ClaimPool claims()
    {
        return claims;
    }

    /**
     * Adds a task: its truth first (which refuses a full pool or a duplicate), then its claim record, so that a
     * claimable task always has its truth.
     */
    public void addTask(final UUID id, final byte[] truthRecord)
    {
        truth.put(id, truthRecord);
        claims.add(id);
    }

    /** Tasks per state, sizes and limits, for {@code callscore pool status}. */
    public PoolStatus status(final long nowMs)
    {
        final long[] recordBytes = {0, 0, 0};
        truth.forEach((id, record) ->
        {
            recordBytes[0] += record.length();
            recordBytes[1] = Math.max(recordBytes[1], record.length());
            recordBytes[2] += record.variantCount();
        });
        return new PoolStatus(dir, manifest.sizing(), truth.size(), claims.counts(nowMs), size(truth.file()),
            size(claims.file()), recordBytes[0], (int)recordBytes[1], recordBytes[2]);
    }

    private static long size(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException e)
        {
            throw new StoreException(file, "cannot read its size: " + e.getMessage(), e);
        }
    }

    @Override
    public void close()
    {
        try
        {
            claims.close();
        }
        finally
        {
            truth.close();
        }
    }
}

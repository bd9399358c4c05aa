package io.callscore.engine.pool;

import java.util.List;

/**
 * Where a pool build puts what validators keep: the truth and metadata of each task. The build itself writes the
 * miner-facing files under {@code POOL/tasks/<taskId>/}; a sink takes the validator-only side. {@link FilePoolSink}
 * writes files and a manifest; a store-backed sink loads the same into the truth store.
 */
public interface PoolSink
{
    /** Whether a window of a genome was finished by an earlier run (an interrupted build resumes after it). */
    boolean isComplete(String genome, int window);

    /**
     * Takes the finished tasks of one window, all at once, after their delivered files are in place under
     * {@code POOL/tasks/<taskId>/}. The truth, region and edits files named by the tasks are staging copies that
     * the build deletes once this returns: copy or load them here. The window must be durable (so that
     * {@link #isComplete} answers true) when this returns; a failure leaves the window to be rebuilt.
     */
    void addWindow(String genome, Window window, List<PoolTask> tasks);

    /** Called once when a build has added all its windows: a sink may tidy up what it appended as they came. */
    default void finish()
    {
    }
}

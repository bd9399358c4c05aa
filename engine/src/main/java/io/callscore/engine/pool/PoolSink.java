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
     * Takes the finished tasks of one window, all at once, after their delivered files are in place. The window
     * counts as complete once this returns; the truth files named by the tasks may be moved away by the sink.
     */
    void addWindow(String genome, Window window, List<PoolTask> tasks);
}

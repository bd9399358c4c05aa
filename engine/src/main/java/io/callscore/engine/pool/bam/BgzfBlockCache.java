package io.callscore.engine.pool.bam;

import java.util.HashMap;
import java.util.Map;

/**
 * Inflated BGZF blocks of one file by their file offset, shared by the {@link BgzfBlockReader}s of one window so
 * that no block is inflated twice. Bounded: past {@link #capacity} blocks, new ones are simply not kept. Not
 * thread-safe: one window, one thread.
 */
public final class BgzfBlockCache
{
    /** An inflated block: its bytes, how many count, and the file offset of the next block. */
    public record Block(byte[] data, int length, long next)
    {
    }

    private final Map<Long, Block> blocks = new HashMap<>();
    private final int capacity;

    /** @param capacity most blocks kept (a block is at most 64 KiB) */
    public BgzfBlockCache(final int capacity)
    {
        this.capacity = capacity;
    }

    Block get(final long address)
    {
        return blocks.get(address);
    }

    void put(final long address, final Block block)
    {
        if (blocks.size() < capacity)
        {
            blocks.put(address, block);
        }
    }

    /** Blocks kept. */
    public int size()
    {
        return blocks.size();
    }
}

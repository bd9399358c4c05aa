package io.callscore.engine.transport;

import java.nio.file.Path;

/** How a task reaches a miner and its VCF comes back. Implementations never throw for a miner's misbehaviour. */
public interface MinerTransport
{
    /**
     * Sends the task and collects the response.
     *
     * @param taskJson the miner-facing task JSON file
     * @param taskJsonText its content (for transports that send it)
     * @param outVcf   where the returned VCF is to be written
     * @return the response; failures are reported in it, never thrown
     */
    MinerResponse fetch(Path taskJson, String taskJsonText, Path outVcf);

    /** One line describing the transport, for logs. */
    String describe();
}

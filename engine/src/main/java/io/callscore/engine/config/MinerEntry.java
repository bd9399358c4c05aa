package io.callscore.engine.config;

import io.callscore.engine.transport.MinerTransport;

/**
 * One miner of the miners file.
 *
 * @param uid       the miner's uid on the subnet (index into weights)
 * @param hotkey    its SS58 hotkey; its VCFs must carry it in {@code ##miner_hotkey}
 * @param transport how tasks reach it
 * @param line      line of the entry in the miners file
 */
public record MinerEntry(int uid, String hotkey, MinerTransport transport, int line)
{
}

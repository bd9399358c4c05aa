package io.callscore.engine.demo;

import io.callscore.engine.config.MinerEntry;
import io.callscore.engine.transport.MinerTransport;

/**
 * One miner of the demo: who it is, whether it plays fair, and how the validator reaches it.
 *
 * @param uid         its uid
 * @param name        a short name for tables and charts
 * @param honest      whether it calls variants from the reads (false: an adversary)
 * @param description what it does, one line
 * @param hotkey      its SS58 hotkey
 * @param transport   how tasks reach it
 */
public record DemoMiner(int uid, String name, boolean honest, String description, String hotkey,
    MinerTransport transport)
{
    public MinerEntry entry()
    {
        return new MinerEntry(uid, hotkey, transport, 0);
    }
}

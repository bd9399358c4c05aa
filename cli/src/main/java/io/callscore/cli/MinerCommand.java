package io.callscore.cli;

import picocli.CommandLine.Command;

/** {@code callscore miner}: the built-in miners, runnable by the command transport or by hand. */
@Command(
    name = "miner",
    mixinStandardHelpOptions = true,
    description = "Built-in miners: read a task JSON, write a VCF with the ##miner_hotkey header.",
    commandListHeading = "%nMiners:%n",
    subcommands = {MinerPileupCommand.class})
public final class MinerCommand extends CommandGroup
{
}

package io.callscore.cli;

import io.callscore.engine.miner.pileup.PileupMiner;
import io.callscore.engine.miner.pileup.PileupSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code callscore miner pileup}: the built-in reference miner, a pileup caller that needs nothing installed. */
@Command(
    name = "pileup",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
        "Run a miner task with the built-in pileup caller (SNVs, small indels,",
        "diploid genotypes) and write a bgzipped VCF 4.2 with ##miner_hotkey.",
        "The task's data_locator must be {\"bam\": \"reads.bam\", \"reference\": \"ref.fa\"}",
        "(paths relative to the task file; the BAM coordinate-sorted and indexed).",
    })
public final class MinerPileupCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "TASK.json", description = "Miner task JSON.")
    Path task;

    @Option(names = "--out", required = true, paramLabel = "CALLS.vcf.gz", description = "VCF to write (bgzip).")
    Path out;

    @Option(names = "--hotkey", required = true, paramLabel = "HK", description = "Miner hotkey for the header.")
    String hotkey;

    @Override
    public Integer call()
    {
        final PileupMiner.Result r = new PileupMiner(PileupSettings.defaults()).run(task, out, hotkey);
        spec.commandLine().getOut().printf("wrote %s (%d records, %d PASS)%n", r.vcf(), r.records(), r.passing());
        return CallscoreCommand.EXIT_OK;
    }
}

package io.callscore.cli;

import io.callscore.engine.synthetic.SyntheticCallSets;
import io.callscore.vcf.ReferenceGenome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code callscore make-callsets}: a seeded truth/calls pair over a reference, for benchmarks and experiments. */
@Command(
    name = "make-callsets",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
        "Write a seeded synthetic truth/calls pair over a reference.",
        "truth.vcf.gz, calls.vcf.gz (about 97% accurate, with equivalent rewritings such as shifted deletions and",
        "split MNPs) and regions.bed. Same seed, same files.",
    })
public final class MakeCallsetsCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-r", "--reference"}, required = true, paramLabel = "REF.fa", description = "Reference FASTA.")
    Path reference;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--variants", paramLabel = "N", description = "Truth variants to aim for (default ${DEFAULT-VALUE}).")
    int variants = 100_000;

    @Option(names = "--contigs", split = ",", paramLabel = "NAME", description = "Contigs to use (default: all).")
    List<String> contigs = List.of();

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--perfect", description = "Calls identical to the truth.")
    boolean perfect;

    @Override
    public Integer call()
    {
        final ReferenceGenome ref = ReferenceGenome.open(reference);
        for (final String c : contigs)
        {
            if (!ref.contains(c))
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "contig " + c + " is not in " + reference);
            }
        }
        final SyntheticCallSets.Profile profile = perfect ? SyntheticCallSets.Profile.perfect(variants)
            : SyntheticCallSets.Profile.realistic(variants);
        final SyntheticCallSets.Written w = new SyntheticCallSets(ref, contigs, profile, seed).write(out);
        spec.commandLine().getOut().printf("wrote %s (%d records), %s (%d records), %s%n", w.truth(),
            w.truthRecords(), w.calls(), w.callRecords(), w.regions());
        return CallscoreCommand.EXIT_OK;
    }
}

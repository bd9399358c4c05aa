package io.callscore.store;

import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The small vcfeval cases in src/test/resources/truth-cases (see SOURCE.md there). */
final class TruthCases
{
    static final Path ROOT;
    static final ReferenceGenome REFERENCE;

    static
    {
        try
        {
            ROOT = Path.of(TruthCases.class.getResource("/truth-cases/ref.fa").toURI()).getParent();
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
        REFERENCE = ReferenceGenome.open(ROOT.resolve("ref.fa"));
    }

    private TruthCases()
    {
    }

    static List<String> names()
    {
        try (Stream<Path> dirs = Files.list(ROOT))
        {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    static Path dir(final String name)
    {
        return ROOT.resolve(name);
    }

    /** The case's regions, or null when it has none. */
    static RegionSet regions(final String name)
    {
        final Path bed = dir(name).resolve("regions.bed");
        return Files.exists(bed) ? RegionSet.readBed(bed) : null;
    }

    static VariantSet truth(final String name, final RegionSet regions)
    {
        return VariantLoader.load(dir(name).resolve("truth.vcf"), REFERENCE, regions, LoadOptions.defaults());
    }

    static VariantSet calls(final String name, final RegionSet regions)
    {
        return VariantLoader.load(dir(name).resolve("query.vcf"), REFERENCE, regions, LoadOptions.defaults());
    }

    static TaskMetadata metadata(final String name)
    {
        return new TaskMetadata("synthetic-" + name, 30.5, name + ":1-1000", "hard", "bam", "/data/" + name + ".bam");
    }
}

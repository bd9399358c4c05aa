package io.callscore.engine.pool;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** The truth reader's GT splitting is exactly {@code String.split("[/|]")}, on any text made of GT characters. */
class TruthVcfReaderProperties
{
    private static final char[] GT_CHARACTERS = {'0', '1', '2', '.', '/', '|', 'x'};

    @Test
    void shouldSplitAGenotypeAsTheRegexSplitDoes()
    {
        qt().withExamples(5000)
            .forAll(lists().of(integers().between(0, GT_CHARACTERS.length - 1)).ofSizeBetween(0, 7))
            .checkAssert(codes ->
            {
                final StringBuilder gt = new StringBuilder();
                codes.forEach(c -> gt.append(GT_CHARACTERS[c]));
                final String text = gt.toString();
                assertArrayEquals(text.split("[/|]"), TruthVcfReader.gtAlleles(text), "'" + text + "'");
            });
    }
}

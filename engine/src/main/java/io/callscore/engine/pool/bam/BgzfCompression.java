package io.callscore.engine.pool.bam;

import com.intel.gkl.compression.IntelDeflaterFactory;
import com.intel.gkl.compression.IntelInflaterFactory;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.samtools.util.BlockGunzipper;
import htsjdk.samtools.util.zip.DeflaterFactory;
import htsjdk.samtools.util.zip.InflaterFactory;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks the deflate/inflate implementation behind every BGZF stream of a pool build. Deflating the delivered BAMs
 * is most of a build's CPU (docs/performance.md, "Pool build"): Intel's GKL (ISA-L) deflates level 1 three to four
 * times faster than the JDK's zlib and inflates about twice as fast, with the same format. GKL ships native code
 * for Linux x86-64 only, so elsewhere, or with {@code -Dcallscore.gkl=false}, the JDK's zlib is used.
 */
public final class BgzfCompression
{
    /** System property that forces the JDK's zlib when set to {@code false}. */
    public static final String PROPERTY = "callscore.gkl";

    // GKL logs its library loading at INFO through java.util.logging; a build prints only its own progress.
    // JUL holds loggers weakly: keep this one.
    private static final Logger GKL_LOG = Logger.getLogger("com.intel.gkl");

    private static final DeflaterFactory DEFLATERS;
    private static final InflaterFactory INFLATERS;
    private static final String NAME;

    static
    {
        GKL_LOG.setLevel(Level.WARNING);
        DeflaterFactory deflaters = new DeflaterFactory();
        InflaterFactory inflaters = new InflaterFactory();
        String name = "JDK zlib";
        if (!"false".equalsIgnoreCase(System.getProperty(PROPERTY)))
        {
            try
            {
                final IntelDeflaterFactory intelDeflaters = new IntelDeflaterFactory();
                final IntelInflaterFactory intelInflaters = new IntelInflaterFactory();
                if (intelDeflaters.usingIntelDeflater() && intelInflaters.usingIntelInflater())
                {
                    deflaters = intelDeflaters;
                    inflaters = intelInflaters;
                    name = "Intel GKL (ISA-L)";
                }
            }
            catch (final LinkageError | RuntimeException e)
            {
                // No native library for this platform (or it cannot be extracted): zlib does the same job slower.
            }
        }
        DEFLATERS = deflaters;
        INFLATERS = inflaters;
        NAME = name;
    }

    private BgzfCompression()
    {
    }

    /** Deflaters for BGZF output. */
    public static DeflaterFactory deflaters()
    {
        return DEFLATERS;
    }

    /** Inflaters for BGZF input. */
    public static InflaterFactory inflaters()
    {
        return INFLATERS;
    }

    /** Which implementation is in use, for progress lines and reports. */
    public static String implementation()
    {
        return NAME;
    }

    /** Makes them htsjdk's defaults, so readers and writers that htsjdk opens itself use them too. */
    public static void installAsHtsjdkDefaults()
    {
        BlockCompressedOutputStream.setDefaultDeflaterFactory(DEFLATERS);
        BlockGunzipper.setDefaultInflaterFactory(INFLATERS);
    }
}

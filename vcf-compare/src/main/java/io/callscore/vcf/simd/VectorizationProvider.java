package io.callscore.vcf.simd;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Chooses the {@link ByteKernels} for this JVM once: the Vector API implementation where it is loaded and fast
 * (HotSpot with C2), else the scalar truth. Mirrors Lucene's {@code VectorizationProvider}: the Panama class is
 * loaded by name through {@link MethodHandles} only after {@code jdk.incubator.vector} is known to be present,
 * so a JVM without that module never touches an incubator class.
 *
 * <p>Properties: {@value #SIMD_PROP_NAME}{@code =false} (any case) forces scalar, silently: it is a choice, not a
 * fault; any other value leaves the choice to the checks below.
 * A JVM without C2 (interpreter, {@code -XX:TieredStopAtLevel=1}, another VM or compiler) falls back silently,
 * with or without the module, as vector code is slower than scalar there; with C2 but without the module, one line
 * on stderr says how to enable it.
 */
public final class VectorizationProvider
{
    /** Set to {@code false} to force the scalar kernels (e.g. to rule SIMD out when chasing a difference). */
    public static final String SIMD_PROP_NAME = "callscore.simd";
    public static final boolean SIMD_DEFAULT = true;

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final String MISSING_MODULE_WARNING = "WARNING: callscore runs its scalar byte kernels because the "
        + "Java module " + VECTOR_MODULE + " is not loaded; start java with --add-modules=" + VECTOR_MODULE
        + " (bin/callscore does, from config/jvm.args) for faster VCF and FASTA reading.";

    private static final String PANAMA_CLASS = "io.callscore.vcf.simd.PanamaByteKernels";

    private VectorizationProvider()
    {
    }

    /** The kernels every reader and comparator uses, chosen at first use. */
    public static ByteKernels byteKernels()
    {
        return Holder.KERNELS;
    }

    /**
     * What the choice depends on, gathered from the running JVM or, in tests, made up.
     *
     * @param simdProperty   value of {@value #SIMD_PROP_NAME}, or null when unset
     * @param vectorModule   whether {@code jdk.incubator.vector} is in the boot layer
     * @param vmName         {@code java.vm.name}
     * @param vmInfo         {@code java.vm.info} (says "interpreted mode" or "emulated-client" without C2)
     * @param jvmciEnabled   whether JVMCI is enabled, so that a Graal JIT may stand in for C2 (checked
     *                       conservatively: this JDK build has no {@code UseJVMCICompiler} flag to ask)
     */
    record Environment(String simdProperty, boolean vectorModule, String vmName, String vmInfo, boolean jvmciEnabled)
    {
        static Environment current()
        {
            return new Environment(System.getProperty(SIMD_PROP_NAME), findVectorModule().isPresent(),
                System.getProperty("java.vm.name", ""), System.getProperty("java.vm.info", ""),
                Boolean.getBoolean("jdk.internal.vm.ci.enabled"));
        }

        boolean simdDisabled()
        {
            return simdProperty != null ? "false".equalsIgnoreCase(simdProperty.strip()) : !SIMD_DEFAULT;
        }

        /** HotSpot (Oracle's and every OpenJDK build) with the C2 compiler, which is what compiles vector code. */
        boolean hotSpotWithC2()
        {
            final boolean hotSpot = vmName.contains("HotSpot") || vmName.startsWith("OpenJDK");
            final boolean c2 = !vmInfo.contains("interpreted mode") && !vmInfo.contains("emulated-client");
            return hotSpot && c2 && !jvmciEnabled;
        }
    }

    /** The decision itself, separate from the JVM's properties so that tests can run every branch in-process. */
    static ByteKernels lookup(final Environment environment, final Consumer<String> warnings)
    {
        if (environment.simdDisabled())
        {
            return new ScalarByteKernels();
        }
        if (!environment.hotSpotWithC2())
        {
            // Before the module check: without C2 the scalar kernels are chosen either way, so bin/callscore's
            // C1 start-up profile for 'compare' can leave the incubator module out (config/jvm.args) silently.
            return new ScalarByteKernels();
        }
        if (!environment.vectorModule())
        {
            warnings.accept(MISSING_MODULE_WARNING);
            return new ScalarByteKernels();
        }
        try
        {
            return newPanama();
        }
        catch (final UnsupportedOperationException | LinkageError e)
        {
            // Vectors narrower than 128 bits, or an incubator API that changed shape: scalar is always right.
            return new ScalarByteKernels();
        }
    }

    /**
     * Builds {@code PanamaByteKernels} by name, so no incubator class is linked unless this runs. Tests use it to
     * get the vector kernels directly, whatever {@link #byteKernels()} chose.
     *
     * @throws UnsupportedOperationException when the module is absent or vectors are too narrow
     */
    static ByteKernels newPanama()
    {
        final Optional<Module> module = findVectorModule();
        if (module.isEmpty())
        {
            throw new UnsupportedOperationException(VECTOR_MODULE + " is not loaded");
        }
        VectorizationProvider.class.getModule().addReads(module.get());
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            final MethodHandle constructor = lookup.findConstructor(lookup.findClass(PANAMA_CLASS),
                MethodType.methodType(void.class));
            return (ByteKernels)constructor.invoke();
        }
        catch (final RuntimeException | Error e)
        {
            throw e;
        }
        catch (final Throwable e)
        {
            throw new LinkageError("cannot create " + PANAMA_CLASS, e);
        }
    }

    static Optional<Module> findVectorModule()
    {
        return ModuleLayer.boot().findModule(VECTOR_MODULE);
    }

    /** Lazy, thread-safe initialisation without a lock, and no class-loading cycle with the provider. */
    private static final class Holder
    {
        static final ByteKernels KERNELS = lookup(Environment.current(), System.err::println);
    }
}

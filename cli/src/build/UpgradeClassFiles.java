import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassElement;
import java.lang.classfile.MethodTransform;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.MethodModel;
import java.lang.constant.ClassDesc;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (run as a single source file by cli/pom.xml after the shade): rewrites, inside the shaded jar, the
 * class files of the given packages that are older than Java 6 (version 50) as version-50 class files with
 * computed stack maps. Same bytecode, same behaviour; but the JVM then verifies them with the fast split verifier
 * instead of the type-inferencing one, and the AOT cache of bin/callscore's compare can store them (JDK 25 leaves
 * pre-50 classes out of it). picocli ships Java 5 class files: without this, its ~170 classes cost a single
 * compare about 0.1 s of its start-up (docs/performance.md). Every rewritten class is checked with the JDK's
 * class-file verifier; any problem fails the build.
 *
 * <p>Usage: {@code java UpgradeClassFiles.java JAR PACKAGE_DIR...} (e.g. {@code picocli/}).
 */
public final class UpgradeClassFiles
{
    private static final int TARGET_MAJOR = ClassFile.JAVA_6_VERSION;

    public static void main(final String[] args) throws IOException
    {
        if (args.length < 2)
        {
            throw new IllegalArgumentException("usage: UpgradeClassFiles JAR PACKAGE_DIR...");
        }
        final Path jar = Path.of(args[0]);
        int upgraded = 0;
        try (FileSystem fs = FileSystems.newFileSystem(jar))
        {
            final ClassHierarchyResolver inJar = ClassHierarchyResolver.ofResourceParsing(
                (final ClassDesc desc) -> open(fs, desc)).orElse(ClassHierarchyResolver.defaultResolver());
            final ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(inJar),
                ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
            for (int i = 1; i < args.length; i++)
            {
                final Path dir = fs.getPath(args[i]);
                if (!Files.isDirectory(dir))
                {
                    continue;
                }
                final List<Path> classes;
                try (Stream<Path> files = Files.walk(dir))
                {
                    classes = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (final Path file : classes)
                {
                    final ClassModel model = classFile.parse(Files.readAllBytes(file));
                    if (model.majorVersion() >= TARGET_MAJOR)
                    {
                        continue;
                    }
                    final byte[] out = classFile.transformClass(model, upgrade());
                    final List<VerifyError> errors = classFile.verify(out);
                    if (!errors.isEmpty())
                    {
                        throw new IllegalStateException(file + ": " + errors.getFirst().getMessage());
                    }
                    Files.write(file, out);
                    upgraded++;
                }
            }
        }
        System.out.println("UpgradeClassFiles: " + upgraded + " class files of " + jar + " now version "
            + TARGET_MAJOR + " with stack maps");
    }

    /** The version first, then every element; method bodies re-emitted so that stack maps are generated. */
    private static ClassTransform upgrade()
    {
        final MethodTransform reEmitCode =
            MethodTransform.transformingCode((builder, element) -> builder.with(element));
        return new ClassTransform()
        {
            @Override
            public void atStart(final ClassBuilder builder)
            {
                builder.withVersion(TARGET_MAJOR, 0);
            }

            @Override
            public void accept(final ClassBuilder builder, final ClassElement element)
            {
                if (element instanceof final MethodModel method)
                {
                    builder.transformMethod(method, reEmitCode);
                }
                else if (!(element instanceof ClassFileVersion))
                {
                    builder.with(element);
                }
            }
        };
    }

    private static InputStream open(final FileSystem fs, final ClassDesc desc)
    {
        final String internal = desc.descriptorString();
        final Path path = fs.getPath(internal.substring(1, internal.length() - 1) + ".class");
        try
        {
            return Files.exists(path) ? Files.newInputStream(path) : null;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}

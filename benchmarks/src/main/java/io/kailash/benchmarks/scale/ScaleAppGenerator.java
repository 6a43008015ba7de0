package io.kailash.benchmarks.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Generates the classes of the scale benchmark ({@code benchmarks/scale.sh}): {@code nodes} node
 * classes ({@code scale.nodes.Node0..}, each declaring one secret) and {@code plain} classes that
 * the agent has to look at and leave alone ({@code scale.plain.Plain0..}), compiled with the JDK's
 * compiler against the benchmarks jar.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.kailash.benchmarks.scale.ScaleAppGenerator <output
 * directory> <nodes> <plain>}
 */
public final class ScaleAppGenerator {

  private ScaleAppGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: ScaleAppGenerator <output directory> <nodes> <plain>");
      System.exit(64);
    }
    Path out = Path.of(args[0]);
    int nodes = Integer.parseInt(args[1]);
    int plain = Integer.parseInt(args[2]);
    Path sources = out.resolve("src");
    Path classes = out.resolve("classes");
    List<String> files = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      files.add(write(sources, "nodes", "Node" + i, nodeSource(i)));
    }
    for (int i = 0; i < plain; i++) {
      files.add(write(sources, "plain", "Plain" + i, plainSource(i)));
    }
    Files.createDirectories(classes);
    compile(files, classes);
    System.err.printf("generated %d node classes and %d plain classes in %s%n", nodes, plain, out);
  }

  private static String nodeSource(int i) {
    return "package scale.nodes;\n"
        + "import java.util.Map;\n"
        + "@io.kailash.secrets.SecretRequirement(name = \"scale-key\", parameter = \"key\")\n"
        + "public final class Node"
        + i
        + " extends io.kailash.workflow.Node {\n"
        + "  @Override public Map<String, Object> run(Map<String, Object> in) {\n"
        + "    return in.get(\"key\") == null ? Map.of() : Map.of(\"node\", "
        + i
        + ");\n"
        + "  }\n"
        + "}\n";
  }

  private static String plainSource(int i) {
    return "package scale.plain;\n"
        + "public final class Plain"
        + i
        + " {\n"
        + "  public static int value() { return "
        + i
        + "; }\n"
        + "}\n";
  }

  private static String write(Path sources, String pkg, String name, String source)
      throws IOException {
    Path file = sources.resolve("scale").resolve(pkg).resolve(name + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return file.toString();
  }

  private static void compile(List<String> files, Path classes) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("needs a JDK (no system Java compiler in this runtime)");
    }
    List<String> arguments = new ArrayList<>();
    arguments.add("--release");
    arguments.add("17");
    arguments.add("-nowarn");
    arguments.add("-cp");
    arguments.add(System.getProperty("java.class.path"));
    arguments.add("-d");
    arguments.add(classes.toString());
    arguments.addAll(files);
    if (javac.run(null, null, null, arguments.toArray(new String[0])) != 0) {
      throw new IllegalStateException("javac failed on the generated sources (see above)");
    }
  }
}

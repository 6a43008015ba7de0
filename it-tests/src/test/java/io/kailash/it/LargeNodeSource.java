package io.kailash.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A node whose run(Map) is 65,532 bytes of bytecode: legal, but the agent's advice would push it
 * past the JVM's 65,535-byte limit. Compiled at test time (a 13,000-line source is no file to
 * keep).
 */
final class LargeNodeSource {

  static final String CLASS_NAME = "io.kailash.it.generated.LargeNode";

  /** Each {@code a ^= 100000;} is iload, ldc, ixor, istore: 5 bytes. 12 + 5 * 13104 = 65532. */
  private static final int STATEMENTS = 13104;

  private LargeNodeSource() {}

  static Path compile() throws IOException {
    Path root = ForkedJvm.workDir().resolve("large-node");
    Path classes = Files.createDirectories(root.resolve("classes"));
    if (Files.exists(classes.resolve(CLASS_NAME.replace('.', '/') + ".class"))) {
      return classes;
    }
    StringBuilder source =
        new StringBuilder()
            .append("package io.kailash.it.generated;\n")
            .append("@io.kailash.secrets.SecretRequirement(name = \"api-token\",")
            .append(" parameter = \"api_token\")\n")
            .append("public final class LargeNode extends io.kailash.workflow.Node {\n")
            .append(
                "  public java.util.Map<String, Object> run(java.util.Map<String, Object> in) {\n")
            .append("    int a = 0;\n");
    for (int i = 0; i < STATEMENTS; i++) {
      source.append("    a ^= 100000;\n");
    }
    source.append("    return java.util.Map.of(\"a\", a);\n  }\n}\n");
    Path file = root.resolve("src/io/kailash/it/generated/LargeNode.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath =
        Files.readString(Path.of(System.getProperty("it.app.classpath.file"))).trim();
    int status =
        javac.run(
            null,
            null,
            null,
            "--release",
            "17",
            "-cp",
            classPath,
            "-d",
            classes.toString(),
            file.toString());
    if (status != 0) {
      throw new IllegalStateException("javac failed for the large node: " + status);
    }
    return classes;
  }
}

package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Build guards on the built jar (as OpenTelemetry's ShadingTest and Datadog's jar-size check): only
 * the agent's own top-level classes, the isolated {@code inst/} area and {@code META-INF/}, no
 * class the system class loader could load by accident, and a size ceiling.
 */
class AgentJarLayoutIT {

  private static final long CEILING = 15L * 1024 * 1024;

  @Test
  void onlyAllowedTopLevelEntries() throws Exception {
    List<String> unexpected = new ArrayList<>();
    try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        boolean parentDirectory =
            entry.isDirectory() && "io/kailash/secrets/agent/".startsWith(name);
        boolean allowed =
            name.startsWith("io/kailash/secrets/agent/")
                || name.startsWith("inst/")
                || name.startsWith("META-INF/")
                || parentDirectory;
        if (!allowed) {
          unexpected.add(name);
        }
      }
    }
    assertThat(unexpected).isEmpty();
  }

  @Test
  void isolatedAreaHoldsNoLoadableClassesAndMergedServices() throws Exception {
    try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
      List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
      assertThat(names).filteredOn(n -> n.startsWith("inst/")).noneMatch(n -> n.endsWith(".class"));
      assertThat(names)
          .contains(
              "inst/net/bytebuddy/jar/asm/ClassReader.classdata",
              "inst/io/kailash/secrets/agent/internal/AgentStarter.classdata",
              "inst/META-INF/services/org.slf4j.spi.SLF4JServiceProvider",
              "inst/META-INF/services/software.amazon.awssdk.http.SdkHttpService");
      assertThat(names)
          .noneMatch(n -> n.startsWith("inst/META-INF/versions/"))
          .noneMatch(n -> n.matches("(inst/)?META-INF/[^/]*\\.(SF|RSA|DSA|EC)"));
      // Top-level agent classes: the entry point, its loader and the bridge; the implementation is
      // isolated.
      assertThat(names)
          .filteredOn(n -> n.startsWith("io/") && n.endsWith(".class"))
          .allMatch(n -> !n.contains("/internal/"));
    }
  }

  @Test
  void manifestDeclaresBothEntryPointsAndRetransformation() throws Exception {
    try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertThat(main.getValue("Premain-Class"))
          .isEqualTo("io.kailash.secrets.agent.KailashSecretsAgent");
      assertThat(main.getValue("Agent-Class")).isEqualTo(main.getValue("Premain-Class"));
      assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
      assertThat(main.getValue("Boot-Class-Path")).isNull();
    }
  }

  @Test
  void staysUnderTheSizeCeiling() throws Exception {
    assertThat(Files.size(ForkedJvm.agentJar())).isLessThan(CEILING);
  }
}

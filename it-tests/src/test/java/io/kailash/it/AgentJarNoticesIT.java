package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built agent jar carries our license and the notices of everything it bundles: a dependency
 * that brings classes from a library NOTICE does not name fails here, so its notice and license get
 * added to NOTICE and licenses/ (Byte Buddy's was once missing).
 */
class AgentJarNoticesIT {

  /** Where each bundled library's classes live in the jar, and the name NOTICE gives it. */
  private static final Map<String, String> BUNDLED =
      Map.of(
          "inst/io/kailash/", "kailash-secrets",
          "inst/net/bytebuddy/jar/asm/", "ASM",
          "inst/com/fasterxml/jackson/", "Jackson",
          "inst/software/amazon/awssdk/", "AWS SDK for Java 2.0",
          "inst/org/slf4j/", "SLF4J",
          "inst/org/reactivestreams/", "Reactive Streams");

  private static final Pattern LICENSE_FILE = Pattern.compile("licenses/([A-Za-z0-9.-]+\\.txt)");

  @Test
  void carriesTheApacheLicenseAndTheNotice() throws IOException {
    try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
      assertThat(text(jar, "META-INF/LICENSE"))
          .contains("Apache License", "Version 2.0, January 2004", "END OF TERMS AND CONDITIONS");
      assertThat(text(jar, "META-INF/NOTICE"))
          .contains("kailash-secrets", "Copyright 2014 - Present Rafael Winterhalter");
    }
  }

  @Test
  void noticeNamesEveryBundledLibrary() throws IOException {
    try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
      String notice = text(jar, "META-INF/NOTICE");
      Set<String> unaccounted = new TreeSet<>();
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.endsWith(".classdata") && BUNDLED.keySet().stream().noneMatch(name::startsWith)) {
          unaccounted.add(name.substring(0, name.lastIndexOf('/') + 1));
        }
      }
      assertThat(unaccounted)
          .as(
              "bundled packages of a library NOTICE does not name: add its notice to NOTICE, its"
                  + " license to licenses/ and its package to this test")
          .isEmpty();
      assertThat(notice).contains(BUNDLED.values());
    }
  }

  @Test
  void everyLicenseTheNoticeReferencesIsInTheJar() throws IOException {
    try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
      Matcher referenced = LICENSE_FILE.matcher(text(jar, "META-INF/NOTICE"));
      List<String> files = referenced.results().map(m -> m.group(1)).distinct().toList();
      assertThat(files).contains("ASM-BSD-3-Clause.txt", "SLF4J-MIT.txt");
      for (String file : files) {
        assertThat(jar.getEntry("META-INF/licenses/" + file)).as(file).isNotNull();
      }
    }
  }

  private static String text(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertThat(entry).as(name + " in the agent jar").isNotNull();
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package io.kailash.secrets.agent.internal.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathScannerTest {

  @TempDir Path dir;

  @Test
  void readsRepeatedRequirementsWithTheirAttributesAndDefaults() throws Exception {
    ScannedClass refund = RequirementReader.read(bytes(ScanSamples.RefundNode.class));

    assertThat(refund.name()).isEqualTo(ScanSamples.RefundNode.class.getName());
    assertThat(refund.superName()).isEqualTo(ScanSamples.PaymentsBase.class.getName());
    assertThat(refund.concrete()).isTrue();
    assertThat(refund.declared())
        .containsExactly(
            new ScannedClass.DeclaredSecret("payments/ledger", "ledger", true, ""),
            new ScannedClass.DeclaredSecret("audit-key", "audit", false, "3"));
    assertThat(RequirementReader.read(bytes(ScanSamples.PaymentsBase.class)).concrete()).isFalse();
    assertThat(RequirementReader.read(new byte[] {1, 2, 3})).isNull();
  }

  @Test
  void nodeClassesInheritTheirSuperclassesRequirementsAcrossNestedJars() throws Exception {
    Path library = jar(dir.resolve("lib.jar"), "", Map.of(), ScanSamples.PaymentsBase.class);
    Path fatJar =
        jar(
            dir.resolve("app.jar"),
            "BOOT-INF/classes/",
            Map.of("BOOT-INF/lib/lib.jar", library),
            ScanSamples.RefundNode.class,
            ScanSamples.PlainSubclass.class,
            ScanSamples.NoSecrets.class);

    List<NodeSecrets> nodes = NodeSecrets.of(ClassPathScanner.scan(List.of(fatJar)));

    assertThat(nodes)
        .extracting(NodeSecrets::nodeClass)
        .containsExactly(
            ScanSamples.PlainSubclass.class.getName(), ScanSamples.RefundNode.class.getName());
    NodeSecrets plain = nodes.get(0);
    assertThat(plain.secrets())
        .extracting(inherited -> inherited.secret().name())
        .containsExactly("payments/ledger", "audit-key", "payments/db#password");
    assertThat(plain.secrets().get(2).declaredBy())
        .containsExactly(ScanSamples.PaymentsBase.class.getName());
  }

  @Test
  void aPathThatIsNeitherFolderNorJarIsAnError() {
    assertThatThrownBy(() -> ClassPathScanner.scan(List.of(dir.resolve("absent.jar"))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("absent.jar");
  }

  private static Path jar(Path jar, String prefix, Map<String, Path> nested, Class<?>... classes)
      throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Class<?> type : classes) {
        out.putNextEntry(new ZipEntry(prefix + type.getName().replace('.', '/') + ".class"));
        out.write(bytes(type));
        out.closeEntry();
      }
      for (Map.Entry<String, Path> entry : nested.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(Files.readAllBytes(entry.getValue()));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static byte[] bytes(Class<?> type) throws IOException {
    try (InputStream in =
        type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      in.transferTo(copy);
      return copy.toByteArray();
    }
  }
}

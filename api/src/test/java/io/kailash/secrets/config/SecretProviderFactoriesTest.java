package io.kailash.secrets.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.EnvironmentSecretProvider;
import io.kailash.secrets.SecretProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretProviderFactoriesTest {

  private static final String SERVICE_FILE =
      "META-INF/services/io.kailash.secrets.config.SecretProviderFactory";

  @TempDir Path dir;

  @Test
  void theApiJarListsExactlyTheProvidersThatNeedNoOtherArtifact() {
    assertThat(SecretProviderFactories.available()).containsOnlyKeys("env", "files");
  }

  @Test
  void aTypePublishedSeparatelyNamesTheArtifactToAdd() {
    assertThat(SecretProviderFactories.missingArtifact("vault"))
        .contains("io.kailash:kailash-secrets-vault");
    assertThat(SecretProviderFactories.missingArtifact("aws"))
        .contains("io.kailash:kailash-secrets-aws");
    assertThat(SecretProviderFactories.missingArtifact("aws-agent"))
        .contains("io.kailash:kailash-secrets-aws-agent");
    assertThat(SecretProviderFactories.missingArtifact("gcp")).isEmpty();
  }

  @Test
  void requiringAMissingPublishedTypeNamesTheArtifact() {
    assertThat(SecretProviderFactories.require("files"))
        .isInstanceOf(io.kailash.secrets.files.FilesProviderFactory.class);
    assertThatThrownBy(() -> SecretProviderFactories.require("vault"))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage(
            "No secret provider of type 'vault' on the class path; add the dependency"
                + " io.kailash:kailash-secrets-vault.");
    assertThatThrownBy(() -> SecretProviderFactories.require("gcp"))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage("No secret provider of type 'gcp' on the class path; available: env, files.");
  }

  @Test
  void findsAFactoryListedByAnotherJar() throws IOException {
    try (URLClassLoader loader = listing(GoodFactory.class.getName())) {
      assertThat(SecretProviderFactories.load(loader))
          .containsKeys("env", "files", "in-house")
          .extractingByKey("in-house")
          .isInstanceOf(GoodFactory.class);
    }
  }

  @Test
  void aListedClassThatDoesNotExistIsAConfigurationErrorNamingIt() throws IOException {
    try (URLClassLoader loader = listing("com.acme.MissingFactory")) {
      assertThatThrownBy(() -> SecretProviderFactories.load(loader))
          .isInstanceOf(SecretsConfigurationException.class)
          .hasMessageContaining("com.acme.MissingFactory")
          .hasMessageContaining("META-INF/services");
    }
  }

  @Test
  void aFactoryWhoseConstructorThrowsIsAConfigurationError() throws IOException {
    try (URLClassLoader loader = listing(ThrowingFactory.class.getName())) {
      assertThatThrownBy(() -> SecretProviderFactories.load(loader))
          .isInstanceOf(SecretsConfigurationException.class)
          .hasMessageContaining(ThrowingFactory.class.getName());
    }
  }

  @Test
  void twoFactoriesForOneTypeAreRefusedNamingBoth() throws IOException {
    try (URLClassLoader loader = listing(ImpostorEnvFactory.class.getName())) {
      assertThatThrownBy(() -> SecretProviderFactories.load(loader))
          .isInstanceOf(SecretsConfigurationException.class)
          .hasMessageContaining("'env'")
          .hasMessageContaining(EnvironmentProviderFactory.class.getName())
          .hasMessageContaining(ImpostorEnvFactory.class.getName());
    }
  }

  @Test
  void aMalformedTypeIsRefusedWithTheRule() throws IOException {
    try (URLClassLoader loader = listing(BadTypeFactory.class.getName())) {
      assertThatThrownBy(() -> SecretProviderFactories.load(loader))
          .isInstanceOf(SecretsConfigurationException.class)
          .hasMessageContaining(BadTypeFactory.class.getName())
          .hasMessageContaining("lower-case letters");
    }
  }

  /** A loader over a folder whose service file lists {@code className}, below this test's. */
  private URLClassLoader listing(String className) throws IOException {
    Path file = dir.resolve(SERVICE_FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "# an extension's listing\n" + className + "\n");
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  public static class GoodFactory implements SecretProviderFactory {
    @Override
    public String type() {
      return "in-house";
    }

    @Override
    public Set<String> keys() {
      return Set.of();
    }

    @Override
    public SecretProvider create(ProviderSettings settings) {
      return new EnvironmentSecretProvider();
    }
  }

  public static class ThrowingFactory extends GoodFactory {
    public ThrowingFactory() {
      throw new IllegalStateException("cannot start");
    }
  }

  public static class ImpostorEnvFactory extends GoodFactory {
    @Override
    public String type() {
      return "env";
    }
  }

  public static class BadTypeFactory extends GoodFactory {
    @Override
    public String type() {
      return "In House\n";
    }
  }
}

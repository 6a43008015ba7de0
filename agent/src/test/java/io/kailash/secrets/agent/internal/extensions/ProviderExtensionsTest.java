package io.kailash.secrets.agent.internal.extensions;

import static io.kailash.secrets.agent.internal.extensions.ExtensionJars.jar;
import static io.kailash.secrets.agent.internal.extensions.ExtensionJars.listing;
import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.agent.internal.providers.ProviderChainAssembler;
import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretProviderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderExtensionsTest {

  @TempDir Path dir;

  private ProviderExtensions.Found found;

  @AfterEach
  void closeLoader() {
    if (found != null) {
      found.discard();
    }
  }

  private ProviderExtensions.Found load(String extensions) {
    closeLoader();
    Set<String> agentKeys = new HashSet<>(AgentKeys.defaults().keySet());
    agentKeys.addAll(ProviderChainAssembler.layerKeys().keySet());
    Map<String, SecretProviderFactory> builtIn = SecretProviderFactories.available();
    found = ProviderExtensions.load(extensions, builtIn, agentKeys, getClass().getClassLoader());
    return found;
  }

  /** The one problem of {@code extensions}, which must name {@code jar}. */
  private String problemNaming(String extensions, Path jar) {
    List<String> problems = load(extensions).problems();
    assertThat(problems).singleElement().asString().contains(jar.toString());
    assertThat(found.factories()).doesNotContainKeys("test-ext", "test-throws");
    return problems.get(0);
  }

  @Test
  void aSoundJarAddsItsTypeToTheBuiltInOnes() throws Exception {
    Path jar = jar(dir, "sound.jar", listing(TestFactories.Sound.class));

    ProviderExtensions.Found result = load(" " + jar + " ,");

    assertThat(result.problems()).isEmpty();
    assertThat(result.factories()).containsKeys("env", "files", "test-ext");
    assertThat(result.factories().get("test-ext")).isInstanceOf(TestFactories.Sound.class);
  }

  @Test
  void aFolderStandsForEveryJarInIt() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("extensions"));
    jar(folder, "b.jar", listing(TestFactories.OtherSound.class));
    jar(folder, "a.jar", listing(TestFactories.Sound.class));
    Files.writeString(folder.resolve("notes.txt"), "not a jar");

    ProviderExtensions.Found result = load(folder.toString());

    assertThat(result.problems()).isEmpty();
    assertThat(result.factories()).containsKeys("test-ext", "test-ext-two");
  }

  @Test
  void aMissingPathOrAnEmptyFolderIsNamed() throws Exception {
    Path missing = dir.resolve("missing.jar");
    assertThat(problemNaming(missing.toString(), missing))
        .contains("named in 'extensions' does not exist");

    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThat(problemNaming(empty.toString(), empty)).contains("holds no *.jar file");
  }

  @Test
  void aFileThatIsNoJarIsNamed() throws Exception {
    Path text = Files.writeString(dir.resolve("text.jar"), "not a zip");

    assertThat(problemNaming(text.toString(), text)).contains("is not a readable jar file");
  }

  @Test
  void aJarThatListsNoFactoryIsNamed() throws Exception {
    Path noListing = jar(dir, "none.jar", null);
    Path onlyComments = jar(dir, "comments.jar", "# nothing here\n\n");

    assertThat(problemNaming(noListing.toString(), noListing))
        .contains("lists no secret provider factory")
        .contains("META-INF/services/io.kailash.secrets.config.SecretProviderFactory");
    assertThat(problemNaming(onlyComments.toString(), onlyComments))
        .contains("lists no secret provider factory");
  }

  @Test
  void aListedClassThatIsMissingOrNoFactoryIsNamedWithItsJar() throws Exception {
    Path missing = jar(dir, "missing-class.jar", "com.example.NoSuchFactory\n");
    Path notAFactory = jar(dir, "not-a-factory.jar", listing(TestFactories.NotAFactory.class));

    assertThat(problemNaming(missing.toString(), missing)).contains("com.example.NoSuchFactory");
    assertThat(problemNaming(notAFactory.toString(), notAFactory)).contains("NotAFactory");
  }

  @Test
  void aFactoryWhoseConstructorOrTypeThrowsIsNamedWithItsJar() throws Exception {
    Path constructor = jar(dir, "ctor.jar", listing(TestFactories.ThrowingConstructor.class));
    Path type = jar(dir, "type.jar", listing(TestFactories.ThrowingType.class));

    assertThat(problemNaming(constructor.toString(), constructor)).contains("ThrowingConstructor");
    assertThat(problemNaming(type.toString(), type))
        .contains("ThrowingType")
        .contains("java.lang.IllegalStateException")
        .doesNotContain("no type"); // a factory's own message is not ours to print
  }

  @Test
  void aTypeThatIsBuiltInOrTheAgentsOwnIsRefused() throws Exception {
    Path env = jar(dir, "env.jar", listing(TestFactories.BuiltInType.class));
    Path cache = jar(dir, "cache.jar", listing(TestFactories.AgentKeyType.class));

    assertThat(problemNaming(env.toString(), env)).contains("'env', which is built in");
    assertThat(problemNaming(cache.toString(), cache)).contains("'cache'").contains("own keys");
  }

  @Test
  void twoJarsWithOneTypeAreBothNamed() throws Exception {
    Path first = jar(dir, "first.jar", listing(TestFactories.Sound.class));
    Path second = jar(dir, "second.jar", listing(TestFactories.Sound.class));

    List<String> problems = load(first + "," + second).problems();

    assertThat(problems)
        .singleElement()
        .asString()
        .contains(first.toString())
        .contains(second.toString())
        .contains("both provide the type 'test-ext'");
  }

  @Test
  void aBrokenJarDoesNotHideTheSoundOnes() throws Exception {
    Path broken = jar(dir, "broken.jar", "com.example.NoSuchFactory\n");
    Path sound = jar(dir, "sound.jar", listing(TestFactories.Sound.class));

    ProviderExtensions.Found result = load(broken + "," + sound);

    assertThat(result.problems()).singleElement().asString().contains(broken.toString());
    assertThat(result.factories()).containsKey("test-ext");
  }
}

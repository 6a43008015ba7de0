package io.kailash.secrets.agent.internal.extensions;

import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * One jar named by the agent's {@code extensions} key, with the factory classes its {@code
 * META-INF/services} file lists, read here (not through a class loader) so that every error about
 * those classes can name the jar that lists them.
 *
 * @param path the jar
 * @param factories the class names its listing names, in order; never empty
 */
record ExtensionJar(Path path, List<String> factories) {

  static final String LISTING = "META-INF/services/" + SecretProviderFactory.class.getName();

  /**
   * @throws SecretsConfigurationException naming the jar if it is no readable jar or lists no
   *     factory
   */
  static ExtensionJar read(Path path) {
    String listing;
    try (JarFile jar = new JarFile(path.toFile(), false)) {
      ZipEntry entry = jar.getEntry(LISTING);
      if (entry == null) {
        throw listsNoFactory(path);
      }
      try (InputStream in = jar.getInputStream(entry)) {
        listing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new SecretsConfigurationException(
          "The extension "
              + path
              + " named in 'extensions' is not a readable jar file ("
              + e.getClass().getSimpleName()
              + ").");
    }
    List<String> factories = new ArrayList<>();
    for (String line : listing.split("\n")) {
      int comment = line.indexOf('#');
      String name = (comment < 0 ? line : line.substring(0, comment)).trim();
      if (!name.isEmpty() && !factories.contains(name)) {
        factories.add(name);
      }
    }
    if (factories.isEmpty()) {
      throw listsNoFactory(path);
    }
    return new ExtensionJar(path, List.copyOf(factories));
  }

  /** The jar's listing as a URL, for {@link OneJarListing}. */
  URL listingUrl() {
    try {
      return new URL("jar:" + path.toUri().toURL() + "!/" + LISTING);
    } catch (MalformedURLException e) {
      throw new IllegalStateException("no URL for " + path, e);
    }
  }

  /** The error for a failure of this jar's factories: names the jar first. */
  SecretsConfigurationException failure(String what) {
    return new SecretsConfigurationException("The extension " + path + " " + what);
  }

  private static SecretsConfigurationException listsNoFactory(Path path) {
    return new SecretsConfigurationException(
        "The extension "
            + path
            + " lists no secret provider factory: a provider jar names its factory class in "
            + LISTING
            + " (see docs/extensions.md).");
  }
}

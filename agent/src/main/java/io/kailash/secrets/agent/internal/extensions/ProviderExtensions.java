package io.kailash.secrets.agent.internal.extensions;

import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The provider types of the jars the agent's {@code extensions} key names (docs/extensions.md).
 *
 * <p>All of them share one class loader whose parent is the agent's isolated loader, so an
 * extension sees the agent's copy of {@code io.kailash.secrets.*} and needs nothing else. Each
 * jar's factories are found with {@link SecretProviderFactories#load} through a view that shows
 * that jar's listing only ({@link OneJarListing}), so every failure names the jar: a path that is
 * no jar, a listing that names no factory, a listed class that is missing or not a factory, a
 * factory whose constructor, {@code type()} or key lists throw, and a type that a built-in
 * provider, another extension or the agent's own keys already use.
 */
public final class ProviderExtensions {

  /**
   * @param factories the built-in factories and those of every sound extension, by type, sorted
   * @param problems one line per broken extension, naming its jar; empty when all are sound
   * @param loader the extensions' class loader
   */
  public record Found(
      Map<String, SecretProviderFactory> factories, List<String> problems, URLClassLoader loader) {

    /** Closes the loader of a start that failed, so that it leaves no open jar behind. */
    public void discard() {
      try {
        loader.close();
      } catch (IOException ignored) {
        // Nothing more to do: the JVM closes the files at exit.
      }
    }
  }

  private ProviderExtensions() {}

  /**
   * @param extensions the {@code extensions} key's value; not empty
   * @param builtIn the factories the agent carries
   * @param agentKeys every key of the agent's own and its layers' ({@code cache.ttl}): an
   *     extension's type must not be the first part of one
   * @param parent the agent's isolated class loader
   */
  public static Found load(
      String extensions,
      Map<String, SecretProviderFactory> builtIn,
      Set<String> agentKeys,
      ClassLoader parent) {
    List<String> problems = new ArrayList<>();
    List<ExtensionJar> jars = new ArrayList<>();
    for (Path path : ExtensionPaths.expand(extensions, problems)) {
      try {
        jars.add(ExtensionJar.read(path));
      } catch (SecretsConfigurationException e) {
        problems.add(e.getMessage());
      }
    }
    if (jars.isEmpty() && problems.isEmpty()) {
      problems.add("'" + AgentKeys.EXTENSIONS + "' names no jar.");
    }
    Map<String, SecretProviderFactory> all = new TreeMap<>(builtIn);
    Map<String, Path> providedBy = new HashMap<>();
    Set<String> reserved = firstParts(agentKeys);
    URLClassLoader loader = classLoader(jars, parent);
    for (ExtensionJar jar : jars) {
      for (SecretProviderFactory factory : factoriesOf(jar, loader, problems)) {
        String type = factory.type();
        Path earlier = providedBy.putIfAbsent(type, jar.path());
        if (builtIn.containsKey(type)) {
          problems.add(
              jar.failure(
                      "provides the type '"
                          + type
                          + "', which is built in. Give its factory another type.")
                  .getMessage());
        } else if (reserved.contains(type)) {
          problems.add(
              jar.failure(
                      "provides the type '"
                          + type
                          + "', which the agent's own keys use ('"
                          + type
                          + ".*'). Give its factory another type.")
                  .getMessage());
        } else if (earlier != null) {
          problems.add(
              "The extensions "
                  + earlier
                  + " and "
                  + jar.path()
                  + " both provide the type '"
                  + type
                  + "'. Name only one of them in '"
                  + AgentKeys.EXTENSIONS
                  + "'.");
        } else {
          all.put(type, factory);
        }
      }
    }
    return new Found(all, List.copyOf(problems), loader);
  }

  /** The factories {@code jar} lists, each checked to answer its type and keys; none on error. */
  private static List<SecretProviderFactory> factoriesOf(
      ExtensionJar jar, ClassLoader loader, List<String> problems) {
    try {
      List<SecretProviderFactory> factories =
          new ArrayList<>(SecretProviderFactories.load(new OneJarListing(jar, loader)).values());
      for (SecretProviderFactory factory : factories) {
        // Called here, where a failure still has its jar: the key catalog calls them next.
        Objects.requireNonNull(factory.keys(), "keys()");
        Objects.requireNonNull(factory.credentialKeys(), "credentialKeys()");
      }
      return factories;
    } catch (SecretsConfigurationException e) {
      problems.add(jar.failure("cannot be used: " + e.getMessage()).getMessage());
    } catch (RuntimeException | LinkageError e) {
      // A factory's type() or key lists threw, or a class it needs is missing.
      problems.add(
          jar.failure(
                  "cannot be used: a factory it lists ("
                      + String.join(", ", jar.factories())
                      + ") failed with "
                      + e.getClass().getName()
                      + ".")
              .getMessage());
    }
    return List.of();
  }

  /**
   * One loader for all extension jars (an extension may ship its libraries as jars of their own),
   * parent first, so the agent's api classes are the ones an extension's classes see. It lives as
   * long as the agent.
   */
  private static URLClassLoader classLoader(List<ExtensionJar> jars, ClassLoader parent) {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).path().toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException("no URL for " + jars.get(i).path(), e);
      }
    }
    return new URLClassLoader("kailash-secrets-extensions", urls, parent);
  }

  private static Set<String> firstParts(Set<String> keys) {
    Set<String> parts = new TreeSet<>();
    for (String key : keys) {
      int dot = key.indexOf('.');
      parts.add(dot < 0 ? key : key.substring(0, dot));
    }
    return parts;
  }
}

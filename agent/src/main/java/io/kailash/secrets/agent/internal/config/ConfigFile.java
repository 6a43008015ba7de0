package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.SecretsConfigurationException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Finds and reads the agent's properties file.
 *
 * <p>Location, first found wins: the agent argument {@code config=}, the system property {@code
 * kailash.secrets.config}, the environment variable {@code KAILASH_SECRETS_CONFIG}, else {@code
 * kailash-secrets.properties} beside the agent jar when present. A location that is given but
 * unreadable is an error. The file is read as UTF-8, strictly: invalid bytes are an error rather
 * than silently replaced ({@code Properties.load(InputStream)} would assume ISO-8859-1).
 */
public final class ConfigFile {

  public static final String LOCATION_KEY = "config";
  public static final String DEFAULT_NAME = "kailash-secrets.properties";

  private ConfigFile() {}

  /** The file to read and how it was named, or {@code null} when there is none. */
  public static Location locate(
      Map<String, String> agentArguments,
      Map<String, String> systemProperties,
      Map<String, String> environment,
      Path agentJarDirectory) {
    String given = agentArguments.get(LOCATION_KEY);
    String how = ConfigSource.AGENT_ARGUMENT.spelling(LOCATION_KEY);
    if (given == null) {
      given = systemProperties.get(ConfigSource.SYSTEM_PROPERTY_PREFIX + LOCATION_KEY);
      how = ConfigSource.SYSTEM_PROPERTY.spelling(LOCATION_KEY);
    }
    if (given == null) {
      given = environment.get(ConfigSource.environmentName(LOCATION_KEY));
      how = ConfigSource.ENVIRONMENT.spelling(LOCATION_KEY);
    }
    if (given != null && !given.isBlank()) {
      return new Location(Path.of(given.trim()), how);
    }
    if (agentJarDirectory != null) {
      Path beside = agentJarDirectory.resolve(DEFAULT_NAME);
      if (Files.isRegularFile(beside)) {
        return new Location(beside, "the file beside the agent jar");
      }
    }
    return null;
  }

  /** Reads the file's key-value pairs, in file order. */
  public static Map<String, String> read(Location location) {
    Path path = location.path();
    if (!Files.isRegularFile(path)) {
      throw new SecretsConfigurationException(
          "The configuration file "
              + path
              + " (named by "
              + location.namedBy()
              + ") does not exist or is not a file.");
    }
    Properties properties = new Properties();
    try (Reader reader =
        new InputStreamReader(
            // FileInputStream, not Files.newInputStream: the latter loads some 25 NIO channel
            // classes in premain (issue 16).
            new FileInputStream(path.toFile()),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      properties.load(reader);
    } catch (CharacterCodingException e) {
      throw malformed(path, "it is not valid UTF-8 text");
    } catch (IllegalArgumentException e) {
      // Properties.load reports a bad \\uXXXX escape this way; its message names no value.
      throw malformed(path, e.getMessage());
    } catch (IOException e) {
      throw new SecretsConfigurationException(
          "The configuration file " + path + " cannot be read: " + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      values.put(key.trim(), properties.getProperty(key));
    }
    return values;
  }

  private static SecretsConfigurationException malformed(Path path, String why) {
    return new SecretsConfigurationException(
        "The configuration file "
            + path
            + " is malformed: "
            + why
            + ". Write one 'key = value' per line, in UTF-8.");
  }

  /** A file to read, and how the user named it (for messages). */
  public record Location(Path path, String namedBy) {}
}

package io.kailash.secrets.config;

import io.kailash.secrets.aws.AwsProviderFactory;
import io.kailash.secrets.awsagent.AwsAgentProviderFactory;
import io.kailash.secrets.files.FilesProviderFactory;
import io.kailash.secrets.vault.VaultProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The built-in provider types that a configuration's {@code providers} key may name. */
public final class SecretProviderFactories {

  private static final List<SecretProviderFactory> BUILT_IN =
      List.of(
          new EnvironmentProviderFactory(),
          new FilesProviderFactory(),
          new VaultProviderFactory(),
          new AwsProviderFactory(),
          new AwsAgentProviderFactory());

  private SecretProviderFactories() {}

  /** Every built-in factory, by type name, sorted. */
  public static Map<String, SecretProviderFactory> builtIn() {
    Map<String, SecretProviderFactory> byType = new TreeMap<>();
    for (SecretProviderFactory factory : BUILT_IN) {
      byType.put(factory.type(), factory);
    }
    return byType;
  }

  public static Optional<SecretProviderFactory> forType(String type) {
    return Optional.ofNullable(builtIn().get(type));
  }
}

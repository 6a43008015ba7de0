package io.kailash.secrets.testing;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.audit.ResolutionTrace;
import java.util.List;

/**
 * Stands in for a provider chain: answers every secret with {@code value} and reports to the {@link
 * ResolutionTrace}, as a chain does, that its member {@code servedBy} served it.
 */
public final class ChainMemberProvider implements SecretProvider {

  private final String servedBy;
  private final String value;

  public ChainMemberProvider(String servedBy, String value) {
    this.servedBy = servedBy;
    this.value = value;
  }

  @Override
  public String name() {
    return "chain";
  }

  @Override
  public String getSecret(String name, String version) {
    ResolutionTrace.servedBy(new SecretRef(name, version), servedBy);
    return value;
  }

  @Override
  public List<String> listSecrets() {
    return List.of();
  }
}

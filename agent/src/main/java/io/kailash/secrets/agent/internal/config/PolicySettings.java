package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.policy.PolicyDefault;
import io.kailash.secrets.policy.PolicyFile;
import io.kailash.secrets.policy.SecretPolicy;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the secret policy that {@code policy.file} and {@code policy.default} name. */
public final class PolicySettings {

  private PolicySettings() {}

  /**
   * @return the policy, or {@link SecretPolicy#none()} without {@code policy.file} and with {@code
   *     policy.default=allow}
   * @throws SecretsConfigurationException for a bad default, {@code deny} without a file, or a
   *     missing, unreadable or malformed policy file (naming the line)
   */
  public static SecretPolicy read(AgentConfig config) {
    PolicyDefault unmatched =
        config.oneOf(AgentKeys.POLICY_DEFAULT, "allow", "deny").equals("deny")
            ? PolicyDefault.DENY
            : PolicyDefault.ALLOW;
    Optional<Path> file = config.path(AgentKeys.POLICY_FILE);
    if (file.isEmpty()) {
      if (unmatched == PolicyDefault.DENY) {
        throw new SecretsConfigurationException(
            "'"
                + AgentKeys.POLICY_DEFAULT
                + "=deny' needs '"
                + AgentKeys.POLICY_FILE
                + "': without rules every secret would be refused. Name the policy file (see"
                + " docs/security.md).");
      }
      return SecretPolicy.none();
    }
    return PolicyFile.read(file.get(), unmatched);
  }
}

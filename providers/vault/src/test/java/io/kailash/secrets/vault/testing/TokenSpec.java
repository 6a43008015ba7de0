package io.kailash.secrets.vault.testing;

import java.time.Duration;
import java.util.List;

/**
 * The lease and access of tokens that the double issues.
 *
 * @param ttl the lease at login and after each renewal; zero for a token that never expires
 * @param maxTtl the lifetime beyond which renewals are capped; zero for none
 * @param renewable whether renew-self works
 * @param allowedPaths path prefixes (namespace included, e.g. {@code secret/data/app/}) the token
 *     may use, a stand-in for ACL policies; {@code ""} allows every path
 */
public record TokenSpec(
    Duration ttl, Duration maxTtl, boolean renewable, List<String> allowedPaths) {

  public TokenSpec {
    allowedPaths = List.copyOf(allowedPaths);
  }

  /** A token that may use every path. */
  public static TokenSpec of(Duration ttl, boolean renewable) {
    return new TokenSpec(ttl, Duration.ZERO, renewable, List.of(""));
  }

  public TokenSpec withMaxTtl(Duration newMaxTtl) {
    return new TokenSpec(ttl, newMaxTtl, renewable, allowedPaths);
  }

  public TokenSpec withAllowedPaths(String... prefixes) {
    return new TokenSpec(ttl, maxTtl, renewable, List.of(prefixes));
  }

  boolean allows(String path) {
    return allowedPaths.stream().anyMatch(path::startsWith);
  }

  /** Whether the token may use anything under {@code mount}, as Vault's UI mount check asks. */
  boolean touches(String mount) {
    return allowedPaths.stream()
        .anyMatch(prefix -> prefix.startsWith(mount + "/") || (mount + "/").startsWith(prefix));
  }
}

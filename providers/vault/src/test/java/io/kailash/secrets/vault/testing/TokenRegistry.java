package io.kailash.secrets.vault.testing;

import io.kailash.secrets.resilience.TimeSource;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The double's tokens and the credentials its login methods accept. */
final class TokenRegistry {

  /** An AppRole role or a Kubernetes role: the credential it checks and the tokens it issues. */
  record Role(String credential, TokenSpec spec) {}

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TimeSource clock;
  private final Map<String, DoubleToken> tokens = new ConcurrentHashMap<>();

  /** "approle-mount/roleId" or "kubernetes-mount/role" to the role. */
  private final Map<String, Role> roles = new ConcurrentHashMap<>();

  /** login mount to its method: "approle" or "kubernetes". */
  private final Map<String, String> loginMounts = new ConcurrentHashMap<>();

  TokenRegistry(TimeSource clock) {
    this.clock = clock;
  }

  long now() {
    return clock.nanoTime();
  }

  DoubleToken issue(String path, TokenSpec spec) {
    DoubleToken token = new DoubleToken("hvs." + random(24), random(24), path, spec, now());
    tokens.put(token.id, token);
    return token;
  }

  /** The token if it exists and is valid now, else null. */
  DoubleToken valid(String id) {
    DoubleToken token = id == null ? null : tokens.get(id);
    return token != null && token.validAt(now()) ? token : null;
  }

  String accessorOf(String id) {
    DoubleToken token = id == null ? null : tokens.get(id);
    return token == null ? null : token.accessor;
  }

  void revoke(String id) {
    DoubleToken token = tokens.get(id);
    if (token != null) {
      token.revoke();
    }
  }

  void revokeByAccessor(String accessor) {
    tokens.values().stream()
        .filter(token -> token.accessor.equals(accessor))
        .forEach(DoubleToken::revoke);
  }

  void addRole(String method, String mount, String name, Role role) {
    loginMounts.put(mount, method);
    roles.put(mount + "/" + name, role);
  }

  /** "approle", "kubernetes", or null when no login method is mounted there. */
  String loginMethod(String mount) {
    return loginMounts.get(mount);
  }

  /** The roles of a login mount, by name. */
  Map<String, Role> roles(String mount) {
    Map<String, Role> found = new java.util.TreeMap<>();
    roles.forEach(
        (key, role) -> {
          if (key.startsWith(mount + "/")) {
            found.put(key.substring(mount.length() + 1), role);
          }
        });
    return found;
  }

  Role role(String mount, String name) {
    return roles.get(mount + "/" + name);
  }

  private static String random(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}

package io.kailash.secrets.policy;

/** What a {@link SecretPolicy} decides for a secret that no rule of it names. */
public enum PolicyDefault {
  /** Any node class may receive it (the default: existing deployments keep working). */
  ALLOW,
  /** No node class may receive it: only pairs a rule allows are resolved. */
  DENY
}

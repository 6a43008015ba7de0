package io.kailash.secrets;

import io.kailash.secrets.internal.NodeSecretRequirements;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a secret that a node class needs when it runs.
 *
 * <p>The runtime (or the agent) resolves the secret just before {@code run} and passes it under
 * {@link #parameter()}. Requirements declared on a superclass apply to its subclasses too; they are
 * collected by {@link NodeSecretRequirements}, not through {@code @Inherited}, so that a subclass
 * adds to them instead of hiding them.
 *
 * <pre>{@code
 * @SecretRequirement(name = "jwt-signing-key", parameter = "secret_key")
 * @SecretRequirement(name = "api-token", parameter = "api_token", optional = true)
 * class TokenGeneratorNode extends Node { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SecretRequirements.class)
public @interface SecretRequirement {

  /**
   * The secret's name in the provider, e.g. {@code jwt-signing-key} or {@code db/creds#password}.
   */
  String name();

  /** The run parameter the secret fills, e.g. {@code secret_key}. */
  String parameter();

  /** An optional secret may be absent; a broken backend still fails the node. */
  boolean optional() default false;

  /** The version to read; empty means the current one. */
  String version() default "";
}

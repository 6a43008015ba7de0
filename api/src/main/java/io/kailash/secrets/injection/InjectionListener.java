package io.kailash.secrets.injection;

/**
 * Hears about questionable parameters while a node's secrets are injected. Receives names only,
 * never values.
 */
public interface InjectionListener {

  /** The caller gave {@code parameter} a value, but it is a declared secret: the secret wins. */
  void overriddenParameter(Class<?> nodeClass, String parameter);

  /** A {@code {name}} placeholder names no declared secret parameter; it was left as written. */
  void undeclaredPlaceholder(Class<?> nodeClass, String name);
}

package io.kailash.secrets.cache;

import io.kailash.secrets.SecretRef;

/**
 * Told when a cached secret's value changed: a refresh or a reload after expiry brought a value
 * other than the one cached (a rotation). Connection pools can then re-create their credentials
 * without a restart.
 *
 * <p>It gets the secret's name and version, never its value: read the new value from the provider.
 * It is called on the thread that loaded the value (often a background refresh thread), after the
 * new value is cached; it should return quickly. What it throws is logged and ignored.
 */
@FunctionalInterface
public interface SecretChangeListener {

  /**
   * @param secret the secret (name and requested version) whose cached value changed
   */
  void secretChanged(SecretRef secret);
}

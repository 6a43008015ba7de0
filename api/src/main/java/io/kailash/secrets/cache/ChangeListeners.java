package io.kailash.secrets.cache;

import io.kailash.secrets.SecretRef;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link SecretChangeListener}s of one cache; a failing listener never fails a load. */
final class ChangeListeners {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeListeners.class);

  private final List<SecretChangeListener> listeners = new CopyOnWriteArrayList<>();

  void add(SecretChangeListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  void remove(SecretChangeListener listener) {
    listeners.remove(listener);
  }

  void changed(SecretRef secret) {
    for (SecretChangeListener listener : listeners) {
      try {
        listener.secretChanged(secret);
      } catch (RuntimeException failure) {
        // The exception's message is the application's, which may not know our rules: name only.
        LOG.warn(
            "A change listener failed for secret '{}' ({}); the new value is cached regardless",
            secret,
            failure.getClass().getName());
      }
    }
  }
}

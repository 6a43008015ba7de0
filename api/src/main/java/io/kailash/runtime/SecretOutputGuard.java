package io.kailash.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node's injected secrets out of what the runtime passes on: the run's results, the inputs
 * of later nodes and the runtime's own error messages.
 *
 * <p>A secret goes only to the node that declared it. A node that returns it anyway (for example by
 * returning its inputs) gets every occurrence in its output strings, nested ones included, replaced
 * by {@value #MASK}, with a warning naming the node and output. Values derived from a secret (a
 * signature, a hash) pass unchanged.
 */
final class SecretOutputGuard {

  static final String MASK = "****";

  private static final Logger LOG = LoggerFactory.getLogger(SecretOutputGuard.class);

  private final List<String> secrets;

  SecretOutputGuard(Collection<String> secrets) {
    // An empty value would "occur" in every string.
    this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
  }

  /** {@code text} with every secret occurrence masked. */
  String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }

  /** A copy of {@code outputs} with secrets masked; logs which outputs carried one. */
  Map<String, Object> scrub(String nodeId, Map<String, Object> outputs) {
    Map<String, Object> clean = new LinkedHashMap<>();
    outputs.forEach(
        (name, value) -> {
          Object scrubbed = secrets.isEmpty() ? value : scrubValue(value);
          if (scrubbed != value) {
            LOG.warn(
                "Node '{}' returned one of its secrets in output '{}'; it was masked. A node"
                    + " should return values derived from its secrets, never the secrets.",
                nodeId,
                name);
          }
          clean.put(name, scrubbed);
        });
    return clean;
  }

  /** Returns {@code value} itself when it holds no secret, so callers can compare by identity. */
  private Object scrubValue(Object value) {
    if (value instanceof String text) {
      String masked = mask(text);
      return masked.equals(text) ? text : masked;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      boolean changed = false;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object scrubbed = scrubValue(entry.getValue());
        changed |= scrubbed != entry.getValue();
        copy.put(entry.getKey(), scrubbed);
      }
      return changed ? copy : value;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> copy = new ArrayList<>(collection.size());
      boolean changed = false;
      for (Object element : collection) {
        Object scrubbed = scrubValue(element);
        changed |= scrubbed != element;
        copy.add(scrubbed);
      }
      return changed ? copy : value;
    }
    return value;
  }
}

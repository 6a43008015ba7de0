package io.kailash.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the secrets injected in a run out of what the runtime passes on: the run's results, the
 * inputs of later nodes and the runtime's own error messages, whether {@code LocalRuntime} or the
 * agent injected them.
 *
 * <p>A secret goes only to the node that declared it. A node that returns it anyway (for example by
 * returning its inputs) gets every occurrence replaced by {@value #MASK}, with a warning naming the
 * node and output. Masked are {@code String}s and any other {@code CharSequence} (which become
 * strings), {@code char[]}, {@code byte[]} (UTF-8), {@code Optional}s, object arrays, maps and
 * collections, nested to any depth; a structure nested deeper than {@value #MAX_DEPTH} levels is
 * replaced by the mask as a whole. Values derived from a secret (a signature, a hash) pass
 * unchanged.
 */
final class SecretOutputGuard {

  static final String MASK = "****";

  private static final int MAX_DEPTH = 32;

  private static final Logger LOG = LoggerFactory.getLogger(SecretOutputGuard.class);

  private final List<String> secrets;

  SecretOutputGuard(Collection<String> secrets) {
    // An empty value would "occur" in every string.
    this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).distinct().toList();
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
          Object scrubbed = secrets.isEmpty() ? value : scrubValue(value, 0);
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
  private Object scrubValue(Object value, int depth) {
    if (value == null) {
      return null;
    }
    if (depth > MAX_DEPTH) {
      return MASK; // too deep to check: fail closed
    }
    if (value instanceof String text) {
      String masked = mask(text);
      return masked.equals(text) ? text : masked;
    }
    if (value instanceof CharSequence sequence) {
      String text = sequence.toString();
      String masked = mask(text);
      return masked.equals(text) ? value : masked;
    }
    if (value instanceof char[] chars) {
      String text = new String(chars);
      String masked = mask(text);
      return masked.equals(text) ? value : masked.toCharArray();
    }
    if (value instanceof byte[] bytes) {
      return scrubBytes(bytes);
    }
    if (value instanceof Optional<?> optional) {
      if (optional.isEmpty()) {
        return value;
      }
      Object scrubbed = scrubValue(optional.get(), depth + 1);
      return scrubbed == optional.get() ? value : Optional.of(scrubbed);
    }
    if (value instanceof Object[] array) {
      Object[] copy = new Object[array.length];
      boolean changed = false;
      for (int i = 0; i < array.length; i++) {
        copy[i] = scrubValue(array[i], depth + 1);
        changed |= copy[i] != array[i];
      }
      return changed ? copy : value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      boolean changed = false;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object key = scrubValue(entry.getKey(), depth + 1);
        Object scrubbed = scrubValue(entry.getValue(), depth + 1);
        changed |= scrubbed != entry.getValue() || key != entry.getKey();
        copy.put(key, scrubbed);
      }
      return changed ? copy : value;
    }
    if (value instanceof Collection<?> collection) {
      Collection<Object> copy =
          collection instanceof Set<?> ? new LinkedHashSet<>() : new ArrayList<>(collection.size());
      boolean changed = false;
      for (Object element : collection) {
        Object scrubbed = scrubValue(element, depth + 1);
        changed |= scrubbed != element;
        copy.add(scrubbed);
      }
      return changed ? copy : value;
    }
    return value;
  }

  private Object scrubBytes(byte[] bytes) {
    byte[] current = bytes;
    byte[] mask = MASK.getBytes(StandardCharsets.UTF_8);
    for (String secret : secrets) {
      byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
      int at = indexOf(current, needle, 0);
      while (at >= 0) {
        byte[] next = new byte[current.length - needle.length + mask.length];
        System.arraycopy(current, 0, next, 0, at);
        System.arraycopy(mask, 0, next, at, mask.length);
        System.arraycopy(
            current,
            at + needle.length,
            next,
            at + mask.length,
            current.length - at - needle.length);
        current = next;
        at = indexOf(current, needle, at + mask.length);
      }
    }
    return current;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * {@code thrown} itself when no message in its cause chain (or among suppressed exceptions) holds
   * a secret; otherwise a {@link MaskedException} copy of the chain, each with the original type's
   * name, masked message and stack trace.
   */
  Throwable maskChain(Throwable thrown) {
    if (thrown == null || secrets.isEmpty() || !chainHoldsSecret(thrown, 0)) {
      return thrown;
    }
    return MaskedException.copyOf(thrown, this::mask);
  }

  private boolean chainHoldsSecret(Throwable thrown, int depth) {
    if (thrown == null || depth > MAX_DEPTH) {
      return depth > MAX_DEPTH;
    }
    String text = thrown.toString();
    if (!mask(text).equals(text)) {
      return true;
    }
    for (Throwable suppressed : thrown.getSuppressed()) {
      if (chainHoldsSecret(suppressed, depth + 1)) {
        return true;
      }
    }
    return thrown.getCause() != thrown && chainHoldsSecret(thrown.getCause(), depth + 1);
  }

  @Override
  public String toString() {
    return "SecretOutputGuard[" + secrets.size() + " secrets]";
  }
}

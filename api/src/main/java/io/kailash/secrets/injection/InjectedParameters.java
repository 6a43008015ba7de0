package io.kailash.secrets.injection;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parameters a node's {@code run} receives: the caller's map overlaid with the node's secrets
 * and the parameters whose {@code {placeholders}} were filled.
 *
 * <p>The caller's map is never written to: the first write through this view copies it, so a node
 * that modifies its inputs keeps working. {@code toString} of the view, of its {@link #entrySet()},
 * of each entry and of {@link #values()} masks every injected or filled value.
 *
 * <p>The view remembers the node class it was resolved for. {@link #isResolvedFor(Class)} lets the
 * runtime and the agent see that secrets were already injected (by {@code LocalRuntime}, or by an
 * outer {@code run} that calls {@code super.run}) and not fetch them again.
 */
public final class InjectedParameters extends AbstractMap<String, Object> {

  static final String MASK = "****";

  private final Map<String, Object> callerParameters;
  private final Map<String, Object> injected;
  private final Class<?> resolvedFor;
  private Map<String, Object> copy;

  /**
   * @param callerParameters the caller's parameters, read but never modified
   * @param injected secret parameters and filled parameters, which win over the caller's
   * @param resolvedFor the node class whose requirements were resolved
   */
  public InjectedParameters(
      Map<String, Object> callerParameters, Map<String, Object> injected, Class<?> resolvedFor) {
    this.callerParameters = callerParameters;
    this.injected = injected;
    this.resolvedFor = resolvedFor;
  }

  /**
   * Whether these parameters already carry the secrets of {@code nodeClass}: only when they were
   * resolved for exactly that class. A node of any other class (a base-class instance created
   * inside a subclass's run, say) must get its own class's secrets, never another's.
   */
  public boolean isResolvedFor(Class<?> nodeClass) {
    return nodeClass == resolvedFor;
  }

  /**
   * The caller's parameters without what was injected or filled here: what another node class may
   * be given before its own secrets are added. Writes made through this view are kept, except to
   * the injected names.
   */
  public Map<String, Object> withoutInjected() {
    if (copy == null) {
      return callerParameters;
    }
    Map<String, Object> written = new LinkedHashMap<>(copy);
    written.keySet().removeAll(injected.keySet());
    return written;
  }

  /** The names of the parameters that were injected or filled; their values are secret. */
  public Set<String> injectedNames() {
    return injected.keySet();
  }

  @Override
  public Object get(Object key) {
    if (copy != null) {
      return copy.get(key);
    }
    Object value = injected.get(key);
    return value != null ? value : callerParameters.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    if (copy != null) {
      return copy.containsKey(key);
    }
    return injected.containsKey(key) || callerParameters.containsKey(key);
  }

  @Override
  public Object put(String key, Object value) {
    return writable().put(key, value);
  }

  @Override
  public Object remove(Object key) {
    return writable().remove(key);
  }

  @Override
  public void clear() {
    writable().clear();
  }

  /** The entries; an entry's {@code toString} masks an injected or filled value. */
  @Override
  public Set<Entry<String, Object>> entrySet() {
    Map<String, Object> backing = copy != null ? copy : merged();
    boolean writable = copy != null;
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        Iterator<Entry<String, Object>> entries = backing.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return entries.hasNext();
          }

          @Override
          public Entry<String, Object> next() {
            Entry<String, Object> entry = entries.next();
            return new MaskedEntry(entry, injected.containsKey(entry.getKey()), writable);
          }

          @Override
          public void remove() {
            if (!writable) {
              throw new UnsupportedOperationException("Use Map.remove on the parameters instead");
            }
            entries.remove();
          }
        };
      }

      @Override
      public int size() {
        return backing.size();
      }
    };
  }

  /** The values; the collection's {@code toString} masks injected and filled values. */
  @Override
  public Collection<Object> values() {
    Set<Entry<String, Object>> entries = entrySet();
    return new AbstractCollection<>() {
      @Override
      public Iterator<Object> iterator() {
        Iterator<Entry<String, Object>> iterator = entries.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return iterator.hasNext();
          }

          @Override
          public Object next() {
            return iterator.next().getValue();
          }
        };
      }

      @Override
      public int size() {
        return entries.size();
      }

      @Override
      public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (Entry<String, Object> entry : entries) {
          if (out.length() > 1) {
            out.append(", ");
          }
          out.append(masked(entry));
        }
        return out.append(']').toString();
      }
    };
  }

  private Object masked(Entry<String, Object> entry) {
    return injected.containsKey(entry.getKey()) ? MASK : entry.getValue();
  }

  private Map<String, Object> merged() {
    Map<String, Object> merged = new LinkedHashMap<>(callerParameters);
    merged.putAll(injected);
    return merged;
  }

  private Map<String, Object> writable() {
    if (copy == null) {
      copy = merged();
    }
    return copy;
  }

  /** Like a map's {@code toString}, with every injected or filled value masked. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (Entry<String, Object> entry : entrySet()) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(entry.getKey()).append('=').append(masked(entry));
    }
    return out.append('}').toString();
  }
}

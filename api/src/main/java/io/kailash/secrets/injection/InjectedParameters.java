package io.kailash.secrets.injection;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretTemplate;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The parameters a node's {@code run} receives: the caller's map overlaid with the node's secrets
 * and the parameters whose {@code {placeholders}} were filled.
 *
 * <p>Building it reads nothing of the caller's map. Over {@link NodeInputs} the author's templates
 * were filled before (they are few and known by name); over any other map a {@link
 * io.kailash.secrets.SecretTemplate} value is filled when the node reads it, and the caller's keys
 * and nested maps are checked ({@link ParameterShape}) only when the view walks them (printing,
 * iterating, comparing, reading a map or list value): a map that contains itself, is nested deeper
 * than {@link ParameterShape#MAX_DEPTH} levels or has a non-String key then fails with {@code
 * SecretBackendException} ({@code INVALID_REQUEST}), never with a {@code StackOverflowError}.
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

  /**
   * Non-null: the caller's map is not {@link NodeInputs}, and its {@link SecretTemplate} values are
   * filled when read (see {@link #readTemplate}); this hears undeclared placeholders.
   */
  private final InjectionListener templateListener;

  private Map<String, Object> copy;

  /** The template-capable values read so far, as the node sees them; created on the first one. */
  private Map<Object, Object> readTemplates;

  /** The names among them whose value was filled, masked like the secrets. */
  private Set<Object> filledNames;

  /**
   * @param callerParameters the caller's parameters, read but never modified
   * @param injected secret parameters and filled parameters, which win over the caller's
   * @param resolvedFor the node class whose requirements were resolved
   */
  public InjectedParameters(
      Map<String, Object> callerParameters, Map<String, Object> injected, Class<?> resolvedFor) {
    this(callerParameters, injected, resolvedFor, null);
  }

  /**
   * A view over a map that is not {@link NodeInputs} (a direct {@code node.run} call), built
   * without reading the caller's parameters at all: a {@link SecretTemplate} value is filled when
   * the node reads it, and a map or list value is checked for its shape ({@link ParameterShape})
   * only when the view recurses into it. So the warm call costs the same with 2 or 20 parameters.
   *
   * @param secrets the node's secret parameters and their values
   * @param templateListener hears placeholders that name no declared secret, when they are read
   */
  InjectedParameters(
      Map<String, Object> callerParameters,
      Map<String, Object> secrets,
      Class<?> resolvedFor,
      InjectionListener templateListener) {
    this.callerParameters = callerParameters;
    this.injected = secrets;
    this.resolvedFor = resolvedFor;
    this.templateListener = templateListener;
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
    if (filledNames != null) {
      written.keySet().removeAll(filledNames);
    }
    return written;
  }

  /** The names of the parameters that were injected or filled; their values are secret. */
  public Set<String> injectedNames() {
    if (templateListener != null && copy == null) {
      merged(); // reads every value once, so every SecretTemplate is known
    }
    if (filledNames == null) {
      return injected.keySet();
    }
    Set<String> names = new LinkedHashSet<>(injected.keySet());
    for (Object name : filledNames) {
      names.add((String) name); // merged() checked that every key is a String
    }
    return names;
  }

  @Override
  public Object get(Object key) {
    if (copy != null) {
      return copy.get(key);
    }
    Object value = injected.get(key);
    if (value != null) {
      return value;
    }
    value = callerParameters.get(key);
    return templateListener != null && PlaceholderFiller.mayHoldSecretTemplate(value)
        ? readTemplate(key, value)
        : value;
  }

  /**
   * {@code value} of the caller's {@code key} as the node sees it: a {@link SecretTemplate}, also
   * one nested in a map or list, filled. Once per key and view, so a value read twice is the same
   * object. A map or list is checked before it is walked: one that contains itself or is nested too
   * deep fails here, as {@code INVALID_REQUEST}, instead of overflowing the stack.
   */
  private Object readTemplate(Object key, Object value) {
    if (readTemplates != null && readTemplates.containsKey(key)) {
      return readTemplates.get(key);
    }
    try {
      ParameterShape.checkValue(value);
    } catch (IllegalArgumentException badShape) {
      throw cannotTakeSecrets(badShape.getMessage());
    }
    Object filled =
        PlaceholderFiller.fillSecretTemplates(value, injected, resolvedFor, templateListener);
    if (readTemplates == null) {
      readTemplates = new HashMap<>();
    }
    readTemplates.put(key, filled);
    if (filled != value) {
      if (filledNames == null) {
        filledNames = new LinkedHashSet<>();
      }
      filledNames.add(key);
    }
    return filled;
  }

  private SecretBackendException cannotTakeSecrets(String why) {
    return new SecretBackendException(
        AgentProtocol.AGENT,
        null,
        SecretBackendException.Reason.INVALID_REQUEST,
        "The parameters of node class "
            + resolvedFor.getName()
            + " cannot take its secrets: "
            + why
            + ".");
  }

  /** Whether {@code name}'s value is a secret or was filled from one: masked when printed. */
  private boolean isInjected(Object name) {
    return injected.containsKey(name) || (filledNames != null && filledNames.contains(name));
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
            return new MaskedEntry(entry, isInjected(entry.getKey()), writable);
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
    return isInjected(entry.getKey()) ? MASK : entry.getValue();
  }

  @SuppressWarnings("unchecked") // walked as Map<?, Object>: a raw caller map may hold other keys
  private Map<String, Object> merged() {
    Map<String, Object> merged = new LinkedHashMap<>(callerParameters);
    if (templateListener != null) {
      // Every entry of a map the view was built without reading: its keys' type and its templates.
      for (Entry<?, Object> entry : ((Map<?, Object>) (Map<?, ?>) merged).entrySet()) {
        Object key = entry.getKey();
        if (!(key instanceof String)) {
          throw cannotTakeSecrets(
              "a parameter map has a key of type "
                  + (key == null ? "null" : key.getClass().getName())
                  + "; parameter names must be Strings");
        }
        Object value = entry.getValue();
        if (!injected.containsKey(key) && PlaceholderFiller.mayHoldSecretTemplate(value)) {
          entry.setValue(readTemplate(key, value));
        }
      }
    }
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

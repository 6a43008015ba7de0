package io.kailash.secrets;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resolved secrets by parameter, as {@link SecretProvider#getSecrets} returns them: a read-only map
 * whose {@code toString}, and that of its entries, entry set and values, prints {@code ****} for
 * every value, so logging the map shows which parameters were resolved and nothing else.
 */
public final class SecretValues extends AbstractMap<String, String> {

  private static final String MASK = "****";

  private final Map<String, String> values;

  /** A copy of {@code values}, in their order. */
  public SecretValues(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  @Override
  public String get(Object key) {
    return values.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return values.containsKey(key);
  }

  @Override
  public int size() {
    return values.size();
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        Iterator<Entry<String, String>> entries = values.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return entries.hasNext();
          }

          @Override
          public Entry<String, String> next() {
            return new MaskedEntry(entries.next());
          }
        };
      }

      @Override
      public int size() {
        return values.size();
      }
    };
  }

  @Override
  public Collection<String> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<String> iterator() {
        return values.values().iterator();
      }

      @Override
      public int size() {
        return values.size();
      }

      @Override
      public String toString() {
        return Collections.nCopies(values.size(), MASK).toString();
      }
    };
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (String parameter : values.keySet()) {
      out.append(out.length() > 1 ? ", " : "").append(parameter).append('=').append(MASK);
    }
    return out.append('}').toString();
  }

  /** An entry that keeps its value but prints it masked. */
  private record MaskedEntry(Entry<String, String> entry) implements Entry<String, String> {
    @Override
    public String getKey() {
      return entry.getKey();
    }

    @Override
    public String getValue() {
      return entry.getValue();
    }

    @Override
    public String setValue(String value) {
      throw new UnsupportedOperationException("resolved secrets are read-only");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Entry<?, ?> that
          && Objects.equals(getKey(), that.getKey())
          && Objects.equals(getValue(), that.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + MASK;
    }
  }
}

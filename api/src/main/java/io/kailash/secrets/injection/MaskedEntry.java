package io.kailash.secrets.injection;

import java.util.Map;
import java.util.Objects;

/** A map entry that prints {@code ****} instead of its value when the value is a secret. */
final class MaskedEntry implements Map.Entry<String, Object> {

  private final Map.Entry<String, Object> entry;
  private final boolean secret;
  private final boolean writable;

  MaskedEntry(Map.Entry<String, Object> entry, boolean secret, boolean writable) {
    this.entry = entry;
    this.secret = secret;
    this.writable = writable;
  }

  @Override
  public String getKey() {
    return entry.getKey();
  }

  @Override
  public Object getValue() {
    return entry.getValue();
  }

  @Override
  public Object setValue(Object value) {
    if (!writable) {
      throw new UnsupportedOperationException("Use Map.put on the parameters instead");
    }
    return entry.setValue(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Map.Entry<?, ?> that
        && Objects.equals(getKey(), that.getKey())
        && Objects.equals(getValue(), that.getValue());
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
  }

  @Override
  public String toString() {
    return getKey() + "=" + (secret ? InjectedParameters.MASK : getValue());
  }
}

package io.kailash.secrets.internal;

import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SettingsSupport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjIntConsumer;

/**
 * A builder's configuration keys, each written once with the setter it feeds: the set of keys and
 * {@code settings(ProviderSettings)} are both derived from it, so they cannot drift apart. Keys are
 * applied in the order they were bound, through {@link SettingsSupport} (absent keys leave the
 * builder's default, a bad value is an error naming the full key).
 *
 * @param <B> the builder
 */
public final class KeyBindings<B> {

  private final Map<String, BiConsumer<ProviderSettings, B>> bindings = new LinkedHashMap<>();

  public KeyBindings<B> duration(String key, BiConsumer<B, Duration> setter) {
    return bind(
        key, (settings, b) -> SettingsSupport.duration(settings, key, d -> setter.accept(b, d)));
  }

  public KeyBindings<B> integer(String key, ObjIntConsumer<B> setter) {
    return bind(
        key, (settings, b) -> SettingsSupport.integer(settings, key, i -> setter.accept(b, i)));
  }

  /** A fraction written as {@code 0.8} or {@code 80%}. */
  public KeyBindings<B> fraction(String key, ObjDoubleConsumer<B> setter) {
    return bind(
        key, (settings, b) -> SettingsSupport.fraction(settings, key, f -> setter.accept(b, f)));
  }

  /** The bound keys and {@code readByCaller} (keys such as {@code enabled} that others read). */
  public Set<String> keys(String... readByCaller) {
    Set<String> keys = new LinkedHashSet<>(bindings.keySet());
    keys.addAll(List.of(readByCaller));
    return Set.copyOf(keys);
  }

  /** Applies every bound key present in {@code settings} to {@code builder}. */
  public void apply(ProviderSettings settings, B builder) {
    bindings.values().forEach(binding -> binding.accept(settings, builder));
  }

  private KeyBindings<B> bind(String key, BiConsumer<ProviderSettings, B> binding) {
    if (bindings.putIfAbsent(key, binding) != null) {
      throw new IllegalStateException("key bound twice: " + key);
    }
    return this;
  }
}

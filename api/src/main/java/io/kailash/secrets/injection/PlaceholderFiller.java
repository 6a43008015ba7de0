package io.kailash.secrets.injection;

import io.kailash.secrets.SecretTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {param}} placeholders, e.g. {@code "Bearer {api_token}"}, from a node's declared
 * secrets only, and only in templates the workflow's author chose:
 *
 * <ul>
 *   <li>plain strings in the author's own {@code addNode} parameters ({@link
 *       NodeInputs#templateParameters()}), nested maps and lists included;
 *   <li>{@link SecretTemplate} values anywhere in the parameters, which become the filled string.
 * </ul>
 *
 * <p>Any other string (a run-time override, another node's output, a map given to {@code run}
 * directly) is left literal: untrusted text can never pull a secret. A placeholder that names no
 * declared secret parameter stays as written and is reported by name to the listener, so the caller
 * can log it (without values). Nothing is allocated unless a placeholder is filled.
 */
public final class PlaceholderFiller {

  /**
   * In a holder, compiled when a string with a '{' is first filled: compiling it when this class
   * loads would load the regex engine on the agent's first node call for parameters that have no
   * placeholder at all (issue 16).
   */
  private static final class Syntax {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");
  }

  private PlaceholderFiller() {}

  /**
   * @param parameters the node's parameters, not modified
   * @param secrets declared secret parameter to value
   * @param nodeClass the node class, passed on to the listener
   * @param listener hears each placeholder name that is not a declared secret parameter
   * @return the top-level parameters whose value changed, with their filled values; an empty
   *     immutable map when nothing changed
   */
  public static Map<String, Object> fill(
      Map<String, ?> parameters,
      Map<String, ?> secrets,
      Class<?> nodeClass,
      InjectionListener listener) {
    if (!anyMayHavePlaceholders(parameters)) {
      return Map.of(); // the common case, checked without touching entries
    }
    Set<String> templates = NodeInputs.templateParametersOf(parameters);
    Map<String, Object> changed = null;
    for (Map.Entry<String, ?> entry : parameters.entrySet()) {
      Object original = entry.getValue();
      if (!mayHavePlaceholders(original) || secrets.containsKey(entry.getKey())) {
        continue; // no placeholder here, or a secret parameter, which is replaced, not filled
      }
      boolean authorsTemplate = templates.contains(entry.getKey());
      Object filled = fillValue(original, authorsTemplate, secrets, nodeClass, listener);
      if (filled != original) {
        if (changed == null) {
          changed = new LinkedHashMap<>();
        }
        changed.put(entry.getKey(), filled);
      }
    }
    return changed == null ? Map.of() : changed;
  }

  private static boolean anyMayHavePlaceholders(Map<String, ?> parameters) {
    for (Object value : parameters.values()) {
      if (mayHavePlaceholders(value)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any string in {@code value} (or nested in it) may hold a placeholder. */
  public static boolean mayHavePlaceholders(Object value) {
    if (value instanceof String s) {
      return s.indexOf('{') >= 0;
    }
    return value instanceof Map || value instanceof List || value instanceof SecretTemplate;
  }

  /**
   * Whether {@code value} is or may contain a {@link SecretTemplate}: what {@link
   * InjectedParameters} fills when a node reads it from a map that is not {@link NodeInputs}.
   */
  static boolean mayHoldSecretTemplate(Object value) {
    return value instanceof SecretTemplate || value instanceof Map || value instanceof List;
  }

  /**
   * One value of a map that is not {@link NodeInputs}, with its {@link SecretTemplate}s (also
   * nested ones) filled; plain strings stay literal. The caller checks the value's shape first.
   *
   * @return {@code value} itself when nothing was filled
   */
  static Object fillSecretTemplates(
      Object value, Map<String, ?> secrets, Class<?> nodeClass, InjectionListener listener) {
    return fillValue(value, false, secrets, nodeClass, listener);
  }

  /**
   * Returns {@code value} itself when nothing was filled, so callers can compare by identity.
   *
   * @param authorsTemplate whether plain strings in {@code value} are the author's templates
   */
  private static Object fillValue(
      Object value,
      boolean authorsTemplate,
      Map<String, ?> secrets,
      Class<?> nodeClass,
      InjectionListener listener) {
    if (value instanceof SecretTemplate template) {
      return fillString(template.template(), secrets, nodeClass, listener);
    }
    if (value instanceof String text) {
      return authorsTemplate ? fillString(text, secrets, nodeClass, listener) : text;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = null;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object filled = fillValue(entry.getValue(), authorsTemplate, secrets, nodeClass, listener);
        if (filled != entry.getValue() && copy == null) {
          copy = new LinkedHashMap<>(map);
        }
        if (copy != null) {
          copy.put(entry.getKey(), filled);
        }
      }
      return copy == null ? value : copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = null;
      for (int i = 0; i < list.size(); i++) {
        Object filled = fillValue(list.get(i), authorsTemplate, secrets, nodeClass, listener);
        if (filled != list.get(i) && copy == null) {
          copy = new ArrayList<>(list);
        }
        if (copy != null) {
          copy.set(i, filled);
        }
      }
      return copy == null ? value : copy;
    }
    return value;
  }

  private static Object fillString(
      String text, Map<String, ?> secrets, Class<?> nodeClass, InjectionListener listener) {
    if (text.indexOf('{') < 0) {
      return text;
    }
    Matcher matcher = Syntax.PLACEHOLDER.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (matcher.find()) {
      String name = matcher.group(1);
      Object secret = secrets.get(name);
      if (secret == null) {
        listener.undeclaredPlaceholder(nodeClass, name);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 32);
      }
      out.append(text, last, matcher.start()).append(secret);
      last = matcher.end();
    }
    if (out == null) {
      return text;
    }
    return out.append(text, last, text.length()).toString();
  }

  /** The placeholder names in {@code text}, for diagnostics. */
  public static Set<String> placeholdersIn(String text) {
    Set<String> names = new java.util.LinkedHashSet<>();
    Matcher matcher = Syntax.PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}

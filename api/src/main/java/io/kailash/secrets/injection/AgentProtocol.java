package io.kailash.secrets.injection;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of what crosses between the agent and the woven code: a versioned, keyed
 * {@code Map<String, Object>} of JDK types, built by the agent (with its own copy of this class)
 * and read by the application's copy in {@link AgentHandoff}. Nothing else encodes or decodes it.
 *
 * <p>Every answer has {@value #PROTOCOL_KEY} = {@link #PROTOCOL} and {@value #OUTCOME} = one of
 * {@value #SECRETS} (with {@value #SECRETS}: parameter to value), {@value #PROCEED} (run with the
 * caller's parameters, {@code on-internal-error=proceed}), {@value #NOT_FOUND} ({@value #DETAIL},
 * {@value #PROVIDERS}, {@value #MISSING_NAMES}, {@value #MISSING_VERSIONS}) or {@value #BACKEND}
 * ({@value #PROVIDER}, {@value #SECRET}, {@value #REASON}, {@value #MESSAGE}). Messages never hold
 * a value.
 */
public final class AgentProtocol {

  /** Change whenever an answer's keys or a method the agent calls or weaves changes. */
  public static final String PROTOCOL = "kailash-secrets-protocol-3";

  static final String PROTOCOL_KEY = "protocol";
  static final String OUTCOME = "outcome";
  static final String SECRETS = "secrets";
  static final String PROCEED = "proceed";
  static final String NOT_FOUND = "not-found";
  static final String BACKEND = "backend";
  static final String DETAIL = "detail";
  static final String PROVIDERS = "providers";
  static final String MISSING_NAMES = "missing-names";
  static final String MISSING_VERSIONS = "missing-versions";
  static final String PROVIDER = "provider";
  static final String SECRET = "secret";
  static final String REASON = "reason";
  static final String MESSAGE = "message";

  /** The provider named in failures of the agent itself. */
  public static final String AGENT = "kailash-secrets-agent";

  private AgentProtocol() {}

  /** Run with these secrets (parameter to value). */
  public static Map<String, Object> secrets(Map<String, String> byParameter) {
    Map<String, Object> answer = answer(SECRETS);
    answer.put(SECRETS, Collections.unmodifiableMap(new LinkedHashMap<>(byParameter)));
    return Collections.unmodifiableMap(answer);
  }

  /** Run with the caller's parameters unchanged. */
  public static Map<String, Object> proceed() {
    return Collections.unmodifiableMap(answer(PROCEED));
  }

  public static Map<String, Object> notFound(SecretNotFoundException e) {
    Map<String, Object> answer = answer(NOT_FOUND);
    List<String> names = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    for (SecretRef ref : e.missing()) {
      names.add(ref.name());
      versions.add(ref.version());
    }
    answer.put(DETAIL, e.detail());
    answer.put(PROVIDERS, List.copyOf(e.providersTried()));
    answer.put(MISSING_NAMES, Collections.unmodifiableList(names));
    answer.put(MISSING_VERSIONS, Collections.unmodifiableList(versions));
    return Collections.unmodifiableMap(answer);
  }

  public static Map<String, Object> backend(SecretBackendException e) {
    return backend(e.provider(), e.secretName(), e.reason(), e.detail()); // read() frames it again
  }

  public static Map<String, Object> backend(
      String provider, String secretName, SecretBackendException.Reason reason, String message) {
    Map<String, Object> answer = answer(BACKEND);
    answer.put(PROVIDER, provider);
    answer.put(SECRET, secretName);
    answer.put(REASON, reason.name());
    answer.put(MESSAGE, message);
    return Collections.unmodifiableMap(answer);
  }

  /**
   * The secrets to run with ({@code null}: run with the caller's parameters), read from an answer.
   *
   * @throws SecretNotFoundException if the agent reports missing required secrets
   * @throws SecretBackendException if it reports a backend failure, or the answer is none this
   *     version can read (no answer, another protocol): failing closed
   */
  @SuppressWarnings("unchecked")
  static Map<String, String> read(Object agentAnswer) {
    if (!(agentAnswer instanceof Map<?, ?> answer) || !PROTOCOL.equals(answer.get(PROTOCOL_KEY))) {
      throw new SecretBackendException(
          AGENT,
          null,
          SecretBackendException.Reason.INTERNAL,
          "the agent gave "
              + (agentAnswer == null ? "no answer" : "an answer of another protocol")
              + "; use an agent and api jar of the same release (protocol "
              + PROTOCOL
              + ").");
    }
    Object outcome = answer.get(OUTCOME);
    if (SECRETS.equals(outcome)) {
      return (Map<String, String>) answer.get(SECRETS);
    }
    if (PROCEED.equals(outcome)) {
      return null;
    }
    if (NOT_FOUND.equals(outcome)) {
      List<String> names = (List<String>) answer.get(MISSING_NAMES);
      List<String> versions = (List<String>) answer.get(MISSING_VERSIONS);
      List<SecretRef> missing = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        missing.add(new SecretRef(names.get(i), versions.get(i)));
      }
      throw new SecretNotFoundException(
          missing, (List<String>) answer.get(PROVIDERS), (String) answer.get(DETAIL));
    }
    throw new SecretBackendException(
        (String) answer.get(PROVIDER),
        (String) answer.get(SECRET),
        reason((String) answer.get(REASON)),
        (String) answer.get(MESSAGE));
  }

  /** The secrets of a starting run as {@code name, version} pairs, for {@code beforeRun}. */
  public static String[] refs(Iterable<SecretRef> refs) {
    List<String> flat = new ArrayList<>();
    for (SecretRef ref : refs) {
      flat.add(ref.name());
      flat.add(ref.version());
    }
    return flat.toArray(new String[0]);
  }

  /** The inverse of {@link #refs(Iterable)}. */
  public static List<SecretRef> refs(String[] pairs) {
    List<SecretRef> refs = new ArrayList<>(pairs.length / 2);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      refs.add(new SecretRef(pairs[i], pairs[i + 1]));
    }
    return refs;
  }

  private static Map<String, Object> answer(String outcome) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put(PROTOCOL_KEY, PROTOCOL);
    answer.put(OUTCOME, outcome);
    return answer;
  }

  private static SecretBackendException.Reason reason(String name) {
    try {
      return SecretBackendException.Reason.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return SecretBackendException.Reason.INTERNAL;
    }
  }
}

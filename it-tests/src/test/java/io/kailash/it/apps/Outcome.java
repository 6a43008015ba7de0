package io.kailash.it.apps;

import java.util.Map;

/**
 * How the test applications report what a node received, without ever printing a value: they
 * compare it with the environment variable the env provider reads it from.
 */
public final class Outcome {

  private Outcome() {}

  /** "injected", "absent" or "wrong" for the parameter that should carry {@code secretEnvName}. */
  public static String of(Map<String, Object> inputs, String parameter, String secretEnvName) {
    Object value = inputs.get(parameter);
    if (value == null) {
      return "absent";
    }
    return value.equals(System.getenv(secretEnvName)) ? "injected" : "wrong";
  }

  /** "filled" when {@code "Bearer {param}"} became {@code "Bearer <secret>"}, else "unfilled". */
  public static String header(Map<String, Object> inputs, String secretEnvName) {
    return ("Bearer " + System.getenv(secretEnvName)).equals(inputs.get("header"))
        ? "filled"
        : "unfilled";
  }
}

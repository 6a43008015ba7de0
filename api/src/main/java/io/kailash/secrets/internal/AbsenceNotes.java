package io.kailash.secrets.internal;

import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps, per thread, why a provider's batch read left a secret out, so that the not-found exception
 * built from the batch's answer can still say it ("env: environment variable
 * KAILASH_SECRET_JWT_SIGNING_KEY is not set"). A batch answers with the values it found only; the
 * reason each absent secret was given would otherwise be lost between {@link
 * io.kailash.secrets.SecretProvider#getSecretValues} and {@link SecretRequests#toParameters}.
 *
 * <p>Notes are written only when a secret is absent, never on the path that finds one, and are
 * names and reasons only, never a value.
 */
public final class AbsenceNotes {

  /** Notes a thread keeps at most: reads that nobody turns into an exception leave theirs. */
  private static final int MAX_NOTES = 32;

  private static final ThreadLocal<Map<SecretRef, String>> NOTES = new ThreadLocal<>();

  private AbsenceNotes() {}

  /** Remembers why {@code provider} did not find {@code ref}; nothing for an empty detail. */
  public static void note(SecretRef ref, String provider, String detail) {
    if (detail == null || detail.isEmpty()) {
      return;
    }
    Map<SecretRef, String> notes = NOTES.get();
    if (notes == null) {
      notes = new HashMap<>();
      NOTES.set(notes);
    } else if (notes.size() >= MAX_NOTES) {
      notes.clear();
    }
    notes.put(ref, provider + ": " + detail);
  }

  /** The notes for {@code missing}, joined with "; " ("" for none), each forgotten once taken. */
  public static String take(List<SecretRef> missing) {
    Map<SecretRef, String> notes = NOTES.get();
    if (notes == null) {
      return "";
    }
    List<String> details = new ArrayList<>();
    for (SecretRef ref : missing) {
      String detail = notes.remove(ref);
      if (detail != null) {
        details.add(detail);
      }
    }
    if (notes.isEmpty()) {
      NOTES.remove();
    }
    return String.join("; ", details);
  }
}

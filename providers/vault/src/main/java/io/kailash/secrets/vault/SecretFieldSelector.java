package io.kailash.secrets.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.internal.UntrustedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the value of one field of a KV secret. With {@code #field} that field; without it the only
 * field, or else a field named {@code value}. Errors list field names, never values.
 */
final class SecretFieldSelector {

  /** The field read when a secret has several and the name does not pick one. */
  static final String DEFAULT_FIELD = "value";

  private SecretFieldSelector() {}

  /**
   * @param fields the secret's data object
   * @param field the field asked for, or null
   * @return the field as text: strings as they are, numbers and booleans as their JSON text,
   *     objects and arrays as a JSON document
   * @throws SecretNotFoundException if the asked field is absent or null
   * @throws SecretBackendException INVALID_REQUEST if no field was asked and none can be chosen
   */
  static String select(JsonNode fields, String field, SecretRef ref, String provider) {
    List<String> names = new ArrayList<>();
    fields.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    String chosen = field != null ? field : choose(names, ref, provider);
    JsonNode value = fields.get(chosen);
    if (value == null || value.isNull()) {
      String state = value == null ? "has no field '" : "has a null field '";
      throw new SecretNotFoundException(
          ref,
          provider,
          "the secret "
              + state
              + UntrustedText.quote(chosen)
              + "'; its fields: ["
              + UntrustedText.quote(String.join(", ", names))
              + "]");
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static String choose(List<String> names, SecretRef ref, String provider) {
    if (names.size() == 1) {
      return names.get(0);
    }
    if (names.contains(DEFAULT_FIELD)) {
      return DEFAULT_FIELD;
    }
    if (names.isEmpty()) {
      throw new SecretNotFoundException(ref, provider, "the secret has no fields");
    }
    throw new SecretBackendException(
        provider,
        ref.name(),
        SecretBackendException.Reason.INVALID_REQUEST,
        "the secret has the fields ["
            + UntrustedText.quote(String.join(", ", names))
            + "]"
            + " and the name does not pick one. Add '#<field>' to the name, e.g. '"
            + ref.name()
            + "#"
            + names.get(0)
            + "'.");
  }
}

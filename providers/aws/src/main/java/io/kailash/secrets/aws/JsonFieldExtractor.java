package io.kailash.secrets.aws;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.internal.UntrustedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one top-level field of a JSON object secret, as in {@code db-creds#password}.
 *
 * <p>A string field gives its text, a number or boolean its JSON text, a nested object or array its
 * compact JSON; a {@code null} field counts as missing. Jackson's parse errors quote the input, so
 * they are never passed on: neither as message nor as cause.
 */
final class JsonFieldExtractor {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private JsonFieldExtractor() {}

  /**
   * @param json the secret's whole value
   * @param ref the secret being read, named in errors
   * @throws SecretNotFoundException if the object has no such field; the detail lists the field
   *     names it does have
   * @throws SecretBackendException with {@link SecretBackendException.Reason#INVALID_REQUEST} if
   *     the value is not a JSON object
   */
  static String field(String json, String field, SecretRef ref, String provider) {
    JsonNode root = parse(json, ref, provider);
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new SecretNotFoundException(
          ref,
          provider,
          "the JSON secret has no field '"
              + UntrustedText.quote(field)
              + "'; its fields are "
              + names(root));
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static JsonNode parse(String json, SecretRef ref, String provider) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException notJson) {
      throw notAnObject(ref, provider, "is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw notAnObject(ref, provider, "is not a JSON object");
    }
    return root;
  }

  private static String names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "(none)" : "[" + UntrustedText.quote(String.join(", ", names)) + "]";
  }

  private static SecretBackendException notAnObject(SecretRef ref, String provider, String what) {
    return new SecretBackendException(
        provider,
        ref.toString(),
        SecretBackendException.Reason.INVALID_REQUEST,
        "the secret "
            + what
            + ", so a '#field' cannot be read from it. Store a JSON object, or drop '#field' to"
            + " read the whole value.");
  }
}

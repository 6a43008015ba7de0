package io.kailash.secrets.files;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one top-level field of a JSON object file, for {@code name#field}. Uses the api's Jackson,
 * in this class only, so that reading whole files never loads it.
 *
 * <p>A string field gives its text, a number or boolean its JSON text, an object or array its
 * compact JSON; an absent or {@code null} field is "not found", with the field names (never the
 * values) in the detail. Jackson's parse errors quote the input, so they are never passed on.
 */
final class JsonFileField {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private JsonFileField() {}

  static String read(String content, SecretRef ref, SecretFileName file, FileFailures.Reading in) {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (JacksonException notJson) {
      root = null;
    }
    String where = "'" + file.relativePath() + "' in " + in.directory();
    if (root == null || !root.isObject()) {
      throw FileFailures.refused(
          ref,
          in,
          Reason.INVALID_RESPONSE,
          where
              + " is not a JSON object, so the field '"
              + file.field()
              + "' cannot be read from it. Store a JSON object, or drop '#"
              + file.field()
              + "' to read the whole file.");
    }
    JsonNode node = root.get(file.field());
    if (node == null || node.isNull()) {
      List<String> names = new ArrayList<>();
      root.fieldNames().forEachRemaining(names::add);
      throw FileFailures.absent(
          ref,
          in.provider(),
          "the JSON file " + where + " has no field '" + file.field() + "'; its fields: " + names);
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}

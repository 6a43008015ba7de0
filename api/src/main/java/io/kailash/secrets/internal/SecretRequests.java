package io.kailash.secrets.internal;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.SecretValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps resolved secret values back to the requirements that asked for them. */
public final class SecretRequests {

  private SecretRequests() {}

  /**
   * @param values resolved values by secret; absent secrets have no entry
   * @param providersTried the providers that were asked, for the not-found message
   * @return parameter to value for every requirement whose secret was found, read-only, printing
   *     masked values ({@link SecretValues})
   * @throws SecretNotFoundException naming every required secret that has no value
   */
  public static Map<String, String> toParameters(
      Collection<SecretRequest> requirements,
      Map<SecretRef, String> values,
      List<String> providersTried) {
    Map<String, String> parameters = new LinkedHashMap<>();
    List<SecretRef> missing = new ArrayList<>();
    for (SecretRequest request : requirements) {
      String value = values.get(request.ref());
      if (value != null) {
        parameters.put(request.parameter(), value);
      } else if (!request.optional() && !missing.contains(request.ref())) {
        missing.add(request.ref());
      }
    }
    if (!missing.isEmpty()) {
      throw new SecretNotFoundException(missing, providersTried, AbsenceNotes.take(missing));
    }
    return new SecretValues(parameters);
  }
}

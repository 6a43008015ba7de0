package io.kailash.secrets.agent.internal.check;

import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.internal.ConfiguredRequirements;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code requirements.<class>} keys applied to the scanned class files as the agent applies
 * them to loaded classes: a configured class declares its configured secrets after its annotated
 * ones (so its subclasses inherit them), and a parameter both configured and annotated in one
 * hierarchy is an error.
 */
final class ConfiguredInScan {

  private ConfiguredInScan() {}

  /** The scan with each configured class's requirements added to what it declares itself. */
  static Map<String, ScannedClass> merge(
      Map<String, ScannedClass> classes, ConfiguredRequirements configured) {
    Map<String, ScannedClass> merged = new LinkedHashMap<>(classes);
    for (String className : configured.classNames()) {
      ScannedClass scanned = classes.get(className);
      if (scanned == null) {
        continue;
      }
      List<ScannedClass.DeclaredSecret> declared = new ArrayList<>(scanned.declared());
      for (SecretRequest request : configured.forClass(className)) {
        declared.add(
            new ScannedClass.DeclaredSecret(
                request.name(), request.parameter(), request.optional(), request.version()));
      }
      merged.put(
          className,
          new ScannedClass(
              scanned.name(), scanned.superName(), scanned.concrete(), List.copyOf(declared)));
    }
    return merged;
  }

  /** The configured classes the scan does not hold, one note each: fine if never loaded. */
  static List<String> notFound(
      Map<String, ScannedClass> classes, ConfiguredRequirements configured) {
    List<String> notes = new ArrayList<>();
    for (String className : configured.classNames()) {
      if (!classes.containsKey(className)) {
        notes.add(
            "requirements."
                + className
                + ": no such class in the scanned application; if it is loaded from elsewhere"
                + " this is fine, otherwise check the name (a nested class is Outer$Inner).");
      }
    }
    notes.sort(null);
    return notes;
  }

  /**
   * Each parameter configuration declares for a class that an annotation in the same hierarchy (the
   * class, a superclass or a subclass in the scan) declares too, with the agent's message.
   */
  static List<String> clashes(
      Map<String, ScannedClass> classes, ConfiguredRequirements configured) {
    Set<String> clashes = new LinkedHashSet<>();
    for (ScannedClass candidate : classes.values()) {
      Map<String, String> annotatedBy = new LinkedHashMap<>();
      Map<String, String> configuredFor = new LinkedHashMap<>();
      Set<String> seen = new HashSet<>();
      for (ScannedClass c = candidate;
          c != null && seen.add(c.name());
          c = c.superName() == null ? null : classes.get(c.superName())) {
        for (ScannedClass.DeclaredSecret secret : c.declared()) {
          annotatedBy.putIfAbsent(secret.parameter(), c.name());
        }
        for (SecretRequest request : configured.forClass(c.name())) {
          configuredFor.putIfAbsent(request.parameter(), c.name());
        }
      }
      for (Map.Entry<String, String> configuredParameter : configuredFor.entrySet()) {
        String annotatedClass = annotatedBy.get(configuredParameter.getKey());
        if (annotatedClass != null) {
          clashes.add(
              "requirements."
                  + configuredParameter.getValue()
                  + " declares the parameter '"
                  + configuredParameter.getKey()
                  + "', which @SecretRequirement on "
                  + annotatedClass
                  + " declares too; each parameter can be filled by one secret only.");
        }
      }
    }
    return List.copyOf(clashes);
  }
}

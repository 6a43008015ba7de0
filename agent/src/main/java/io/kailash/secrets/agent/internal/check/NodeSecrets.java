package io.kailash.secrets.agent.internal.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A node class's secrets: its own requirements and those its superclasses in the scan declare (a
 * subclass adds to them, as {@code NodeSecretRequirements} does at run time).
 *
 * @param nodeClass binary name of the concrete class
 * @param secrets each requirement with the superclasses that declare it themselves
 */
record NodeSecrets(String nodeClass, List<Inherited> secrets) {

  /**
   * @param declaredBy the classes that declare this requirement, the node class itself included
   */
  record Inherited(ScannedClass.DeclaredSecret secret, List<String> declaredBy) {}

  /** Every concrete class in the scan that has at least one requirement, sorted by name. */
  static List<NodeSecrets> of(Map<String, ScannedClass> classes) {
    Map<String, NodeSecrets> nodes = new TreeMap<>();
    for (ScannedClass candidate : classes.values()) {
      if (!candidate.concrete()) {
        continue;
      }
      List<Inherited> secrets = new ArrayList<>();
      Set<String> seen = new HashSet<>(); // a cycle in a damaged scan must not loop
      for (ScannedClass c = candidate;
          c != null && seen.add(c.name());
          c = c.superName() == null ? null : classes.get(c.superName())) {
        for (ScannedClass.DeclaredSecret secret : c.declared()) {
          add(secrets, secret, c.name());
        }
      }
      if (!secrets.isEmpty()) {
        nodes.put(candidate.name(), new NodeSecrets(candidate.name(), List.copyOf(secrets)));
      }
    }
    return List.copyOf(nodes.values());
  }

  private static void add(List<Inherited> secrets, ScannedClass.DeclaredSecret secret, String by) {
    for (int i = 0; i < secrets.size(); i++) {
      Inherited known = secrets.get(i);
      if (known.secret().equals(secret)) {
        List<String> declaredBy = new ArrayList<>(known.declaredBy());
        declaredBy.add(by);
        secrets.set(i, new Inherited(secret, List.copyOf(declaredBy)));
        return;
      }
    }
    secrets.add(new Inherited(secret, List.of(by)));
  }
}

package io.kailash.secrets.policy;

import java.util.List;

/**
 * One line of a policy file: the secrets its glob matches may go to the node classes its class
 * globs match, and (for those secrets) to no other class.
 *
 * @param secret the secret-name glob
 * @param classes the node-class globs
 * @param line the line number in the policy file, for messages
 */
record PolicyRule(SegmentGlob secret, List<SegmentGlob> classes, int line) {

  PolicyRule {
    classes = List.copyOf(classes);
  }

  boolean covers(String secretName) {
    return secret.matches(secretName);
  }

  boolean allows(String className) {
    for (SegmentGlob glob : classes) {
      if (glob.matches(className)) {
        return true;
      }
    }
    return false;
  }
}

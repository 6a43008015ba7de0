package io.kailash.secrets.agent.internal.check;

import java.util.List;

/**
 * What the scan reads from one class file.
 *
 * @param name binary name, e.g. {@code com.acme.Outer$TokenNode}
 * @param superName binary name of the superclass, or {@code null}
 * @param concrete neither abstract nor an interface: a class that can run as a node
 * @param declared the requirements this class itself declares, in declaration order
 */
record ScannedClass(
    String name, String superName, boolean concrete, List<DeclaredSecret> declared) {

  /** One {@code @SecretRequirement} as written in the class file. */
  record DeclaredSecret(String name, String parameter, boolean optional, String version) {}
}

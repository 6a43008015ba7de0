package io.kailash.secrets.agent.internal.transform;

import java.util.List;

/**
 * What the pre-filter reads from a class file, without Byte Buddy: its name, supertypes, and
 * whether it declares the instrumented method in a form the advice can be woven into.
 *
 * @param name internal name, e.g. {@code com/acme/TokenNode}
 * @param superName internal name of the superclass, or {@code null} for {@code java/lang/Object}
 * @param interfaces internal names of the directly implemented interfaces
 * @param isInterface whether the class file is an interface (never instrumented itself)
 * @param declaresTarget whether it declares a concrete, non-static, non-bridge {@code
 *     method(java.util.Map)}
 * @param declared the {@code @SecretRequirement}s the class itself carries, in declaration order
 */
record ClassFacts(
    String name,
    String superName,
    List<String> interfaces,
    boolean isInterface,
    boolean declaresTarget,
    List<DeclaredSecret> declared) {}

package io.kailash.secrets.policy;

import io.kailash.secrets.SecretBackendException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Which node classes may receive which secrets: least privilege, decided per (node class, declared
 * secret) before any backend is asked.
 *
 * <p>A secret that some rule names goes only to the classes those rules list; a secret that no rule
 * names follows the {@link PolicyDefault}. A class matches a rule if its own binary name matches
 * one of the rule's class globs, or the name of a superclass that itself declares the requirement
 * does: a subclass inherits what its superclass was granted, but a class cannot gain a secret by
 * extending an allowed class and declaring the secret itself.
 *
 * <p>Read one with {@link PolicyFile#read}; {@link #none()} allows everything.
 */
public final class SecretPolicy {

  /** The provider name that policy denials carry. */
  public static final String PROVIDER = "secret-policy";

  private static final SecretPolicy NONE = new SecretPolicy(null, List.of(), PolicyDefault.ALLOW);

  private final Path file;
  private final List<PolicyRule> rules;
  private final PolicyDefault unmatched;

  SecretPolicy(Path file, List<PolicyRule> rules, PolicyDefault unmatched) {
    this.file = file;
    this.rules = List.copyOf(rules);
    this.unmatched = Objects.requireNonNull(unmatched, "unmatched");
  }

  /** No policy: every node class may receive every secret it declares. */
  public static SecretPolicy none() {
    return NONE;
  }

  /** Whether this policy can refuse anything (false only for {@link #none()}). */
  public boolean isEnforced() {
    return file != null;
  }

  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  public PolicyDefault unmatched() {
    return unmatched;
  }

  /**
   * The secret-name part of a declared name: {@code payments/db#password} is {@code payments/db}.
   */
  public static String secretNameOf(String declaredName) {
    int hash = declaredName.indexOf('#');
    return hash < 0 ? declaredName : declaredName.substring(0, hash);
  }

  /**
   * Whether {@code nodeClass} may receive {@code declaredName}, reading {@link
   * io.kailash.secrets.SecretRequirement} annotations to find the superclasses that declare it.
   */
  public boolean permits(Class<?> nodeClass, String declaredName) {
    return permits(nodeClass, declaredName, DeclaredSecrets::declares);
  }

  /**
   * @param declares whether a class itself (not by inheritance) declares a requirement for a
   *     declared name; the agent passes its own, as it cannot use the application's annotation type
   */
  public boolean permits(
      Class<?> nodeClass, String declaredName, BiPredicate<Class<?>, String> declares) {
    String secret = secretNameOf(declaredName);
    boolean named = false;
    for (PolicyRule rule : rules) {
      if (rule.covers(secret)) {
        named = true;
        if (allowsClassOrDeclaringSuperclass(rule, nodeClass, declaredName, declares)) {
          return true;
        }
      }
    }
    return !named && unmatched == PolicyDefault.ALLOW;
  }

  /**
   * The same decision by class names, for tools that read class files without loading them (the
   * agent's {@code check} command).
   *
   * @param declaringSuperclasses the binary names of the superclasses that themselves declare the
   *     requirement for {@code declaredName}
   */
  public boolean permits(
      String nodeClassName, List<String> declaringSuperclasses, String declaredName) {
    String secret = secretNameOf(declaredName);
    boolean named = false;
    for (PolicyRule rule : rules) {
      if (rule.covers(secret)) {
        named = true;
        if (rule.allows(nodeClassName) || declaringSuperclasses.stream().anyMatch(rule::allows)) {
          return true;
        }
      }
    }
    return !named && unmatched == PolicyDefault.ALLOW;
  }

  /** Whether every node class may receive the secret: no rule names it and the default allows. */
  public boolean isOpen(String declaredName) {
    if (unmatched == PolicyDefault.DENY) {
      return false;
    }
    String secret = secretNameOf(declaredName);
    for (PolicyRule rule : rules) {
      if (rule.covers(secret)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The failure for a refused pair, with reason {@link
   * SecretBackendException.Reason#POLICY_DENIED}: it names the class, the secret and the policy
   * file, never a value.
   */
  public SecretBackendException denial(Class<?> nodeClass, String declaredName) {
    String secret = secretNameOf(declaredName);
    boolean named = rules.stream().anyMatch(rule -> rule.covers(secret));
    String why =
        named
            ? "no rule for '"
                + secret
                + "' names this class or a superclass that declares the requirement"
            : "no rule names '" + secret + "' and the policy's default is deny";
    return new SecretBackendException(
        PROVIDER,
        declaredName,
        SecretBackendException.Reason.POLICY_DENIED,
        "the secret policy "
            + file
            + " does not allow node class "
            + nodeClass.getName()
            + " to receive it ("
            + why
            + "). Add the class to a rule in "
            + file
            + " if it should have the secret, or remove the requirement.");
  }

  @Override
  public String toString() {
    return file == null
        ? "no secret policy"
        : "secret policy "
            + file
            + " ("
            + rules.size()
            + (rules.size() == 1 ? " rule" : " rules")
            + ", default "
            + unmatched.name().toLowerCase(java.util.Locale.ROOT)
            + ")";
  }

  private static boolean allowsClassOrDeclaringSuperclass(
      PolicyRule rule,
      Class<?> nodeClass,
      String declaredName,
      BiPredicate<Class<?>, String> declares) {
    if (rule.allows(nodeClass.getName())) {
      return true;
    }
    for (Class<?> c = nodeClass.getSuperclass(); c != null; c = c.getSuperclass()) {
      if (rule.allows(c.getName()) && declares.test(c, declaredName)) {
        return true;
      }
    }
    return false;
  }
}

package io.kailash.secrets.agent.internal.transform;

import io.kailash.secrets.agent.internal.logging.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's one {@link ClassFileTransformer}. Every class the JVM defines passes through it, so
 * the common path is plain JDK code that decides "not ours" in microseconds:
 *
 * <ol>
 *   <li>skip the bootstrap and platform loaders, the agent's own loader, and ignored packages, by
 *       name ({@link IgnoredNames});
 *   <li>skim the class file ({@link ClassFileSkimmer}) for its supertypes and whether it declares a
 *       concrete {@code method(java.util.Map)};
 *   <li>check membership of the base-type family by walking supertypes' class files ({@link
 *       TypeFamily}, cached);
 *   <li>check the loader sees the api jar and our bridge ({@link LoaderCheck}, cached).
 * </ol>
 *
 * <p>Only then is the advice woven in ({@link RunAdviceWeaver}, created once). Every family class
 * that declares the method is woven, whether or not it declares secrets: an unannotated base
 * class's {@code run} may be the one its annotated subclasses inherit, and the advice's first check
 * ({@code AgentHandoff.needsSecrets}, a {@code ClassValue} lookup on the runtime class) makes it a
 * no-op for classes without requirements. Errors never propagate: they are counted and logged once
 * per class, and the class is left as it was.
 */
public final class SecretsTransformer implements ClassFileTransformer {

  private static final AgentLog LOG = AgentLog.of(SecretsTransformer.class);

  private final String baseType;
  private final String method;
  private final TypeFamily family;
  private final LoaderCheck loaderCheck;
  private final WovenClasses woven = new WovenClasses();
  private final ClassFileDeclarations declarations = new ClassFileDeclarations();
  private final NodeGuard guard;
  private final TransformStats stats;
  private final ClassLoader ownLoader = SecretsTransformer.class.getClassLoader();
  private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();
  private final Set<String> failedClasses = ConcurrentHashMap.newKeySet();
  private final PrefixWeaver.MethodPrefixes runAdvice;
  private volatile RunAdviceWeaver weaver;
  private final String configuredClasses;

  /**
   * @param baseType the base type's binary name, e.g. {@code io.kailash.workflow.Node}
   * @param method the method to instrument, e.g. {@code run}
   * @param bridge the bridge class the advice calls, as loaded by the system class loader
   */
  public SecretsTransformer(String baseType, String method, Class<?> bridge, TransformStats stats) {
    this(baseType, method, bridge, stats, "");
  }

  /**
   * @param configuredClasses the binary names of the classes configuration declares requirements
   *     for, comma-separated: woven into the application's {@code AgentHandoff}, so that these
   *     classes and their subclasses count as declaring secrets
   */
  public SecretsTransformer(
      String baseType,
      String method,
      Class<?> bridge,
      TransformStats stats,
      String configuredClasses) {
    this.configuredClasses = configuredClasses;
    this.baseType = baseType.replace('.', '/');
    this.method = method;
    this.family = new TypeFamily(this.baseType, method);
    this.loaderCheck = new LoaderCheck(bridge, stats);
    this.guard = new NodeGuard(baseType, method, woven);
    this.runAdvice = AdvicePrefixes.runAdvice(method);
    this.stats = stats;
  }

  /**
   * The guard {@code Node}'s constructor asks (through the bridge): {@code null} when a node
   * class's run method was woven, otherwise why not.
   */
  public String verdict(Class<?> nodeClass) {
    return guard.verdict(nodeClass);
  }

  /** The {@code @SecretRequirement}s of the family's classes, read from their class files. */
  public ClassFileDeclarations declarations() {
    return declarations;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile) {
    if (loader == null || loader == platformLoader || loader == ownLoader || className == null) {
      return null;
    }
    if (className.equals(HandoffProtocol.HANDOFF)) {
      return weaveHandoff(loader, classFile);
    }
    if (IgnoredNames.isIgnored(className) && !className.equals(baseType)) {
      return null;
    }
    try {
      ClassFacts facts = ClassFileSkimmer.skim(classFile, method);
      if (facts == null || !family.isMember(loader, facts)) {
        return null;
      }
      declarations.record(loader, className, facts.declared());
      if (!facts.declaresTarget()) {
        return null;
      }
      String refusal = loaderCheck.refusal(loader, className);
      if (refusal != null) {
        woven.refused(loader, className, "its class loader is refused: " + refusal);
        return null;
      }
      byte[] result = PrefixWeaver.weave(classFile, runAdvice);
      if (result == null) {
        result = weaver().weave(classFile); // a class file the prefix weaver does not take
      }
      woven.woven(loader, className);
      if (classBeingRedefined != null) {
        stats.retransformed.incrementAndGet();
      }
      stats.transformed.incrementAndGet();
      LOG.debug("Instrumented {}.{}(Map)", className.replace('/', '.'), method);
      return result;
    } catch (Throwable failure) {
      stats.errors.incrementAndGet();
      woven.refused(loader, className, whyNotWoven(failure));
      if (failedClasses.add(className)) {
        LOG.warn(
            "Could not instrument {}; if it declares secrets it is refused when created.",
            className.replace('/', '.'),
            failure);
      }
      return null;
    }
  }

  private String whyNotWoven(Throwable failure) {
    String type = failure.getClass().getSimpleName();
    if (type.equals("MethodTooLargeException")) {
      return "its "
          + method
          + "(Map) is too large to instrument (the JVM limits a method to 64 KB)";
    }
    return "instrumenting it failed (" + failure.getClass().getName() + ")";
  }

  /**
   * The application's AgentHandoff: its guard is armed (always: a loader the agent cannot weave
   * gets a guard that refuses its node classes) and its run-start hook reaches the bridge.
   */
  private byte[] weaveHandoff(ClassLoader loader, byte[] classFile) {
    try {
      String refusal = loaderCheck.refusalForHandoff(loader, classFile);
      byte[] result =
          PrefixWeaver.weave(classFile, AdvicePrefixes.handoff(refusal, configuredClasses));
      if (result == null) { // a class file the prefix weaver does not take: ASM
        result = new GuardHookWeaver(configuredClasses).weave(classFile, refusal);
        if (refusal == null) {
          result = new RunStartWeaver().weave(result);
        }
      }
      if (refusal == null) {
        stats.runStartHooks.incrementAndGet();
      }
      return result;
    } catch (Throwable failure) {
      stats.errors.incrementAndGet();
      LOG.error(
          "Could not arm the guard in {}.", HandoffProtocol.HANDOFF.replace('/', '.'), failure);
      return null;
    }
  }

  /** Whether a loaded class may need weaving: for retransformation after a dynamic attach. */
  public boolean isCandidate(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null || loader == platformLoader || loader == ownLoader) {
      return false;
    }
    String name = type.getName().replace('.', '/');
    if (name.equals(HandoffProtocol.HANDOFF)) {
      return true; // loaded before the agent: its guard must be armed all the same
    }
    if (IgnoredNames.isIgnored(name) && !name.equals(baseType)) {
      return false;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (implementsBaseType(c)) {
        return true;
      }
    }
    return false;
  }

  private boolean implementsBaseType(Class<?> type) {
    if (type.getName().replace('.', '/').equals(baseType)) {
      return true;
    }
    for (Class<?> implemented : type.getInterfaces()) {
      if (implementsBaseType(implemented)) {
        return true;
      }
    }
    return false;
  }

  private RunAdviceWeaver weaver() {
    RunAdviceWeaver current = weaver;
    if (current == null) {
      synchronized (this) {
        current = weaver;
        if (current == null) {
          current = new RunAdviceWeaver(method);
          weaver = current;
        }
      }
    }
    return current;
  }
}

package io.kailash.testing;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Node classes for workflow and runtime tests. */
public final class TestNodes {

  /** What each capturing node class received on its last run (the map itself). */
  private static final Map<Class<?>, Map<String, Object>> RECEIVED = new ConcurrentHashMap<>();

  /** The node classes in the order they ran, for order assertions. */
  public static final List<String> RUN_LOG = new CopyOnWriteArrayList<>();

  private TestNodes() {}

  /** The parameters the last run of {@code nodeClass} received, or null. */
  public static Map<String, Object> received(Class<? extends Node> nodeClass) {
    return RECEIVED.get(nodeClass);
  }

  public static void reset() {
    RECEIVED.clear();
    RUN_LOG.clear();
  }

  /** Records its inputs and returns the names of what it got. */
  public abstract static class CapturingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      RECEIVED.put(getClass(), inputs);
      RUN_LOG.add(getClass().getSimpleName());
      return Map.of("received", new java.util.TreeSet<>(inputs.keySet()));
    }
  }

  /** Declares nothing. */
  public static class PlainNode extends CapturingNode {}

  @SecretRequirement(name = "jwt-signing-key", parameter = "secret_key")
  public static class KeyNode extends CapturingNode {}

  @SecretRequirement(name = "jwt-signing-key", parameter = "secret_key")
  public static class SecondKeyNode extends CapturingNode {}

  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static class ApiNode extends CapturingNode {}

  @SecretRequirement(name = "maybe-secret", parameter = "maybe", optional = true)
  public static class OptionalNode extends CapturingNode {}

  @SecretRequirement(name = "base-secret", parameter = "base")
  public abstract static class BaseSecretNode extends CapturingNode {}

  @SecretRequirement(name = "own-secret", parameter = "own")
  public static class DerivedSecretNode extends BaseSecretNode {}

  /** Returns a hash of its key and subject: a value derived from a secret, not the secret. */
  @SecretRequirement(name = "jwt-signing-key", parameter = "secret_key")
  public static class DerivingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("token", sha256(inputs.get("secret_key") + ":" + inputs.get("subject")));
    }
  }

  /** Returns its inputs, secrets included: the runtime must mask them. */
  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static class LeakingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return new LinkedHashMap<>(inputs);
    }
  }

  /** Throws a message with its secret in it. */
  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static class CarelessFailingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      throw new IllegalStateException("could not use token " + inputs.get("api_token"));
    }
  }

  /** Emits {@code value} from its parameter {@code value}. */
  public static class ConstantNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      RUN_LOG.add("ConstantNode:" + inputs.get("value"));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("value", inputs.get("value"));
      return out;
    }
  }

  /** Emits {@code a + b} as {@code sum}. */
  public static class ConcatNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      RUN_LOG.add("ConcatNode");
      return Map.of("sum", String.valueOf(inputs.get("a")) + inputs.get("b"));
    }
  }

  public static class FailingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      throw new IllegalStateException("boom");
    }
  }

  /** Blocks until {@link #RELEASE} opens or it is interrupted, which opens {@link #INTERRUPTED}. */
  public static class BlockingNode extends Node {
    public static volatile CountDownLatch RELEASE = new CountDownLatch(1);
    public static volatile CountDownLatch INTERRUPTED = new CountDownLatch(1);

    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      try {
        RELEASE.await();
      } catch (InterruptedException e) {
        INTERRUPTED.countDown();
        Thread.currentThread().interrupt();
      }
      return Map.of();
    }
  }

  /** Has no public no-argument constructor. */
  public static class NeedsArgumentNode extends Node {
    public NeedsArgumentNode(String argument) {}

    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of();
    }
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

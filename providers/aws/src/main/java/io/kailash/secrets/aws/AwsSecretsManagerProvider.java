package io.kailash.secrets.aws;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * Reads secrets from AWS Secrets Manager with the AWS SDK v2.
 *
 * <p>Names: a secret name or full ARN, optionally with {@code #field} to read one field of a JSON
 * secret ({@link AwsSecretId}). Versions: a staging label or a VersionId ({@link VersionSelector}
 * has the exact rule). Binary secrets are returned Base64-encoded. {@link #getSecretValues} reads
 * current values with BatchGetSecretValue, 20 a call, and versioned ones singly.
 *
 * <p>The SDK client is built on the first read, not here. Thread safe.
 */
public class AwsSecretsManagerProvider implements SecretProvider, AutoCloseable {

  /**
   * The provider's default name in messages and audit records ({@link AwsProviderBuilder#name}).
   */
  public static final String NAME = "aws";

  private static final Logger LOG = LoggerFactory.getLogger(AwsSecretsManagerProvider.class);

  private final String name;
  private final LazyClient client;
  private final int listPageSize;
  private final BatchReader batchReader;

  protected AwsSecretsManagerProvider(AwsProviderBuilder builder) {
    this.name = builder.name();
    this.client = builder.lazyClient();
    this.listPageSize = builder.listPageSize();
    this.batchReader =
        new BatchReader(
            client,
            name,
            id -> readIfPresent(id, VersionSelector.parse("", id, name), SecretRef.current(id)));
  }

  public static AwsProviderBuilder builder() {
    return new AwsProviderBuilder();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String getSecret(String secretName, String version) {
    AwsSecretId id = AwsSecretId.parse(secretName, name);
    VersionSelector selector = VersionSelector.parse(version, secretName, name);
    SecretRef ref = new SecretRef(secretName, version);
    return read(id.secretId(), selector, ref).select(id, ref, name);
  }

  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    Map<SecretRef, AwsSecretId> ids = new LinkedHashMap<>();
    Map<SecretRef, VersionSelector> versions = new HashMap<>();
    Set<String> currentIds = new LinkedHashSet<>();
    for (SecretRef ref : refs) {
      AwsSecretId id = AwsSecretId.parse(ref.name(), name);
      VersionSelector version = VersionSelector.parse(ref.version(), ref.name(), name);
      ids.put(ref, id);
      versions.put(ref, version);
      if (version.isCurrent()) {
        currentIds.add(id.secretId());
      }
    }
    LOG.debug(
        "Reading {} secret reference(s), {} current secret id(s) in batches",
        ids.size(),
        currentIds.size());
    Map<String, AwsSecretValue> current = batchReader.readCurrent(currentIds);
    Map<SecretRef, Optional<AwsSecretValue>> versioned = new HashMap<>();
    Map<SecretRef, String> found = new LinkedHashMap<>();
    ids.forEach(
        (ref, id) -> {
          VersionSelector version = versions.get(ref);
          SecretRef stored = new SecretRef(id.secretId(), ref.version());
          Optional<AwsSecretValue> value =
              version.isCurrent()
                  ? Optional.ofNullable(current.get(id.secretId()))
                  : versioned.computeIfAbsent(
                      stored, key -> readIfPresent(id.secretId(), version, key));
          value.ifPresent(
              present -> selectIfPresent(present, id, ref).ifPresent(text -> found.put(ref, text)));
        });
    return found;
  }

  @Override
  public List<String> listSecrets() {
    List<String> names = new ArrayList<>();
    int unreadable = 0;
    String token = null;
    try {
      do {
        ListSecretsResponse page =
            client
                .get()
                .listSecrets(
                    ListSecretsRequest.builder().maxResults(listPageSize).nextToken(token).build());
        for (SecretListEntry entry : page.secretList()) {
          if (AwsSecretId.isReadable(entry.name())) {
            names.add(entry.name());
          } else {
            unreadable++;
          }
        }
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    } catch (SdkException failure) {
      throw AwsErrorMapper.map(failure, null, "", name);
    }
    if (unreadable > 0) {
      LOG.debug(
          "Left {} secret(s) out of the listing whose names can only be read by ARN", unreadable);
    }
    names.sort(null);
    return names;
  }

  /** Closes the SDK client if this provider built it; an injected client is left open. */
  @Override
  public void close() {
    client.close();
  }

  /** Whether the SDK client has been built yet. */
  boolean isClientBuilt() {
    return client.isBuilt();
  }

  private AwsSecretValue read(String secretId, VersionSelector version, SecretRef ref) {
    LOG.debug("Reading secret {} from AWS Secrets Manager", ref);
    try {
      GetSecretValueResponse answer = client.get().getSecretValue(version.request(secretId));
      if (!AnswerMatch.isFor(answer.arn(), answer.name(), secretId)) {
        throw AnswerMatch.notAsked(name, ref.toString());
      }
      return AwsSecretValue.of(answer);
    } catch (SdkException failure) {
      throw AwsErrorMapper.map(failure, ref, version.missingDetail(), name);
    }
  }

  private Optional<AwsSecretValue> readIfPresent(
      String secretId, VersionSelector version, SecretRef ref) {
    try {
      return Optional.of(read(secretId, version, ref));
    } catch (SecretNotFoundException absent) {
      return Optional.empty();
    }
  }

  private Optional<String> selectIfPresent(AwsSecretValue value, AwsSecretId id, SecretRef ref) {
    try {
      return Optional.of(value.select(id, ref, name));
    } catch (SecretNotFoundException noSuchField) {
      return Optional.empty();
    }
  }
}

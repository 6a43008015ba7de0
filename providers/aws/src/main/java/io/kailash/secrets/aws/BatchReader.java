package io.kailash.secrets.aws;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProviderException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.internal.UntrustedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * Reads the current values of many secrets with BatchGetSecretValue, 20 ids a call (the AWS limit).
 *
 * <p>BatchGetSecretValue has no version parameter, so only current values are read here. When AWS
 * refuses the batch call itself (no IAM permission for {@code secretsmanager:BatchGetSecretValue},
 * or an emulator without the operation) the reader switches to one GetSecretValue per secret, for
 * the rest of the provider's life. Per-secret errors in the answer are mapped one by one: not found
 * means absent, anything else fails the read.
 */
final class BatchReader {

  static final int MAX_IDS_PER_CALL = 20;

  private static final Logger LOG = LoggerFactory.getLogger(BatchReader.class);
  private static final Set<String> REFUSAL_CODES =
      Set.of(
          "AccessDeniedException",
          "AccessDenied",
          "UnsupportedOperation",
          "UnsupportedOperationException",
          "UnknownOperationException",
          "InvalidAction",
          "NotImplemented");

  private final LazyClient client;
  private final String provider;
  private final Function<String, Optional<AwsSecretValue>> singleRead;
  private final AtomicBoolean refused = new AtomicBoolean();

  /**
   * @param singleRead reads the current value of one secret id; empty if it does not exist
   */
  BatchReader(
      LazyClient client, String provider, Function<String, Optional<AwsSecretValue>> singleRead) {
    this.client = client;
    this.provider = provider;
    this.singleRead = singleRead;
  }

  /** The current value of each id that exists; absent ids have no entry. */
  Map<String, AwsSecretValue> readCurrent(Set<String> secretIds) {
    Map<String, AwsSecretValue> found = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>(secretIds);
    for (int from = 0; from < ids.size(); from += MAX_IDS_PER_CALL) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_CALL));
      Set<String> pending = new LinkedHashSet<>(chunk);
      if (!refused.get()) {
        batch(chunk, pending, found);
      }
      // Ids the batch did not answer for (or all, once batching is refused) are read one by one.
      for (String id : pending) {
        singleRead.apply(id).ifPresent(value -> found.put(id, value));
      }
    }
    return found;
  }

  private void batch(List<String> chunk, Set<String> pending, Map<String, AwsSecretValue> found) {
    String token = null;
    do {
      BatchGetSecretValueResponse response;
      try {
        response =
            client
                .get()
                .batchGetSecretValue(
                    BatchGetSecretValueRequest.builder()
                        .secretIdList(chunk)
                        .nextToken(token)
                        .build());
      } catch (AwsServiceException failure) {
        if (isRefusal(failure)) {
          if (refused.compareAndSet(false, true)) {
            LOG.info(
                "AWS refused BatchGetSecretValue ({}); reading secrets one at a time from now on",
                failure.awsErrorDetails() == null
                    ? failure.statusCode()
                    : UntrustedText.quote(failure.awsErrorDetails().errorCode()));
          }
          return;
        }
        throw AwsErrorMapper.map(failure, null, "", provider);
      } catch (SdkException failure) {
        throw AwsErrorMapper.map(failure, null, "", provider);
      }
      for (SecretValueEntry entry : response.secretValues()) {
        // By ARN first: another account's secret with the same name never fills a local name.
        String id = AnswerMatch.requestedIdOf(entry.arn(), entry.name(), pending);
        if (id == null) {
          throw AnswerMatch.notAsked(provider, null);
        }
        pending.remove(id);
        found.put(id, AwsSecretValue.of(entry));
      }
      for (APIErrorType error : response.errors()) {
        if (pending.remove(error.secretId())) {
          failIfNotAbsent(error);
        }
      }
      token = response.nextToken();
    } while (token != null && !token.isEmpty());
  }

  private void failIfNotAbsent(APIErrorType error) {
    SecretProviderException failure =
        AwsErrorMapper.fromErrorCode(
            error.errorCode() == null ? "" : error.errorCode(),
            error.message() == null ? "" : error.message(),
            0,
            SecretRef.current(error.secretId()),
            "",
            provider,
            null);
    if (!(failure instanceof SecretNotFoundException)) {
      throw failure;
    }
  }

  private static boolean isRefusal(AwsServiceException failure) {
    if (failure.isThrottlingException()) {
      return false;
    }
    String code = failure.awsErrorDetails() == null ? null : failure.awsErrorDetails().errorCode();
    return (code != null && REFUSAL_CODES.contains(code))
        || failure.statusCode() == 403
        || failure.statusCode() == 501;
  }
}

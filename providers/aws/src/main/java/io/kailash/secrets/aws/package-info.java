/**
 * AWS Secrets Manager provider on the AWS SDK for Java v2 ({@code software.amazon.awssdk:
 * secretsmanager} with {@code url-connection-client}, optional dependencies of this module).
 *
 * <ul>
 *   <li><b>Names</b>: an AWS secret name (letters, digits, {@code /_+=.@-}, at most 512 characters,
 *       passing {@link io.kailash.secrets.SecretNames}) or a full secret ARN, optionally followed
 *       by {@code #field}. Names starting with {@code /} can only be read by ARN and are left out
 *       of {@code listSecrets()}.
 *   <li><b>Versions</b>: empty = current; {@code id:X} = VersionId X; {@code stage:X} = staging
 *       label X; a UUID = VersionId; anything else = staging label ({@code AWSCURRENT}, {@code
 *       AWSPREVIOUS}, custom labels). See {@link io.kailash.secrets.aws.VersionSelector}.
 *   <li><b>Values</b>: {@code SecretString} as is; {@code SecretBinary} as standard Base64; {@code
 *       name#field} reads a top-level field of a JSON object {@code SecretString} (a missing field
 *       is "not found", a non-JSON or binary secret is an invalid request).
 *   <li><b>Batches</b>: {@code getSecretValues}/{@code getSecrets} read current values with
 *       BatchGetSecretValue (20 ids a call, each id once however many fields are asked of it) and
 *       versioned ones with GetSecretValue; if AWS refuses the batch call, every later read is
 *       single.
 *   <li><b>Client</b>: built on the first read with an explicit HTTP client, region and credentials
 *       provider; the SDK's retries stay on inside a per-call deadline ({@code aws.timeout}).
 * </ul>
 */
package io.kailash.secrets.aws;

/**
 * The AWS Secrets Manager Agent provider: reads secrets from the local caching sidecar (or the
 * Lambda extension), which speaks plain HTTP on localhost and needs no AWS SDK in this JVM.
 */
package io.kailash.secrets.awsagent;

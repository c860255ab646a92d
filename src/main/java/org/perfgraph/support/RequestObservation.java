package org.perfgraph.support;

import graphql.execution.instrumentation.Instrumentation;

/**
 * The {@code graphql.request} observation (Spring for GraphQL's {@code GraphQlObservationInstrumentation}) handed
 * to the one instrumentation graphql-java runs, as a member of it rather than a second instrumentation: with two,
 * graphql-java chains them at each of the thousands of fields of a page, for nothing (neither does any work per
 * field). Not an {@code Instrumentation} bean itself, so Spring does not chain it again.
 *
 * @param instrumentation the observation's instrumentation, for request-level phases only
 */
public record RequestObservation(Instrumentation instrumentation) {
}

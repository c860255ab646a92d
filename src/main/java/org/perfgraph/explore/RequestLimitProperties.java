package org.perfgraph.explore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits a GraphQL request is checked against before anything runs; application.yml maps each to its
 * environment variable (README table).
 *
 * @param maxRequestBytes  PERFGRAPH_MAX_REQUEST_BYTES: the largest HTTP body of a /graphql request (query and
 *                         variables together); over it the answer is 413 before the body is parsed
 * @param maxRootFields    PERFGRAPH_MAX_ROOT_FIELDS: the most root fields one operation may ask for, each alias counted
 * @param maxOrderKeys     PERFGRAPH_MAX_ORDER_KEYS: the most sort keys one {@code orderBy} may list
 * @param maxFragmentDepth PERFGRAPH_MAX_FRAGMENT_DEPTH: the longest chain of fragments spreading fragments
 */
@ConfigurationProperties("perfgraph")
record RequestLimitProperties(long maxRequestBytes, int maxRootFields, int maxOrderKeys, int maxFragmentDepth) {
}

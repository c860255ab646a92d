package org.perfgraph.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API keys, each list {@code name:key,name:key}; application.yml maps them to the environment.
 *
 * @param editorKeys PERFGRAPH_EDITOR_KEYS: keys that may write (mutations, imports) and read
 * @param readKeys   PERFGRAPH_READ_KEYS: when set, reads need a key too (a read key or an editor key)
 */
@ConfigurationProperties("perfgraph")
record AccessProperties(String editorKeys, String readKeys) {
}

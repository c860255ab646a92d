package org.perfgraph.support.security;

/**
 * Who sent a request: the name configured with the key, and what the key allows. Put in the GraphQL context under
 * {@link #CONTEXT_KEY} for every request that passed the gate.
 *
 * @param name the key's name ({@code PERFGRAPH_EDITOR_KEYS=alice:...} → alice); {@code anonymous} without a key
 * @param role what the key allows
 */
public record Caller(String name, Role role) {

    /** Key of the caller in the GraphQL context. */
    public static final String CONTEXT_KEY = "perfgraph.caller";

    /** Imports that do not come through the API (bundled samples, the {@code import} command). */
    public static final Caller SYSTEM = new Caller("system", Role.EDITOR);

    static final Caller ANONYMOUS = new Caller("anonymous", Role.NONE);

    /** What a caller may do. */
    public enum Role { NONE, READER, EDITOR }

    public boolean canWrite() {
        return role == Role.EDITOR;
    }
}

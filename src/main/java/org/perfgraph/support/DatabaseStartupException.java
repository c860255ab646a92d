package org.perfgraph.support;

/**
 * The database could not be reached or started. Carries a one-line description and the action (which setting
 * to change); {@link DatabaseStartupFailureAnalyzer} prints both instead of a stack trace.
 */
public class DatabaseStartupException extends RuntimeException {

    private final String action;

    public DatabaseStartupException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}

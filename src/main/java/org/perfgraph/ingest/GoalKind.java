package org.perfgraph.ingest;

/** Which goal a text states. */
public enum GoalKind { OVERALL, ANNUAL }

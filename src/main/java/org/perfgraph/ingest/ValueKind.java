package org.perfgraph.ingest;

/** What sort of target value a cell holds. */
public enum ValueKind { NUMERIC, BOOLEAN, DEADLINE, FREQUENCY, QUALITATIVE, TEXT }

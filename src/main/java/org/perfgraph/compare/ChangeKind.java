package org.perfgraph.compare;

/** What happened to a target from document a to document b. */
enum ChangeKind {
    /** Same indicator, same normalised value. */
    UNCHANGED,
    /** A number b asks more of: higher for ≥ and >, lower for ≤ and <. */
    STRICTER,
    /** A number b asks less of. */
    LOOSER,
    /** The same number in other words, or a value that cannot be ordered against the other (other measure, words). */
    REWORDED,
    /** Only in b. */
    ADDED,
    /** Only in a. */
    REMOVED
}

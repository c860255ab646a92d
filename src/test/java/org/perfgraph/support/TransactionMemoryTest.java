package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Which database failures the reader reports as a RESOURCE_LIMIT error once the driver's retries (30 s) have not
 * helped: the memory pool is shared by all running transactions, so under load it fills and frees again. Neo4j community
 * cannot lower its transaction memory limits at run time, so this checks the classification: the message is the one
 * Neo4j 5.26 sent when similarTexts grouped 45k texts' signatures in Cypher on the 1M-target store, with the code of
 * that pool limit; the per-transaction limit (db.memory.transaction.max) has a client-error code of its own.
 */
class TransactionMemoryTest {

    @Test
    void the_transaction_memory_limit_is_recognised_and_other_failures_are_not() {
        assertThat(TransactionMemory.exceeded(new TransientException("Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                "The allocation of an extra 2.0 MiB would use more than the limit 1.4 GiB. Currently using 1.4 GiB. "
                        + "dbms.memory.transaction.total.max threshold reached"))).isTrue();
        assertThat(TransactionMemory.exceeded(new ClientException("Neo.ClientError.General.TransactionOutOfMemoryError",
                "The transaction used more memory than was allowed."))).isTrue();
        assertThat(TransactionMemory.exceeded(new ClientException("Neo.ClientError.General.TransactionMemoryLimit",
                "The allocation of an extra 2.0 MiB would use more than the limit 32.0 MiB. Currently using 31.0 MiB. "
                        + "db.memory.transaction.max threshold reached"))).isTrue();
        assertThat(TransactionMemory.ownLimitExceeded(new TransientException("Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                "The allocation of an extra 2.0 MiB would use more than the limit 32.0 MiB. Currently using 30.3 MiB. "
                        + "db.memory.transaction.max threshold reached"))).isTrue();
        assertThat(TransactionMemory.ownLimitExceeded(new TransientException("Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                "The allocation of an extra 2.0 MiB would use more than the limit 1.4 GiB. Currently using 1.4 GiB. "
                        + "dbms.memory.transaction.total.max threshold reached"))).isFalse();
        assertThat(TransactionMemory.exceeded(new TransientException("Neo.TransientError.Transaction.DeadlockDetected",
                "ForsetiClient[3] can't acquire ExclusiveLock"))).isFalse();
        assertThat(TransactionMemory.exceeded(new ClientException("Neo.ClientError.Statement.SyntaxError",
                "Invalid input '.'"))).isFalse();
    }
}

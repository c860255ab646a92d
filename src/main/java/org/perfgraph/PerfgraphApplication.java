package org.perfgraph;

import java.util.Arrays;

import org.perfgraph.backup.BackupCommand;
import org.perfgraph.benchmark.BenchCommand;
import org.perfgraph.corpus.GenerateCommand;
import org.perfgraph.graph.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * perfgraph: budget performance targets as a Neo4j graph behind a GraphQL API.
 * <ul>
 *   <li>{@code java -jar perfgraph.jar} serves GraphQL at /graphql and GraphiQL at /graphiql;</li>
 *   <li>{@code java -jar perfgraph.jar import FILE...} imports documents into the configured store and exits;</li>
 *   <li>{@code java -jar perfgraph.jar generate --targets N ...} writes a synthetic corpus for benchmarks;</li>
 *   <li>{@code java -jar perfgraph.jar bench --graphql URL ...} runs the benchmark's load client (bench/run.sh);</li>
 *   <li>{@code java -jar perfgraph.jar backup FILE} / {@code restore [--force] FILE} dump and load the embedded store.</li>
 * </ul>
 */
@SpringBootApplication
public class PerfgraphApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("bench")) {
            System.exit(BenchCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(PerfgraphApplication.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("backup")) {
            System.exit(BackupCommand.backup(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(BackupCommand.restore(Arrays.copyOfRange(args, 1, args.length)));
        }
        try {
            SpringApplication.run(PerfgraphApplication.class, args);
        } catch (Throwable e) {
            // Boot's failure analyzers have already printed the cause and what to change; no stack trace.
            System.exit(1);
        }
    }
}

// The benchmark's side-by-side peer: perfgraph's store served by the Neo4j GraphQL Library (@neo4j/graphql 7)
// on Apollo Server, with type definitions written for perfgraph's graph model (cypher/ingest, GraphWriter).
// It reads the same store over Bolt, so the benchmark compares two GraphQL layers over one database.
//
// Environment: PEER_PORT (default 4100), PEER_HOST (default 127.0.0.1; loopback only), NEO4J_URI
// (default bolt://127.0.0.1:7687), NEO4J_USERNAME / NEO4J_PASSWORD (the embedded store runs without auth).
// Start: node server.mjs   (bench/run.sh does it)
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

// In v7 every relationship field is a list, even where the model has exactly one (a project's unit).
// Numeric ids, money and counts are typed as the store holds them: amount is an exact decimal string,
// amountCents a 64-bit integer, dates and datetimes native temporal values.
const typeDefs = /* GraphQL */ `
  type Document @node {
    id: ID!
    name: String!
    hash: String
    format: String
    title: String
    region: String
    year: Int
    lineCount: Int
    projectCount: Int
    targetCount: Int
    importedAt: DateTime
    projects: [Project!]! @relationship(type: "DECLARED_IN", direction: IN)
  }

  type Unit @node {
    id: ID!
    key: String
    code: String
    name: String!
    region: String
    projects: [Project!]! @relationship(type: "HAS_PROJECT", direction: OUT)
  }

  type Project @node {
    id: ID!
    name: String!
    year: Int
    amount: String
    amountCents: BigInt
    totalAmount: String
    totalAmountCents: BigInt
    nature: String
    category: String
    department: String
    startDate: Date
    endDate: Date
    line: Int
    blocks: Int
    targetCount: Int
    unit: [Unit!]! @relationship(type: "HAS_PROJECT", direction: IN)
    document: [Document!]! @relationship(type: "DECLARED_IN", direction: OUT, properties: "Declared")
    targets: [Target!]! @relationship(type: "HAS_TARGET", direction: OUT)
    texts: [Text!]! @relationship(type: "STATES", direction: OUT, properties: "Statement")
  }

  type Declared @relationshipProperties {
    line: Int
  }

  type Statement @relationshipProperties {
    kind: String
    line: Int
    documentId: String
    raw: String
  }

  type Target @node {
    id: ID!
    line: Int
    ordinal: Int
    indicatorName: String
    indicatorCode: String
    level1Raw: String
    level2Raw: String
    level1: String @groupBy
    level2: String @groupBy
    categoryInferred: Boolean
    annualRaw: String
    annualKind: String @groupBy
    annualComparator: String
    annualNumber: Float
    annualNumberText: String
    annualUnit: String
    annualQualifier: String
    annualDeadline: Date
    annualNormalized: String
    periodRaw: String
    periodKind: String
    periodNormalized: String
    project: [Project!]! @relationship(type: "HAS_TARGET", direction: IN)
    indicator: [Indicator!]! @relationship(type: "MEASURES", direction: OUT)
    level1Category: [Category!]! @relationship(type: "LEVEL1", direction: OUT)
    level2Category: [Category!]! @relationship(type: "LEVEL2", direction: OUT)
    document: [Document!]! @relationship(type: "SOURCE", direction: OUT)
  }

  type Indicator @node {
    id: ID!
    key: String
    code: String
    name: String!
    normalizedName: String
    coded: Boolean
    projectCount: Int
    targets: [Target!]! @relationship(type: "MEASURES", direction: IN)
    # Two hops away (through the targets): a hand-written statement, since connections follow one relationship.
    projectsPage(first: Int!): [Project!]!
      @cypher(
        statement: "MATCH (this)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(p:Project) WITH DISTINCT p ORDER BY p.name, p.id LIMIT $first RETURN p"
        columnName: "p"
      )
  }

  type Category @node {
    id: ID!
    key: String
    name: String!
    level: Int
    code: String
    parent: [Category!]! @relationship(type: "UNDER", direction: OUT)
  }

  type Text @node {
    id: ID!
    key: String
    text: String
    normalized: String
    length: Int
    projects: [Project!]! @relationship(type: "STATES", direction: IN, properties: "Statement")
  }
`;

const uri = process.env.NEO4J_URI || "bolt://127.0.0.1:7687";
const auth = process.env.NEO4J_PASSWORD
  ? neo4j.auth.basic(process.env.NEO4J_USERNAME || "neo4j", process.env.NEO4J_PASSWORD)
  : undefined;
// A pool of the size of the benchmark's client count plus headroom, like the Java driver's default use.
const driver = neo4j.driver(uri, auth, { maxConnectionPoolSize: 50, disableLosslessIntegers: false });

const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();

const server = new ApolloServer({ schema, introspection: true });
const port = Number(process.env.PEER_PORT || 4100);
const host = process.env.PEER_HOST || "127.0.0.1";
const { url } = await startStandaloneServer(server, { listen: { port, host } });
console.log(`peer: @neo4j/graphql on ${url} reading ${uri}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  });
}

// The peer of diplograph's peer benchmark: the Neo4j GraphQL Library
// (@neo4j/graphql) served by Apollo Server, with type definitions for
// diplograph's own model over the same Neo4j data. Entities are nodes the
// library reads itself; a relation listing spans every relation type and
// both directions, which the library's per-type relationship fields cannot
// order together, so those fields are @cypher fields, as the library's
// documentation advises for custom logic.
//
//   NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... \
//     PORT=4000 node server.mjs
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

// The relation types of diplograph's ontology (schema/ontology.go).
const types = [
  "CALLED", "MET", "VISITED", "INVITED", "CONDEMNED", "CONDOLED", "SUPPORTED", "SIGNED",
  "ATTENDED", "HOLDS_OFFICE", "OCCURRED_IN", "LOCATED_IN", "ATTACKED", "DISCUSSED", "SAID",
].join("|");

// The clauses that return the relation r as a map, as rel: its
// properties, its ends and its evidence.
const returnRelation = (r) => `WITH ${r}, startNode(${r}) AS s, endNode(${r}) AS t
  RETURN ${r} {.id, .date, type: type(${r}), source: s {.id, .name, .type},
    target: t {.id, .name, .type},
    evidence: [i IN range(0, size(${r}.evArticle) - 1) | {sentence: ${r}.evSentence[i],
      start: ${r}.evStart[i], end: ${r}.evEnd[i],
      article: COLLECT { MATCH (a:Article {id: ${r}.evArticle[i]}) RETURN a {.id, .title} }[0]}]}
  AS rel`;

const typeDefs = `#graphql
  type Entity @node {
    id: ID!
    name: String!
    type: String!
    fold: String
    relationCount: Int!
      @cypher(statement: "RETURN COUNT { MATCH (this)-[r:${types}]-() RETURN DISTINCT r } AS n",
        columnName: "n")
    relations(first: Int = 20): [Relation!]!
      @cypher(statement: """
        MATCH (this)-[r:${types}]-() WITH DISTINCT r ORDER BY r.date DESC, r.id LIMIT $first
        ${returnRelation("r")}""", columnName: "rel")
  }

  type Article @node {
    id: ID!
    title: String!
    published: String
  }

  type End {
    id: ID!
    name: String!
    type: String!
  }

  type ArticleRef {
    id: ID!
    title: String!
  }

  type Evidence {
    sentence: String!
    start: Int
    end: Int
    article: ArticleRef!
  }

  type Relation {
    id: ID!
    type: String!
    date: String
    source: End!
    target: End!
    evidence: [Evidence!]!
  }

  type Hit {
    id: ID!
    name: String!
    type: String!
  }

  type Query {
    "Relations dated within [since, until] (first and last days), newest first."
    datedRelations(since: String!, until: String!, first: Int = 20): [Relation!]!
      @cypher(statement: """
        MATCH ()-[r:${types}]->() WHERE r.dateLo <> '' AND r.dateHi >= $since
          AND r.dateLo <= $until
        WITH r ORDER BY r.date DESC, r.id LIMIT $first
        ${returnRelation("r")}""", columnName: "rel")
    datedRelationCount(since: String!, until: String!): Int!
      @cypher(statement: """
        RETURN COUNT { MATCH ()-[r:${types}]->() WHERE r.dateLo <> '' AND r.dateHi >= $since
          AND r.dateLo <= $until } AS n""", columnName: "n")
    "Names ranked exact, prefix, every word a word's prefix, then near, then by relations."
    searchNames(lucene: String!, text: String!, words: [String!]!, first: Int = 10): [Hit!]!
      @cypher(statement: """
        CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: 1000})
          YIELD node AS e
        WITH e, split(e.aliasText, '\\\\n') AS names
        WITH e, CASE WHEN $text IN names THEN 4
          WHEN any(n IN names WHERE n STARTS WITH $text) THEN 3
          WHEN any(n IN names WHERE all(w IN $words WHERE
            any(x IN split(n, ' ') WHERE x STARTS WITH w))) THEN 2 ELSE 1 END AS tier
        WITH e, tier, COUNT { MATCH (e)-[r:${types}]-() RETURN DISTINCT r } AS n
        ORDER BY tier DESC, n DESC, e.fold, e.id LIMIT $first
        RETURN e {.id, .name, .type} AS hit""", columnName: "hit")
  }
`;

const driver = neo4j.driver(process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
  neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""));
const database = process.env.NEO4J_DATABASE ?? "neo4j";
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  context: async () => ({ sessionConfig: { database } }),
  listen: { port: Number(process.env.PORT ?? 4000), host: "127.0.0.1" },
});
console.log(`peer: @neo4j/graphql serving at ${url}`);
const stop = async () => { await server.stop(); await driver.close(); process.exit(0); };
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// chunk is the most rows one UNWIND statement carries.
const chunk = 500

// lockOn is appended to a clause binding v to take v's write lock, held to
// the end of the transaction, without changing it.
func lockOn(v string) string { return fmt.Sprintf(" SET %[1]s._lock = true REMOVE %[1]s._lock", v) }

// Statements of Upsert. The lock statements create what is missing, so
// that a concurrent writer of the same new id waits on the same node.
var (
	lockArticles = "UNWIND $rows AS id MERGE (a:Article {id: id})" + lockOn("a") +
		" RETURN a {.*} AS a"
	lockEntities = "UNWIND $rows AS id MERGE (e:Entity {id: id})" + lockOn("e") +
		" RETURN e {.*} AS e"
	readRelations = "UNWIND $rows AS row " +
		"MATCH (:Entity {id: row.source})-[r]-(:Entity {id: row.target}) WHERE r.id = row.id " +
		"RETURN DISTINCT " + projectRel("r") + " AS r"
	writeArticles = "UNWIND $rows AS row MATCH (a:Article {id: row.id}) SET a = row"
	writeMentions = "UNWIND $rows AS row MATCH (a:Article {id: row.article}) " +
		"UNWIND row.entities AS id MATCH (e:Entity {id: id}) MERGE (a)-[:MENTIONS]->(e)"
)

// writeEntities returns the statement that writes entities of type t.
func writeEntities(t schema.EntityType) (string, error) {
	l, err := label(t)
	if err != nil {
		return "", err
	}
	return "UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET e = row, e:" + l, nil
}

// writeRelations returns the statement that writes relations of type t.
func writeRelations(t schema.RelationType) (string, error) {
	rt, err := relType(t)
	if err != nil {
		return "", err
	}
	return "UNWIND $rows AS row " +
		"MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target}) " +
		"MERGE (s)-[r:" + rt + " {id: row.id}]->(t) SET r = row.props", nil
}

// Upsert merges batches into the graph, in one transaction, by the rules of
// store.Prepare and store.MergeEntity and friends. A relation whose end is
// in neither the batches nor the store is ErrInvalidInput.
func (s *Store) Upsert(ctx context.Context, batches ...schema.Batch) error {
	c, err := store.Prepare(batches)
	if err != nil {
		return fmt.Errorf("neo4j.Upsert: %w", err)
	}
	if len(c.Articles) == 0 {
		return nil
	}
	if err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		return upsert(ctx, tx, c)
	}); err != nil {
		return fmt.Errorf("neo4j.Upsert: %w", err)
	}
	return nil
}

// upsert is the work of Upsert's transaction: lock and read, merge, write.
func upsert(ctx context.Context, tx neo4j.ManagedTransaction, c store.Changes) error {
	var articleIDs, entityIDs []any
	for _, a := range c.Articles {
		articleIDs = append(articleIDs, a.ID)
	}
	for _, id := range sortedUnion(c.Entities, c.Endpoints()) {
		entityIDs = append(entityIDs, id)
	}
	oldArticles, err := collect(ctx, tx, lockArticles, articleIDs, "a", toArticle)
	if err != nil {
		return err
	}
	oldEntities, err := collect(ctx, tx, lockEntities, entityIDs, "e", toEntity)
	if err != nil {
		return err
	}
	var missing []string
	for _, id := range c.Endpoints() {
		if oldEntities[id].Type == "" {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("relations join unknown entities %s: %w",
			strings.Join(missing, ", "), store.ErrInvalidInput)
	}
	var relRows []any
	for _, r := range c.Relations {
		relRows = append(relRows, map[string]any{"id": r.ID, "source": r.Source, "target": r.Target})
	}
	oldRelations, err := collect(ctx, tx, readRelations, relRows, "r", toRelation)
	if err != nil {
		return err
	}

	var articles []any
	for _, a := range c.Articles {
		articles = append(articles, articleProps(store.MergeArticle(oldArticles[a.ID], a)))
	}
	if err := exec(ctx, tx, writeArticles, articles); err != nil {
		return err
	}
	if err := writeEntityRows(ctx, tx, c, oldEntities); err != nil {
		return err
	}
	var mentions []any
	for article, ids := range c.Mentions {
		mentions = append(mentions, map[string]any{"article": article, "entities": ids})
	}
	if err := exec(ctx, tx, writeMentions, mentions); err != nil {
		return err
	}
	return writeRelationRows(ctx, tx, c, oldRelations)
}

func writeEntityRows(ctx context.Context, tx neo4j.ManagedTransaction, c store.Changes,
	old map[string]schema.Entity,
) error {
	byType := map[schema.EntityType][]any{}
	for _, e := range c.Entities {
		e = store.MergeEntity(old[e.ID], e)
		byType[e.Type] = append(byType[e.Type], entityProps(e))
	}
	for _, t := range schema.EntityTypes {
		stmt, err := writeEntities(t)
		if err != nil {
			return err
		}
		if err := exec(ctx, tx, stmt, byType[t]); err != nil {
			return err
		}
	}
	return nil
}

func writeRelationRows(ctx context.Context, tx neo4j.ManagedTransaction, c store.Changes,
	old map[string]schema.Relation,
) error {
	byType := map[schema.RelationType][]any{}
	for _, r := range c.Relations {
		r = store.MergeRelation(old[r.ID], r)
		byType[r.Type] = append(byType[r.Type], map[string]any{
			"id": r.ID, "source": r.Source, "target": r.Target, "props": relationProps(r)})
	}
	for _, info := range schema.Relations {
		stmt, err := writeRelations(info.Type)
		if err != nil {
			return err
		}
		if err := exec(ctx, tx, stmt, byType[info.Type]); err != nil {
			return err
		}
	}
	return nil
}

package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"reflect"
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

// readRelations returns the statement that reads the relations of type t
// with the given ids, each through the index of its id constraint: never by
// walking the relationships of an end, which may be a hub of thousands.
func readRelations(t schema.RelationType) (string, error) {
	rt, err := relType(t)
	if err != nil {
		return "", err
	}
	return "UNWIND $rows AS id MATCH ()-[r:" + rt + " {id: id}]->() " +
		"RETURN " + projectRel("r") + " AS r", nil
}

// createRelations returns the statement that creates new relations of type
// t; updateRelations the one that rewrites stored ones, found by id.
func createRelations(t schema.RelationType) (string, error) {
	rt, err := relType(t)
	if err != nil {
		return "", err
	}
	return "UNWIND $rows AS row " +
		"MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target}) " +
		"CREATE (s)-[r:" + rt + "]->(t) SET r = row.props", nil
}

func updateRelations(t schema.RelationType) (string, error) {
	rt, err := relType(t)
	if err != nil {
		return "", err
	}
	return "UNWIND $rows AS row MATCH ()-[r:" + rt + " {id: row.id}]->() SET r = row.props", nil
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
	oldRelations, err := readOldRelations(ctx, tx, c.Relations)
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

// readOldRelations reads the stored relations with the ids of rels, which
// are locked already through their ends' locks.
func readOldRelations(ctx context.Context, tx neo4j.ManagedTransaction, rels []schema.Relation,
) (map[string]schema.Relation, error) {
	byType := map[schema.RelationType][]any{}
	for _, r := range rels {
		byType[r.Type] = append(byType[r.Type], r.ID)
	}
	out := map[string]schema.Relation{}
	for _, info := range schema.Relations {
		if len(byType[info.Type]) == 0 {
			continue
		}
		stmt, err := readRelations(info.Type)
		if err != nil {
			return nil, err
		}
		old, err := collect(ctx, tx, stmt, byType[info.Type], "r", toRelation)
		if err != nil {
			return nil, err
		}
		maps.Copy(out, old)
	}
	return out, nil
}

// writeEntityRows writes the entities of c merged with their stored
// records; one whose merged record is the stored one is not written again,
// so a hub named in every article costs no index update.
func writeEntityRows(ctx context.Context, tx neo4j.ManagedTransaction, c store.Changes,
	old map[string]schema.Entity,
) error {
	byType := map[schema.EntityType][]any{}
	for _, e := range c.Entities {
		merged := store.MergeEntity(old[e.ID], e)
		props := entityProps(merged)
		if o, ok := old[e.ID]; ok && o.Type != "" && reflect.DeepEqual(props, entityProps(o)) {
			continue
		}
		byType[merged.Type] = append(byType[merged.Type], props)
	}
	for _, t := range schema.EntityTypes {
		if len(byType[t]) == 0 {
			continue
		}
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

// writeRelationRows creates the new relations of c and rewrites the stored
// ones that the merge changes.
func writeRelationRows(ctx context.Context, tx neo4j.ManagedTransaction, c store.Changes,
	old map[string]schema.Relation,
) error {
	created := map[schema.RelationType][]any{}
	updated := map[schema.RelationType][]any{}
	for _, r := range c.Relations {
		o, stored := old[r.ID]
		r = store.MergeRelation(o, r)
		props := relationProps(r)
		row := map[string]any{"id": r.ID, "source": r.Source, "target": r.Target,
			"props": props}
		switch {
		case !stored:
			created[r.Type] = append(created[r.Type], row)
		case !reflect.DeepEqual(props, relationProps(o)):
			updated[r.Type] = append(updated[r.Type], row)
		}
	}
	for _, info := range schema.Relations {
		for _, w := range []struct {
			rows []any
			stmt func(schema.RelationType) (string, error)
		}{{created[info.Type], createRelations}, {updated[info.Type], updateRelations}} {
			if len(w.rows) == 0 {
				continue
			}
			stmt, err := w.stmt(info.Type)
			if err != nil {
				return err
			}
			if err := exec(ctx, tx, stmt, w.rows); err != nil {
				return err
			}
		}
	}
	return nil
}

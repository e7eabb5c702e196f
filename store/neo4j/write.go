package neo4jstore

import (
	"context"
	"fmt"
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

// perType returns one statement that runs part once for each type, in a
// unit subquery of its own, with $rows bound to the parameter named after
// the type (its rows, maybe none): one round trip for every type. part is
// formatted with the type, checked by check, in place of %[1]s.
func perType[T ~string](types []T, check func(T) (string, error), part string,
) (string, error) {
	var b strings.Builder
	for _, t := range types {
		name, err := check(t)
		if err != nil {
			return "", err
		}
		b.WriteString("CALL () { UNWIND $" + name + " AS row " +
			fmt.Sprintf(part, name) + " }\n")
	}
	return b.String(), nil
}

// relationTypes returns the relation types of the ontology.
func relationTypes() []schema.RelationType {
	out := make([]schema.RelationType, len(schema.Relations))
	for i, info := range schema.Relations {
		out[i] = info.Type
	}
	return out
}

// Statements of Upsert that take one list of rows per type.
var (
	// writeEntities writes entities, giving each its type label.
	writeEntities = must(perType(schema.EntityTypes, label,
		"MATCH (e:Entity {id: row.id}) SET e = row, e:%[1]s"))
	// readRelations reads relations by id, each through the index of its
	// type's id constraint: never by walking the relationships of an end,
	// which may be a hub of thousands.
	readRelations = "CALL () {\n" + strings.Join(func() []string {
		var parts []string
		for _, t := range relationTypes() {
			parts = append(parts, "UNWIND $"+string(t)+" AS id MATCH ()-[r:"+string(t)+
				" {id: id}]->() RETURN r")
		}
		return parts
	}(), "\nUNION ALL\n") + "\n}\nRETURN " + projectRel("r") + " AS r"
	// createRelations creates new relations, without MERGE: Upsert has
	// read the stored ones already, under the locks of their ends.
	createRelations = must(perType(relationTypes(), relType,
		"MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target}) "+
			"CREATE (s)-[r:%[1]s]->(t) SET r = row.props"))
	// updateRelations rewrites stored relations, found by id.
	updateRelations = must(perType(relationTypes(), relType,
		"MATCH ()-[r:%[1]s {id: row.id}]->() SET r = row.props"))
)

// byType returns the parameters of a perType statement: rows grouped by
// type, with an empty list for each type without rows.
func byType[T ~string](types []T, rows map[T][]any) map[string]any {
	out := map[string]any{}
	for _, t := range types {
		out[string(t)] = append([]any{}, rows[t]...)
	}
	return out
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
	if err := writeRelationRows(ctx, tx, c, oldRelations); err != nil {
		return err
	}
	return writeNotes(ctx, tx, c.Identity)
}

// readOldRelations reads the stored relations with the ids of rels, which
// are locked already through their ends' locks.
func readOldRelations(ctx context.Context, tx neo4j.ManagedTransaction, rels []schema.Relation,
) (map[string]schema.Relation, error) {
	out := map[string]schema.Relation{}
	if len(rels) == 0 {
		return out, nil
	}
	ids := map[schema.RelationType][]any{}
	for _, r := range rels {
		ids[r.Type] = append(ids[r.Type], r.ID)
	}
	res, err := tx.Run(ctx, readRelations, byType(relationTypes(), ids))
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		v, _ := rec.Get("r")
		r := toRelation(v)
		out[r.ID] = r
	}
	return out, nil
}

// writeEntityRows writes the entities of c merged with their stored
// records; one whose merged record is the stored one is not written again,
// so a hub named in every article costs no index update.
func writeEntityRows(ctx context.Context, tx neo4j.ManagedTransaction, c store.Changes,
	old map[string]schema.Entity,
) error {
	rows := map[schema.EntityType][]any{}
	n := 0
	for _, e := range c.Entities {
		merged := store.MergeEntity(old[e.ID], e)
		props := entityProps(merged)
		if o, ok := old[e.ID]; ok && o.Type != "" && reflect.DeepEqual(props, entityProps(o)) {
			continue
		}
		rows[merged.Type] = append(rows[merged.Type], props)
		n++
	}
	if n == 0 {
		return nil
	}
	return run(ctx, tx, writeEntities, byType(schema.EntityTypes, rows))
}

// writeRelationRows creates the new relations of c and rewrites the stored
// ones that the merge changes, in one statement each.
func writeRelationRows(ctx context.Context, tx neo4j.ManagedTransaction, c store.Changes,
	old map[string]schema.Relation,
) error {
	created := map[schema.RelationType][]any{}
	updated := map[schema.RelationType][]any{}
	nc, nu := 0, 0
	for _, r := range c.Relations {
		o, stored := old[r.ID]
		r = store.MergeRelation(o, r)
		props := relationProps(r)
		row := map[string]any{"id": r.ID, "source": r.Source, "target": r.Target,
			"props": props}
		switch {
		case !stored:
			created[r.Type] = append(created[r.Type], row)
			nc++
		case !reflect.DeepEqual(props, relationProps(o)):
			updated[r.Type] = append(updated[r.Type], row)
			nu++
		}
	}
	if nc > 0 {
		if err := run(ctx, tx, createRelations, byType(relationTypes(), created)); err != nil {
			return err
		}
	}
	if nu > 0 {
		return run(ctx, tx, updateRelations, byType(relationTypes(), updated))
	}
	return nil
}

package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/store"
)

// Statements of DeleteArticle. An article mentions both ends of every
// relation with its evidence, so the relations to filter are those leaving
// the entities it mentions.
var (
	lockArticle = "MATCH (a:Article {id: $id})" + lockOn("a") +
		" WITH a OPTIONAL MATCH (a)-[:MENTIONS]->(e:Entity)" +
		" RETURN a.id AS article, collect(e.id) AS ids"
	lockMentioned = "UNWIND $ids AS id MATCH (e:Entity {id: id})" + lockOn("e")
	dropEvidence  = `UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]->(:Entity) WHERE $id IN r.evArticle
WITH r, [i IN range(0, size(r.evArticle) - 1) WHERE r.evArticle[i] <> $id] AS keep
WITH r, [i IN keep | r.evArticle[i]] AS arts, [i IN keep | r.evSentence[i]] AS sents,
     [i IN keep | r.evStart[i]] AS starts, [i IN keep | r.evEnd[i]] AS ends
SET r.evArticle = arts, r.evSentence = sents, r.evStart = starts, r.evEnd = ends
WITH r WHERE size(arts) = 0
DELETE r`
	dropArticle = "MATCH (a:Article {id: $id}) DETACH DELETE a"
	dropOrphans = "UNWIND $ids AS id MATCH (e:Entity {id: id}) " +
		"WHERE NOT EXISTS { (e)--() } DELETE e"
)

// errNoArticle ends DeleteArticle's transaction when there is no article.
var errNoArticle = errors.New("no such article")

// DeleteArticle removes the article id, its evidence, every relation left
// without evidence and every entity left with neither a mention nor a
// relation, in one transaction. An unknown id is store.ErrNotFound.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	if err := store.CheckID("id", id); err != nil {
		return fmt.Errorf("neo4j.DeleteArticle: %w", err)
	}
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		res, err := tx.Run(ctx, lockArticle, map[string]any{"id": id})
		if err != nil {
			return err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return errNoArticle
		}
		v, _ := recs[0].Get("ids")
		ids := strs(map[string]any{"ids": v}, "ids")
		slices.Sort(ids)
		params := map[string]any{"id": id, "ids": ids}
		for _, stmt := range []string{lockMentioned, dropEvidence, dropArticle, dropOrphans,
			dropArticleNotes} {
			res, err := tx.Run(ctx, stmt, params)
			if err != nil {
				return err
			}
			if _, err := res.Consume(ctx); err != nil {
				return err
			}
		}
		return nil
	})
	switch {
	case errors.Is(err, errNoArticle):
		return fmt.Errorf("neo4j.DeleteArticle %s: %w", id, store.ErrNotFound)
	case err != nil:
		return fmt.Errorf("neo4j.DeleteArticle %s: %w", id, err)
	}
	return nil
}

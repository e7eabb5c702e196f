package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/resolve"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// identityScores are the merge figures of one load of the identity set.
type identityScores struct {
	PairP, PairR, CubeP, CubeR float64
	Members, Found             int
	TruePairs, FalsePairs      int
	MissedPairs                int
	Missing                    []string // members with no node, and why
	OverMerged, Split          []string // the wrong pairs, described
	// ByType are the figures of each entity type's members alone.
	ByType map[schema.EntityType]identityScores
}

// articleRecord is what the load did with one article: the entities the
// extractor gave it, in order, and the ids they were written under after
// the resolver (the resolver keeps the order and the count).
type articleRecord struct {
	id      string
	local   []schema.Entity
	written []schema.Entity
}

// identityRecorder sits around the extractor and before the store to see,
// per article (file name without .txt), which node each extracted entity
// became.
type identityRecorder struct {
	x    ingest.Extractor
	next resolve.Writer
	mu   sync.Mutex
	arts map[string]*articleRecord
}

// article returns the record of the article read from path, made on first use.
func (r *identityRecorder) article(path string) *articleRecord {
	name := strings.TrimSuffix(filepath.Base(path), ".txt")
	if r.arts[name] == nil {
		r.arts[name] = &articleRecord{}
	}
	return r.arts[name]
}

// Extract extracts d and records the entities it gave.
func (r *identityRecorder) Extract(d loader.Document) (schema.Batch, error) {
	b, err := r.x.Extract(d)
	if err == nil {
		r.mu.Lock()
		a := r.article(d.Path)
		a.id, a.local = b.Article.ID, slices.Clone(b.Entities)
		r.mu.Unlock()
	}
	return b, err
}

// Upsert records the entities of the resolved batches and writes them.
func (r *identityRecorder) Upsert(ctx context.Context, batches ...schema.Batch) error {
	r.mu.Lock()
	for _, b := range batches {
		a := r.article(b.Article.Path)
		a.written = slices.Clone(b.Entities)
	}
	r.mu.Unlock()
	return r.next.Upsert(ctx, batches...)
}

// measureIdentity loads the articles of dir into st through the resolver,
// as `diplograph load` does, maps each gold member to the node the store
// holds for it and scores the merges.
func measureIdentity(t *testing.T, st store.Store, x ingest.Extractor, dir string,
	gold identityGold,
) identityScores {
	t.Helper()
	ctx := context.Background()
	rec := &identityRecorder{x: x, next: st, arts: map[string]*articleRecord{}}
	rep, err := ingest.Load(ctx, resolve.New(st, rec), rec, []string{dir}, ingest.Options{})
	if err != nil || len(rep.Skipped) > 0 {
		t.Fatalf("ingest.Load = %v, skipped %v; want every article loaded", err, rep.Skipped)
	}
	var s identityScores
	var found []identityMember
	for _, c := range gold.Clusters {
		for _, m := range c.Members {
			s.Members++
			where := fmt.Sprintf("%s %q in %s", c.Type, m.Mention, m.Article)
			id, why := identityNode(ctx, st, rec.arts[m.Article], c.Type, m.Mention)
			if id == "" {
				s.Missing = append(s.Missing, where+": "+why)
				continue
			}
			found = append(found, identityMember{c.ID, c.Type, id, where})
		}
	}
	score(&s, found)
	s.ByType = map[schema.EntityType]identityScores{}
	for _, typ := range schema.EntityTypes {
		var part []identityMember
		for _, m := range found {
			if m.typ == typ {
				part = append(part, m)
			}
		}
		if len(part) > 0 {
			var ts identityScores
			score(&ts, part)
			s.ByType[typ] = ts
		}
	}
	return s
}

// identityMember is a gold member found in the store: its gold cluster, its
// type, the node it is and where it was read.
type identityMember struct {
	cluster string
	typ     schema.EntityType
	node    string
	where   string
}

// score fills s with the pairwise and B-cubed figures of members (every
// pair of members counts once; B-cubed averages over members) and lists
// the wrong pairs.
func score(s *identityScores, members []identityMember) {
	s.Found = len(members)
	for i, a := range members {
		for _, b := range members[i+1:] {
			sameGold, sameNode := a.cluster == b.cluster, a.node == b.node
			switch {
			case sameGold && sameNode:
				s.TruePairs++
			case sameNode:
				s.FalsePairs++
				s.OverMerged = append(s.OverMerged, fmt.Sprintf("%s (%s) and %s (%s)",
					a.where, a.cluster, b.where, b.cluster))
			case sameGold:
				s.MissedPairs++
				s.Split = append(s.Split, fmt.Sprintf("%s: %s and %s", a.cluster,
					a.where, b.where))
			}
		}
	}
	s.PairP = ratio(s.TruePairs, s.TruePairs+s.FalsePairs)
	s.PairR = ratio(s.TruePairs, s.TruePairs+s.MissedPairs)
	for _, a := range members {
		var both, inNode, inGold int
		for _, b := range members {
			if a.node == b.node {
				inNode++
			}
			if a.cluster == b.cluster {
				inGold++
				if a.node == b.node {
					both++
				}
			}
		}
		s.CubeP += float64(both) / float64(inNode) / float64(len(members))
		s.CubeR += float64(both) / float64(inGold) / float64(len(members))
	}
	sort.Strings(s.Split)
}

// identityNode returns the id of the node the store holds for the entity
// of type typ that the article's extraction named form (as its name or an
// alias), or "" and why there is none.
func identityNode(ctx context.Context, st store.Store, a *articleRecord,
	typ schema.EntityType, form string,
) (string, string) {
	if a == nil || a.id == "" {
		return "", "article not extracted"
	}
	if len(a.written) != len(a.local) {
		return "", fmt.Sprintf("the resolver wrote %d entities for %d extracted",
			len(a.written), len(a.local))
	}
	f := schema.Fold(form)
	best, other := -1, ""
	for i, e := range a.local {
		byName := schema.Fold(e.Name) == f
		if !byName && !slices.ContainsFunc(e.Aliases, func(x string) bool {
			return schema.Fold(x) == f
		}) {
			continue
		}
		if e.Type != typ {
			other = string(e.Type)
			continue
		}
		if best < 0 || byName {
			best = i
		}
	}
	if best < 0 {
		if other != "" {
			return "", "extracted as a " + other
		}
		return "", "no entity of the article has this form"
	}
	if a.written[best].Type != typ {
		return "", fmt.Sprintf("the resolver wrote a %s where the extractor gave a %s",
			a.written[best].Type, typ)
	}
	id := a.written[best].ID
	ents, err := st.ArticleEntities(ctx, a.id)
	if err != nil {
		return "", fmt.Sprintf("ArticleEntities: %v", err)
	}
	if !slices.ContainsFunc(ents, func(e schema.Entity) bool {
		return e.ID == id && e.Type == typ
	}) {
		return "", "the store does not link the article to node " + id
	}
	return id, ""
}

// ratio is n/d, or 1 when d is 0 (no pair to get wrong).
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// TestIdentityScore checks the pairwise and B-cubed figures on small
// clusterings worked out by hand.
func TestIdentityScore(t *testing.T) {
	m := func(cluster, node string) identityMember {
		return identityMember{cluster: cluster, typ: schema.Person, node: node}
	}
	cases := []struct {
		name    string
		members []identityMember
		want    [4]float64 // pairwise P, R, B-cubed P, R
	}{
		{"perfect", []identityMember{m("x", "1"), m("x", "1"), m("y", "2")},
			[4]float64{1, 1, 1, 1}},
		{"everything on one node", []identityMember{m("x", "1"), m("y", "1"), m("z", "1")},
			[4]float64{0, 1, 1.0 / 3, 1}},
		{"everything split", []identityMember{m("x", "1"), m("x", "2"), m("x", "3")},
			[4]float64{1, 0, 1, 1.0 / 3}},
		{"one false merge and one split",
			[]identityMember{m("x", "1"), m("x", "1"), m("y", "1"), m("x", "2")},
			[4]float64{1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var s identityScores
			score(&s, tc.members)
			got := [4]float64{s.PairP, s.PairR, s.CubeP, s.CubeR}
			for i := range got {
				if d := got[i] - tc.want[i]; d > 1e-9 || d < -1e-9 {
					t.Fatalf("score = %v; want %v", got, tc.want)
				}
			}
		})
	}
}

// Package resolve merges the people of a newly read article into the people
// already in the graph, across articles: "Modi" in one article and "Narendra
// Modi" in another become one node, while two people who only share a
// surname stay apart. Each decision names the key that matched, so it can be
// explained.
//
// Within one article the loader already joins the forms of a name; resolve
// works between articles, on Person entities, by surname and given names.
package resolve

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Searcher finds entities by name; both stores implement it.
type Searcher interface {
	Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error)
}

// Writer stores batches; both stores implement it.
type Writer interface {
	Upsert(ctx context.Context, batches ...schema.Batch) error
}

// Decision records how one person of a batch was resolved.
type Decision struct {
	Article string // article title
	Name    string // the person's name in the article
	// Into is the name of the existing entity the person was merged into;
	// empty when there was no merge.
	Into string
	// Key is what matched ("surname modi, given names narendra ~ n") or why
	// nothing was merged ("ambiguous: 2 people named kim").
	Key string
}

// String describes the decision in one line.
func (d Decision) String() string {
	if d.Into == "" {
		return fmt.Sprintf("%s: kept %q apart (%s)", d.Article, d.Name, d.Key)
	}
	return fmt.Sprintf("%s: merged %q into %q (%s)", d.Article, d.Name, d.Into, d.Key)
}

// Resolver merges people across articles before writing. It remembers the
// people it wrote, so articles written together in one Upsert resolve
// against each other too. It is safe for concurrent use.
type Resolver struct {
	search Searcher
	next   Writer

	mu   sync.Mutex
	seen map[string][]schema.Entity // word of a name → people written through it
	log  []Decision
}

// New returns a Resolver that looks people up with s and writes to w.
func New(s Searcher, w Writer) *Resolver {
	return &Resolver{search: s, next: w, seen: map[string][]schema.Entity{}}
}

// Upsert resolves the people of each batch against the graph and writes the
// batches.
func (r *Resolver) Upsert(ctx context.Context, batches ...schema.Batch) error {
	out, err := r.Resolve(ctx, batches...)
	if err != nil {
		return err
	}
	return r.next.Upsert(ctx, out...)
}

// Resolve returns the batches with their people pointed at the known people
// they are, without writing them; the resolver remembers them as written.
func (r *Resolver) Resolve(ctx context.Context, batches ...schema.Batch) ([]schema.Batch, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]schema.Batch, len(batches))
	for i, b := range batches {
		rb, err := r.resolve(ctx, b)
		if err != nil {
			return nil, fmt.Errorf("resolve %q: %w", b.Article.Title, err)
		}
		out[i] = rb
	}
	return out, nil
}

// Decisions returns and forgets the decisions made so far.
func (r *Resolver) Decisions() []Decision {
	r.mu.Lock()
	defer r.mu.Unlock()
	d := r.log
	r.log = nil
	return d
}

// resolve rewrites the people of b that match one known person.
func (r *Resolver) resolve(ctx context.Context, b schema.Batch) (schema.Batch, error) {
	into := map[string]schema.Entity{} // batch entity id → known entity
	for _, e := range b.Entities {
		if e.Type != schema.Person {
			continue
		}
		known, key, err := r.match(ctx, e)
		if err != nil {
			return b, err
		}
		if key != "" {
			r.log = append(r.log, Decision{Article: b.Article.Title, Name: e.Name,
				Into: known.Name, Key: key})
		}
		if known.ID != "" && known.ID != e.ID {
			into[e.ID] = known
		}
	}
	b = rewrite(b, into)
	for _, e := range b.Entities {
		if e.Type == schema.Person {
			r.remember(e)
		}
	}
	return b, nil
}

// match finds the one known person e is, with the key that matched; a
// non-empty key with a zero entity explains why none was chosen.
func (r *Resolver) match(ctx context.Context, e schema.Entity) (schema.Entity, string, error) {
	n := parseName(e.Name)
	if n.surname == "" {
		return schema.Entity{}, "", nil
	}
	cands, err := r.candidates(ctx, n.surname)
	if err != nil {
		return schema.Entity{}, "", err
	}
	var fits []schema.Entity
	for _, c := range cands {
		if c.ID == e.ID {
			return schema.Entity{}, "", nil // the same key: nothing to decide
		}
		if n.fits(parseName(c.Name)) {
			fits = append(fits, c)
		}
	}
	switch len(fits) {
	case 0:
		return schema.Entity{}, "", nil
	case 1:
		return fits[0], n.key(parseName(fits[0].Name)), nil
	default:
		return schema.Entity{}, fmt.Sprintf("ambiguous: %d people fit surname %q",
			len(fits), n.surname), nil
	}
}

// candidates returns the known people with the given folded surname: those
// written through this resolver and those the store finds.
func (r *Resolver) candidates(ctx context.Context, surname string) ([]schema.Entity, error) {
	byID := map[string]schema.Entity{}
	var order []string
	add := func(e schema.Entity) {
		if !parseName(e.Name).has(surname) {
			return
		}
		if _, ok := byID[e.ID]; !ok {
			order = append(order, e.ID)
		}
		byID[e.ID] = e
	}
	hits, err := r.search.Search(ctx, store.SearchQuery{
		Text: surname, Types: []schema.EntityType{schema.Person}, First: store.MaxFirst,
	})
	if err != nil {
		return nil, err
	}
	for _, h := range hits {
		add(h.Entity)
	}
	for _, e := range r.seen[surname] {
		add(e)
	}
	out := make([]schema.Entity, len(order))
	for i, id := range order {
		out[i] = byID[id]
	}
	return out, nil
}

// remember adds a written person to the in-run index, under every word of
// the name.
func (r *Resolver) remember(e schema.Entity) {
	for _, w := range parseName(e.Name).words() {
		r.index(w, e)
	}
}

// index files e under the word w, replacing an older copy.
func (r *Resolver) index(w string, e schema.Entity) {
	for i, x := range r.seen[w] {
		if x.ID == e.ID {
			r.seen[w][i] = e
			return
		}
	}
	r.seen[w] = append(r.seen[w], e)
}

// rewrite points the entities and relations of b at the known entities.
func rewrite(b schema.Batch, into map[string]schema.Entity) schema.Batch {
	if len(into) == 0 {
		return b
	}
	keys := map[string]string{}
	ents := make([]schema.Entity, 0, len(b.Entities))
	for _, e := range b.Entities {
		if k, ok := into[e.ID]; ok {
			aliases := append([]string{e.Name}, e.Aliases...)
			e = schema.Entity{ID: k.ID, Key: k.Key, Type: k.Type, Name: k.Name,
				Aliases: dedupe(append(aliases, k.Aliases...), k.Name)}
		}
		keys[e.ID] = e.Key
		ents = append(ents, e)
	}
	for id, k := range into {
		keys[id] = k.Key
	}
	rels := make([]schema.Relation, len(b.Relations))
	for i, rel := range b.Relations {
		if k, ok := into[rel.Source]; ok {
			rel.Source = k.ID
		}
		if k, ok := into[rel.Target]; ok {
			rel.Target = k.ID
		}
		rel.ID = schema.ID(schema.RelationKey(rel.Type, keys[rel.Source], keys[rel.Target],
			rel.Date))
		rels[i] = rel
	}
	b.Entities, b.Relations = ents, rels
	return b
}

// dedupe drops repeats (by folded text) and the name itself from aliases.
func dedupe(aliases []string, name string) []string {
	seen := map[string]bool{schema.Fold(name): true}
	var out []string
	for _, a := range aliases {
		if f := schema.Fold(a); f != "" && !seen[f] {
			seen[f] = true
			out = append(out, strings.TrimSpace(a))
		}
	}
	return out
}

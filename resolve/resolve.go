// Package resolve decides identity across articles before batches are
// stored: "Modi" in one article and "Narendra Modi" in another become one
// node, while two people who only share a name stay apart. Each decision
// has a rule (schema.MatchRule) and names what matched, so it can be
// explained (Resolver.Explain, `load --explain`) and is kept with the batch
// (schema.Batch.Identity, read back as Entity.identity).
//
// Within one article the loader already joins the forms of a name and keys
// each entity; resolve works between articles:
//   - a curator's decisions come first: the redirects a store keeps for
//     mergeEntities and splitEntity (store.Curator) are followed for every
//     entity of a batch;
//   - a generic event the loader kept to its article is keyed by kind,
//     place and day when the article gives them (events.go);
//   - a person is joined to the one known person it fits, by surname and
//     given names, never across two countries, two Wikidata items or
//     offices that clash, and a person whose key is a namesake's whose
//     offices clash is keyed by office instead (offices.go).
//
// A group of batches is resolved with a fixed number of store calls
// whatever its size: one look-up of every surname in the group through the
// store's name index (store.NameIndex), the offices and redirects of the
// people found, and, for articles the store already holds, what those
// articles mentioned. Decisions depend only on what is stored and on the
// order of the batches, and an article read again repeats the decision
// made the first time, so loading the same files twice changes nothing.
// The resolver keeps nothing between calls and holds no lock, so
// concurrent writers resolve in parallel.
package resolve

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Index is what the resolver reads from the store; both stores implement it.
type Index interface {
	store.NameIndex
	// ArticlesByIDs returns the articles of ids that are stored.
	ArticlesByIDs(ctx context.Context, ids []string) ([]schema.Article, error)
	// ArticleEntities returns the entities an article mentions.
	ArticleEntities(ctx context.Context, id string) ([]schema.Entity, error)
	// EntitiesByIDs returns the entities of ids that are stored.
	EntitiesByIDs(ctx context.Context, ids []string) ([]schema.Entity, error)
	store.OfficeIndex
	// Redirects returns the curators' redirects from ids (store.Curator).
	Redirects(ctx context.Context, ids []string) ([]schema.Redirect, error)
}

// Writer stores batches; both stores implement it.
type Writer interface {
	Upsert(ctx context.Context, batches ...schema.Batch) error
}

// Decision records how one entity of a batch was resolved.
type Decision struct {
	Article string // article title
	Name    string // the entity's name in the article
	// Into is the name of the existing entity the mention was merged into;
	// empty when there was no merge.
	Into string
	// Rule is the rule that merged, or that keyed the mention (a generic
	// event keyed by kind, place and day); empty when neither.
	Rule schema.MatchRule
	// Key is what matched ("surname modi, given names narendra ~ n") or why
	// nothing was merged ("ambiguous: 2 people named kim").
	Key string
}

// String describes the decision in one line.
func (d Decision) String() string {
	switch {
	case d.Into == "" && d.Rule != "":
		return fmt.Sprintf("%s: keyed %q by %s (%s)", d.Article, d.Name, d.Rule, d.Key)
	case d.Into == "":
		return fmt.Sprintf("%s: kept %q apart (%s)", d.Article, d.Name, d.Key)
	}
	return fmt.Sprintf("%s: merged %q into %q by %s (%s)", d.Article, d.Name, d.Into, d.Rule,
		d.Key)
}

// Resolver merges people across articles before writing. It is safe for
// concurrent use.
type Resolver struct {
	index Index
	next  Writer
	// Explain, when set, is told every merge and every refusal to merge,
	// from the goroutine that called Resolve or Upsert. Set it before the
	// first call.
	Explain func(Decision)
}

// New returns a Resolver that looks people up in idx and writes to w.
func New(idx Index, w Writer) *Resolver {
	return &Resolver{index: idx, next: w}
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
// they are, without writing them. Batches are resolved in order, each
// against the store and the batches before it.
func (r *Resolver) Resolve(ctx context.Context, batches ...schema.Batch) ([]schema.Batch, error) {
	g, err := r.lookUp(ctx, batches)
	if err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	out := make([]schema.Batch, len(batches))
	for i, b := range batches {
		out[i] = g.resolve(b, r.Explain)
	}
	return out, nil
}

// group is what one Resolve call knows: the stored people sharing a word
// with a surname of its batches, the people of its batches resolved so far,
// and what its already stored articles mention.
type group struct {
	byWord map[string][]schema.Entity // word of a name → people, by id
	before map[string]map[string]bool // stored article id → ids it mentions
	// redirects are the curators' redirects from the ids of the batches'
	// entities, of the people they may be merged into and of the entities
	// those redirect to, by (from, article).
	redirects map[[2]string]schema.Entity
	// offices are the offices of the known people, as stored, and of the
	// people of the batches resolved so far.
	offices map[string]offices
	// events are the ids of the generic events keyed by the day before
	// their article's date that are stored or written by the batches
	// resolved so far (see anchored.dayBefore).
	events map[string]bool
}

// maxRedirects bounds a chain of redirects followed (a merge into an entity
// later split, and so on); a store repoints the redirects of a merge, so
// chains are short.
const maxRedirects = 8

// lookUp reads from the store everything the batches are resolved against.
func (r *Resolver) lookUp(ctx context.Context, batches []schema.Batch) (*group, error) {
	g := &group{byWord: map[string][]schema.Entity{}, before: map[string]map[string]bool{},
		redirects: map[[2]string]schema.Entity{}}
	var err error
	words := map[string]bool{}
	var articles []string
	for _, b := range batches {
		articles = append(articles, b.Article.ID)
		for _, e := range b.Entities {
			n := parseName(e.Name)
			if e.Type != schema.Person || n.surname == "" {
				continue
			}
			words[n.surname] = true
			if len(n.given) > 0 {
				for _, v := range vowelVariants(n.surname, minVariantSurname) {
					words[v] = true
				}
			}
		}
	}
	all := slices.Sorted(func(yield func(string) bool) {
		for w := range words {
			if !yield(w) {
				return
			}
		}
	})
	for start := 0; start < len(all); start += store.MaxNameWords {
		part := all[start:min(start+store.MaxNameWords, len(all))]
		known, err := r.index.EntitiesByNameWords(ctx, schema.Person, part)
		if err != nil {
			return nil, err
		}
		for _, e := range known {
			g.remember(e)
		}
	}
	var people []schema.Entity
	for _, list := range g.byWord {
		people = append(people, list...)
	}
	if g.offices, err = readOffices(ctx, r.index, people); err != nil {
		return nil, err
	}
	if err := g.readRedirects(ctx, r.index, batches); err != nil {
		return nil, err
	}
	var dayBefore []string
	for _, b := range batches {
		for _, a := range anchorEvents(b) {
			if a.dayBefore != nil {
				dayBefore = append(dayBefore, a.dayBefore.event.ID)
			}
		}
	}
	known, err := entitiesByIDs(ctx, r.index, dayBefore)
	if err != nil {
		return nil, err
	}
	g.events = map[string]bool{}
	for id := range known {
		g.events[id] = true
	}
	for start := 0; start < len(articles); start += store.MaxBatch {
		stored, err := r.index.ArticlesByIDs(ctx, articles[start:min(start+store.MaxBatch,
			len(articles))])
		if err != nil {
			return nil, err
		}
		for _, a := range stored {
			if g.before[a.ID] != nil {
				continue
			}
			ents, err := r.index.ArticleEntities(ctx, a.ID)
			if err != nil {
				return nil, err
			}
			g.before[a.ID] = map[string]bool{}
			for _, e := range ents {
				g.before[a.ID][e.ID] = true
			}
		}
	}
	return g, nil
}

// readRedirects reads the curators' redirects that the batches may follow:
// from their entities, from the people they may be merged into, and from
// where those lead, a chain at a time.
func (g *group) readRedirects(ctx context.Context, idx Index, batches []schema.Batch) error {
	asked := map[string]bool{}
	var next []string
	ask := func(id string) {
		if !asked[id] {
			asked[id] = true
			next = append(next, id)
		}
	}
	for _, b := range batches {
		for _, e := range b.Entities {
			ask(e.ID)
		}
	}
	for _, list := range g.byWord {
		for _, e := range list {
			ask(e.ID)
		}
	}
	for round := 0; len(next) > 0 && round < maxRedirects; round++ {
		ids := next
		next = nil
		slices.Sort(ids)
		for start := 0; start < len(ids); start += store.MaxBatch {
			rs, err := idx.Redirects(ctx, ids[start:min(start+store.MaxBatch, len(ids))])
			if err != nil {
				return err
			}
			for _, r := range rs {
				g.redirects[[2]string{r.From, r.Article}] = r.Into
				ask(r.Into.ID)
			}
		}
	}
	return nil
}

// redirect follows the curators' redirects of the entity id in article,
// the article's own first; it returns where they lead and the rule of the
// first, or false when there is none.
func (g *group) redirect(id, article string) (schema.Entity, schema.MatchRule, bool) {
	var to schema.Entity
	var rule schema.MatchRule
	for range maxRedirects {
		next, ok := g.redirects[[2]string{id, article}]
		r := schema.RuleCuratorSplit
		if !ok {
			next, ok = g.redirects[[2]string{id, ""}]
			r = schema.RuleCuratorMerge
		}
		if !ok || next.ID == id {
			break
		}
		if rule == "" {
			rule = r
		}
		to, id = next, next.ID
	}
	return to, rule, rule != ""
}

// resolve rewrites the entities of b that a curator redirected and the
// people that match one known person, notes each merge of the resolver in
// b.Identity, then remembers b's people for the batches after it.
func (g *group) resolve(b schema.Batch, explain func(Decision)) schema.Batch {
	into := map[string]schema.Entity{} // batch entity id → known entity
	b.Identity = slices.Clone(b.Identity)
	bo := batchOffices(b)
	before := g.before[b.Article.ID]
	tell := func(name, into string, rule schema.MatchRule, key string) {
		if explain != nil && key != "" {
			explain(Decision{Article: b.Article.Title, Name: name, Into: into, Rule: rule,
				Key: key})
		}
	}
	final := map[string]string{} // person id in b → the id it is written under
	events := anchorEvents(b)
	for _, e := range b.Entities {
		orig := e.ID
		a, anchor := events[orig]
		if d := a.dayBefore; d != nil && !before[a.event.ID] &&
			(before[d.event.ID] || g.events[d.event.ID]) {
			a = *d
		}
		if anchor {
			g.events[a.event.ID] = true
			tell(e.Name, "", schema.RuleKindPlaceDay, a.on)
			into[orig] = a.event
		}
		if to, rule, ok := g.redirect(into[orig].ID, b.Article.ID); anchor && ok {
			into[orig] = to
			tell(e.Name, to.Name, rule, "a curator's decision")
			continue
		} else if to, rule, ok := g.redirect(e.ID, b.Article.ID); !anchor && ok {
			into[orig] = to
			final[orig] = to.ID
			tell(e.Name, to.Name, rule, "a curator's decision")
			continue
		}
		if anchor {
			b.Identity = append(b.Identity, schema.IdentityMatch{Entity: a.event.ID,
				Rule: schema.RuleKindPlaceDay, Name: e.Name, From: orig, FromKey: e.Key,
				On: a.on, Article: b.Article.ID, Evidence: sentenceOf(b, orig)})
			continue
		}
		if e.Type != schema.Person {
			continue
		}
		final[orig] = orig
		if re, why := g.namesake(e, bo[orig], before); why != "" {
			tell(e.Name, "", "", why)
			if re.ID != e.ID {
				into[orig], final[orig], e = re, re.ID, re
			}
		}
		known, rule, key := g.match(e, before, bo[orig])
		tell(e.Name, known.Name, rule, key)
		if known.ID == "" || known.ID == e.ID {
			continue
		}
		if to, _, ok := g.redirect(known.ID, b.Article.ID); ok {
			if known = to; known.ID == e.ID {
				continue
			}
		}
		into[orig], final[orig] = known, known.ID
		b.Identity = append(b.Identity, schema.IdentityMatch{Entity: known.ID, Rule: rule,
			Name: e.Name, From: e.ID, FromKey: e.Key, On: key, Article: b.Article.ID,
			Evidence: sentenceOf(b, orig)})
	}
	b = rewrite(b, into)
	for _, e := range b.Entities {
		if e.Type == schema.Person {
			g.remember(store.MergeEntity(g.find(e), e))
		}
	}
	for orig, id := range final {
		o := g.offices[id]
		o.merge(bo[orig])
		g.offices[id] = o
	}
	return b
}

// sentenceOf returns the first sentence of b's evidence for a relation of
// the entity id, or "".
func sentenceOf(b schema.Batch, id string) string {
	for _, r := range b.Relations {
		if (r.Source == id || r.Target == id) && len(r.Evidence) > 0 {
			return r.Evidence[0].Sentence
		}
	}
	return ""
}

// namesake decides whether the person e of an article, whose key is that
// of a known person, is that person's namesake: their offices clash (see
// clash). A namesake is returned re-keyed by its office (roleKey) with the
// reason; a person who is not is returned as it is, with an empty reason
// unless the article, stored before, was keyed so then (the choice made
// then is made again).
func (g *group) namesake(e schema.Entity, eo offices, before map[string]bool,
) (schema.Entity, string) {
	if eo.role == "" {
		return e, ""
	}
	re := e
	re.Key = roleKey(e, eo.role)
	re.ID = schema.ID(re.Key)
	switch {
	case before[e.ID]:
		return e, ""
	case before[re.ID]:
		return re, fmt.Sprintf("namesake keyed by office %q, as when the article was first "+
			"loaded", eo.role)
	}
	known := g.find(e)
	if known.ID == "" || !clash(eo, g.offices[e.ID]) {
		return e, ""
	}
	return re, fmt.Sprintf("namesake of the known %q: offices %s clash with %s; keyed by "+
		"office %q", known.Name, describe(eo), describe(g.offices[e.ID]), eo.role)
}

// describe lists the countries and role words of o, for explanations.
func describe(o offices) string {
	return "(" + strings.Join(slices.Sorted(maps.Keys(o.countries)), " ") + "; " +
		strings.Join(slices.Sorted(maps.Keys(o.roles)), " ") + ")"
}

// match finds the one known person e is, with the rule and the key that
// matched; a non-empty key with a zero entity explains why none was
// chosen. before holds the ids the article of e mentioned when it was
// stored, if it was; the choice made then is made again, whatever was
// stored since.
func (g *group) match(e schema.Entity, before map[string]bool, eo offices,
) (schema.Entity, schema.MatchRule, string) {
	n := parseName(e.Name)
	if n.surname == "" || before[e.ID] {
		return schema.Entity{}, "", ""
	}
	cands := g.candidates(n)
	var fits, earlier []schema.Entity
	for _, c := range cands {
		if c.ID == e.ID && before == nil {
			return schema.Entity{}, "", "" // the same key: nothing to decide
		}
		if c.ID != e.ID && n.fits(parseName(c.Name)) && !twoItems(e, c) && !twoCountries(e, c) &&
			!clash(eo, g.offices[c.ID]) {
			fits = append(fits, c)
			if before[c.ID] {
				earlier = append(earlier, c)
			}
		}
	}
	if c := schema.KeyCountry(e.Key); c != "" && len(earlier) > 1 {
		// As below: the one whose office is in the same country, if any.
		same := slices.DeleteFunc(slices.Clone(earlier), func(x schema.Entity) bool {
			return schema.KeyCountry(x.Key) != c
		})
		if len(same) > 0 {
			earlier = same
		}
	}
	if len(earlier) > 0 {
		// The one of e's name, or that took it as an alias, if several fit.
		i := max(0, slices.IndexFunc(earlier, func(c schema.Entity) bool {
			return schema.Fold(c.Name) == schema.Fold(e.Name) ||
				slices.ContainsFunc(c.Aliases, func(a string) bool {
					return schema.Fold(a) == schema.Fold(e.Name)
				})
		}))
		rule, key := n.key(parseName(earlier[i].Name))
		return earlier[i], rule, key + ", as when the article was first loaded"
	}
	if slices.ContainsFunc(cands, func(c schema.Entity) bool { return c.ID == e.ID }) {
		return schema.Entity{}, "", ""
	}
	if q := e.IDs.Wikidata; q != "" {
		// The one linked to the same knowledge-base item, if any.
		i := slices.IndexFunc(fits, func(x schema.Entity) bool { return x.IDs.Wikidata == q })
		if i >= 0 {
			return fits[i], schema.RuleWikidata, "the same Wikidata item " + q
		}
	}
	if c := schema.KeyCountry(e.Key); c != "" && len(fits) > 1 {
		// Of several that fit, the one whose office is in the same country.
		same := slices.DeleteFunc(slices.Clone(fits), func(x schema.Entity) bool {
			return schema.KeyCountry(x.Key) != c
		})
		if len(same) == 1 {
			_, key := n.key(parseName(same[0].Name))
			return same[0], schema.RuleSameCountry, key + ", office in " + strings.ToUpper(c)
		}
	}
	if len(fits) > 1 {
		// Of several that fit, the one of the very same name.
		same := slices.DeleteFunc(slices.Clone(fits), func(x schema.Entity) bool {
			return schema.Fold(x.Name) != schema.Fold(e.Name)
		})
		if len(same) == 1 {
			return same[0], schema.RuleSameName, "the same name " +
				strconv.Quote(schema.Fold(e.Name)) + " (others fit)"
		}
	}
	switch len(fits) {
	case 0:
		return schema.Entity{}, "", ""
	case 1:
		rule, key := n.key(parseName(fits[0].Name))
		return fits[0], rule, key
	}
	return schema.Entity{}, "", fmt.Sprintf("ambiguous: %d people fit surname %q",
		len(fits), n.surname)
}

// twoItems reports whether a and b are linked to two Wikidata items: two
// people, whatever their names share.
func twoItems(a, b schema.Entity) bool {
	return a.IDs.Wikidata != "" && b.IDs.Wikidata != "" && a.IDs.Wikidata != b.IDs.Wikidata
}

// twoCountries reports whether a and b hold office in two countries, as
// their keys say (schema.PersonKey): two namesakes, not one person.
func twoCountries(a, b schema.Entity) bool {
	ca, cb := schema.KeyCountry(a.Key), schema.KeyCountry(b.Key)
	return ca != "" && cb != "" && ca != cb
}

// candidates returns the known people with the surname of n in their
// name, or, for a full name, a surname one vowel apart (see fits), sorted
// by id.
func (g *group) candidates(n name) []schema.Entity {
	out := slices.Clone(g.byWord[n.surname])
	if len(n.given) == 0 {
		return out
	}
	for _, v := range vowelVariants(n.surname, minVariantSurname) {
		for _, c := range g.byWord[v] {
			if !slices.ContainsFunc(out, func(x schema.Entity) bool { return x.ID == c.ID }) {
				out = append(out, c)
			}
		}
	}
	slices.SortFunc(out, func(a, b schema.Entity) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// find returns the remembered copy of e, or a zero entity.
func (g *group) find(e schema.Entity) schema.Entity {
	for _, x := range g.byWord[parseName(e.Name).surname] {
		if x.ID == e.ID {
			return x
		}
	}
	return schema.Entity{}
}

// remember files e under every word of its name, in id order, replacing an
// older copy.
func (g *group) remember(e schema.Entity) {
	for _, w := range parseName(e.Name).words() {
		list := g.byWord[w]
		i, found := slices.BinarySearchFunc(list, e.ID, func(x schema.Entity, id string) int {
			return strings.Compare(x.ID, id)
		})
		if found {
			list[i] = e
			continue
		}
		g.byWord[w] = slices.Insert(list, i, e)
	}
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
				Aliases: dedupe(append(aliases, k.Aliases...), k.Name), IDs: e.IDs}
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

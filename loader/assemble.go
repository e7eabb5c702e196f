package loader

import (
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// assembler resolves the entities and relations of the documents of one
// article (an article too long to read as one is read in parts) into the
// records of a schema.Batch: canonical keys and ids, one entity per key,
// one relation per key with the evidence of every sentence it was read
// from.
type assembler struct {
	b      schema.Batch
	index  map[string]int // entity key → position in b.Entities
	rindex map[string]int // relation key → position in b.Relations
	seen   map[evidenceKey]bool
}

// evidenceKey is a sentence given as evidence of a relation.
type evidenceKey struct {
	rel, start int
}

// newAssembler starts the batch of an article.
func newAssembler(doc Document, articleID string) *assembler {
	return &assembler{
		b: schema.Batch{
			Article: schema.Article{
				ID: articleID, Title: doc.Title, Published: doc.Published, URL: doc.URL,
				Source: doc.Source, Path: doc.Path,
			},
			Entities:  []schema.Entity{},
			Relations: []schema.Relation{},
		},
	}
}

// add resolves the entities and relations of document d into the batch.
func (a *assembler) add(d *document) {
	b := &a.b
	if a.index == nil { // sized for the first part, usually the only one
		a.index = make(map[string]int, len(d.entities))
		a.rindex = make(map[string]int, len(d.rels))
		a.seen = make(map[evidenceKey]bool, len(d.rels))
	}
	b.Entities = slices.Grow(b.Entities, len(d.entities))
	b.Relations = slices.Grow(b.Relations, len(d.rels))
	keyOf := make([]string, len(d.entities))
	idOf := make([]string, len(d.entities))
	for k := range d.entities {
		e := &d.entities[k]
		if e.Dropped || !e.Type.Valid() || strings.TrimSpace(e.Name) == "" || !d.used(k) {
			continue
		}
		key := d.entityKey(e)
		switch {
		case e.Generic && (e.Type == schema.Event || e.Type == schema.Agreement):
			key = d.genericKey(k, key, b.Article.ID)
		case e.Type == schema.Event:
			key = namedEventKey(e, b.Article.Published, key)
		}
		keyOf[k] = key
		if i, ok := a.index[key]; ok {
			idOf[k] = b.Entities[i].ID
			b.Entities[i].Aliases = mergeAliases(b.Entities[i].Aliases, b.Entities[i].Name,
				append([]string{e.Name}, e.Aliases...))
			continue
		}
		a.index[key] = len(b.Entities)
		idOf[k] = schema.ID(key)
		se := schema.Entity{
			ID: idOf[k], Key: key, Type: e.Type, Name: e.Name,
			Aliases: mergeAliases(nil, e.Name, e.Aliases), Kind: e.Kind, Date: e.Date,
		}
		if e.Type == schema.Country {
			se.Code = e.Code
		}
		if e.Type != schema.Event {
			se.Kind = ""
		}
		b.Entities = append(b.Entities, se)
	}
	for _, r := range d.rels {
		sk, dk := keyOf[r.Src], keyOf[r.Dst]
		if sk == "" || dk == "" || sk == dk || r.Conf < d.opts.MinConfidence {
			continue
		}
		info, _ := schema.Info(r.Type)
		if !d.opts.Extra && !scored[r.Type] {
			continue
		}
		key := schema.RelationKey(r.Type, sk, dk, r.Date)
		s := d.sents[r.Sent]
		ev := schema.Evidence{Article: b.Article.ID, Sentence: schema.OneLine(d.body[s.Start:s.End]),
			Start: s.Start, End: s.End}
		if i, ok := a.rindex[key]; ok {
			rel := &b.Relations[i]
			if ek := (evidenceKey{i, s.Start}); !a.seen[ek] {
				a.seen[ek] = true
				rel.Evidence = append(rel.Evidence, ev)
			}
			rel.Confidence = max(rel.Confidence, r.Conf)
			continue
		}
		a.rindex[key] = len(b.Relations)
		a.seen[evidenceKey{len(b.Relations), s.Start}] = true
		rel := schema.Relation{
			ID: schema.ID(key), Type: r.Type, Source: idOf[r.Src], Target: idOf[r.Dst],
			Date: r.Date, Role: r.Role, Confidence: r.Conf, Cameo: info.Cameo,
			Plover: info.Plover, Evidence: []schema.Evidence{ev},
		}
		if r.Planned {
			rel.Status = "planned"
		}
		b.Relations = append(b.Relations, rel)
	}
}

// scored lists the relation types the evaluation scores.
var scored = map[schema.RelationType]bool{
	schema.Called: true, schema.Met: true, schema.Visited: true, schema.Invited: true,
	schema.Condemned: true, schema.Condoled: true, schema.Supported: true,
	schema.Signed: true, schema.Attended: true, schema.HoldsOffice: true,
	schema.OccurredIn: true, schema.LocatedIn: true,
}

// used reports whether entity k should be printed: every entity with a
// mention of its own in the text (not only a pronoun), and a country the
// knowledge base added as the office of a person named there.
func (d *document) used(k int) bool {
	if d.entities[k].Known {
		return true
	}
	for _, r := range d.entities[k].Mentions {
		if m := d.m(r); m.Form != formPronoun && m.Form != formPlural {
			return true
		}
	}
	return false
}

// entityKey returns the canonical key of an entity: "country:" and the ISO
// code for a country, schema.EntityKey otherwise.
func (d *document) entityKey(e *entity) string {
	if e.Type == schema.Country && e.Code != "" {
		return "country:" + strings.ToLower(e.Code)
	}
	if e.Type == schema.Person && e.RoleOrg < 0 && e.RoleCode != "" && (e.Written || e.KBOffice) {
		// Namesakes who hold office in two countries, as the text or the
		// knowledge base says, are two people ("person:pk:ahmed khan",
		// "person:af:ahmed khan"); resolve joins a mention with no
		// country to the one person it fits.
		return schema.PersonKey(e.Name, e.RoleCode)
	}
	return entityKey(e.Type, e.Name)
}

// genericKey is the key of event or agreement k known by a common noun
// only ("the bombing", "the agreement"): such a name says nothing of which
// one, so two articles' "bombing" are one node only when they agree on
// kind, place and day ("event:attack in kabul on 2025-03-30"); without a
// place and a day the node is its article's own. A named event ("the
// Kazan summit") keeps the key of its name.
func (d *document) genericKey(k int, key, article string) string {
	e := &d.entities[k]
	if e.Type == schema.Event && e.Kind != "" && len(e.Date) == len("2006-01-02") {
		for _, r := range d.rels {
			if r.Type == schema.OccurredIn && r.Src == k && !d.entities[r.Dst].Dropped {
				return schema.GenericEventKey(e.Kind, d.entityKey(&d.entities[r.Dst]), e.Date)
			}
		}
	}
	return key + " of article " + article
}

// namedEventKey is the key of a named event: its series (the name without
// an ordinal or a year) and the year it took place in, from its date, a
// year in its name or the article's ("16th Arctic Summit" and "Arctic
// Summit" in a 2024 article are one event; the Arctic Summits of 2023 and
// 2024 two). With no year anywhere the name alone is the key.
func namedEventKey(e *entity, published, key string) string {
	words := strings.Fields(fold(e.Name))
	year := ""
	series := words[:0:0]
	for i, w := range words {
		switch {
		case len(w) == 4 && w[0] >= '1' && w[0] <= '2' && strings.Trim(w, "0123456789") == "":
			year = w
		case i == 0 && (numberedOrdinal(w) || ordinalWords[w] || seriesOrdinals[w]):
		default:
			series = append(series, w)
		}
	}
	if len(series) == 0 {
		return key
	}
	if len(e.Date) >= 4 {
		year = e.Date[:4]
	}
	if year == "" && len(published) >= 4 {
		year = published[:4]
	}
	if year == "" {
		return key
	}
	return "event:" + strings.Join(series, " ") + " of " + year
}

// numberedOrdinal reports whether a folded word is an ordinal in figures
// ("16th", "3rd").
func numberedOrdinal(w string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if d, ok := strings.CutSuffix(w, suf); ok && d != "" && strings.Trim(d, "0123456789") == "" {
			return true
		}
	}
	return false
}

// seriesOrdinals are the spelt ordinals past ordinalWords that open the
// names of events held every year.
var seriesOrdinals = pkgLex.words("series-ordinals.txt")

// entityKey is schema.EntityKey with fold's fast path for ASCII names.
func entityKey(t schema.EntityType, name string) string {
	return strings.ToLower(string(t)) + ":" + fold(name)
}

// mergeAliases adds names to aliases, leaving out name and duplicates.
func mergeAliases(aliases []string, name string, names []string) []string {
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || n == name || hasString(aliases, n) {
			continue
		}
		aliases = append(aliases, n)
	}
	return aliases
}

package loader

import (
	"github.com/diplograph/diplograph/loader/internal/frames"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/syntax"
)

// entity is one real-world thing an article speaks of, with every mention
// of it.
type entity struct {
	Type    schema.EntityType
	Name    string
	Aliases []string
	Code    string // ISO code of a country; of the country a place lies in
	Kind    string // kind of an event
	Date    string // date of an event or year of an agreement
	// Office of a person, read from its mentions.
	Role     string
	RoleCode string
	RoleOrg  int // entity index of the organisation, or -1
	Mentions []ref
	words    []string // folded words of a person's name, for matching
	Leader   bool
	Explicit bool // the office's place is written, not guessed
	Capital  bool
	Generic  bool // an event or agreement known by a common noun only
	Dropped  bool
	Known    bool // added from the knowledge base (a person's country the text does not name)
	KBOffice bool // a person whose office's country the knowledge base gave
	Written  bool // a person whose office's country a mention of its own names ("Pakistani FM")
}

// ref locates a mention: its sentence and its index there.
type ref struct {
	Sent, Idx int
}

// relation is a relation read from one sentence, between entities.
type relation struct {
	Type     schema.RelationType
	Src, Dst int
	Sent     int
	Date     string
	Planned  bool
	Role     string
	Conf     float64
}

// document is one article on its way through the pipeline: its sentences,
// mentions, dates, entities and relations.
type document struct {
	g        *gazetteer
	opts     Options
	body     string
	sents    []sentence
	views    []*sentView
	mentions [][]mention
	dates    [][]dateExpr
	dc       *dateContext
	dl       dateline
	entities []entity
	rels     []relation
	home     string // ISO code of the country the article is from
	away     string // the other country of a story between two, or ""
	p        *patterns
	parse    func(*sentView) *syntax.Parse // a sentence's parse, made once
	frames   *frames.Set
	mem      memory
	byWord   map[string][]int // persons by the words of their names
	byFold   map[string]int   // other entities by folded name and alias
	relSeen  map[relSrc]bool  // relation types read per source
	ctxs     []sentCtx        // sentences prepared for relations, by sentCtx
	ws       *workspace       // the memory the document lives in
	main     int              // the main event, once known (-2 before)
	signed   int              // the agreement signed in the article (-2 before)
}

// relSrc is a relation type and its source entity.
type relSrc struct {
	t   schema.RelationType
	src int
}

// m returns the mention r points at.
func (d *document) m(r ref) *mention {
	return &d.mentions[r.Sent][r.Idx]
}

// newEntity adds an entity for mention r and returns its index.
func (d *document) newEntity(r ref, typ schema.EntityType, name string) int {
	m := d.m(r)
	e := entity{Type: typ, Name: name, Code: m.Code, Kind: m.Kind, Capital: m.Capital,
		Generic: m.Generic, RoleOrg: -1}
	d.entities = append(d.entities, e)
	k := len(d.entities) - 1
	d.attach(r, k)
	return k
}

// attach makes mention r a mention of entity k.
func (d *document) attach(r ref, k int) {
	m := d.m(r)
	m.Entity = k
	e := &d.entities[k]
	e.Mentions = append(e.Mentions, r)
	for _, n := range []string{m.Name, d.surface(r)} {
		if d.byFold != nil && e.Type != schema.Person && n != "" {
			if _, ok := d.byFold[fold(n)]; !ok {
				d.byFold[fold(n)] = k
			}
		}
		if m.Form == formProper && n != "" && n != e.Name && !hasString(e.Aliases, n) &&
			e.Type != schema.Country && e.Type != schema.Person {
			e.Aliases = append(e.Aliases, n)
		} else if m.Form == formProper && n == m.Name && n != e.Name && !hasString(e.Aliases, n) {
			e.Aliases = append(e.Aliases, n)
		}
	}
	if s := d.styled(r); s != "" && s != e.Name && !hasString(e.Aliases, s) {
		e.Aliases = append(e.Aliases, s)
	}
	if e.Code == "" && m.Code != "" {
		e.Code = m.Code
	}
	if e.Kind == "" && m.Kind != "" {
		e.Kind = m.Kind
	}
}

// hasString reports whether list holds s.
func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// surface returns the words of mention r as written, without its titles.
func (d *document) surface(r ref) string {
	m := d.m(r)
	return d.views[r.Sent].span(m.N0, m.N1)
}

// styled returns a person's name with the honorific written before it
// ("Sheikh Tamim"), which the name leaves out but the press uses as a
// name, or "".
func (d *document) styled(r ref) string {
	m := d.m(r)
	if m.Entity < 0 || d.entities[m.Entity].Type != schema.Person || m.Form != formProper ||
		m.N0 == 0 {
		return ""
	}
	v := d.views[r.Sent]
	switch t := v.Toks[m.N0-1]; t.Low {
	case "sheikh", "sheikha", "shaikh":
		return t.Text + " " + m.Name
	}
	return ""
}

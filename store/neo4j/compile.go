package neo4jstore

import (
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/store"
)

// compiler turns a listing and the plan below it (store.EntityPlan and its
// kin) into one Cypher expression: a map projection of each record with,
// nested in it, a COLLECT {} subquery per listing (ordered and limited in
// the database, one item more than the page to tell whether more follow)
// and a COUNT {} for its total when the plan wants it. Every value is a
// parameter; the text depends only on the shape of the plan.
type compiler struct {
	params map[string]any
	vars   int
}

func newCompiler() *compiler { return &compiler{params: map[string]any{}} }

// param adds v as a parameter and returns its reference.
func (c *compiler) param(v any) string {
	name := fmt.Sprintf("p%d", len(c.params))
	c.params[name] = v
	return "$" + name
}

// fresh returns a variable name not used before in the statement.
func (c *compiler) fresh(prefix string) string {
	c.vars++
	return fmt.Sprintf("%s%d", prefix, c.vars)
}

// The keys under which a projection nests what its plan reads.
const (
	keySource   = "_s"
	keyTarget   = "_t"
	keyArticles = "_a"
	keyEntities = "_e"
)

func keyRelations(i int) string { return fmt.Sprintf("_r%d", i) }
func keyMentions(i int) string  { return fmt.Sprintf("_m%d", i) }

// entity returns the projection of the entity variable v with what p reads.
func (c *compiler) entity(v string, p *store.EntityPlan) (string, error) {
	if p.Empty() {
		return v + " {.*}", nil
	}
	parts := []string{".*"}
	for i, rp := range p.Relations {
		l, err := c.relations(owner{entity: v}, rp)
		if err != nil {
			return "", err
		}
		parts = append(parts, keyRelations(i)+": "+l)
	}
	for i, mp := range p.Mentions {
		l, err := c.mentions(v, mp)
		if err != nil {
			return "", err
		}
		parts = append(parts, keyMentions(i)+": "+l)
	}
	return v + " {" + strings.Join(parts, ", ") + "}", nil
}

// article returns the projection of the article variable a with what p
// reads.
func (c *compiler) article(a string, p *store.ArticlePlan) (string, error) {
	if p.Empty() {
		return a + " {.*}", nil
	}
	parts := []string{".*"}
	if p.Entities != nil {
		x := c.fresh("x")
		proj, err := c.entity(x, p.Entities)
		if err != nil {
			return "", err
		}
		parts = append(parts, keyEntities+": COLLECT { MATCH ("+a+")-[:MENTIONS]->("+x+
			":Entity) WITH DISTINCT "+x+" ORDER BY "+x+".fold, "+x+".id RETURN "+proj+" }")
	}
	for i, rp := range p.Relations {
		l, err := c.relations(owner{article: a}, rp)
		if err != nil {
			return "", err
		}
		parts = append(parts, keyRelations(i)+": "+l)
	}
	return a + " {" + strings.Join(parts, ", ") + "}", nil
}

// relation returns the clauses that end a page subquery of relations bound
// to r: the ends and evidence articles p asks for, and the projection.
func (c *compiler) relation(r string, p store.RelationPlan) (string, error) {
	base := r + " {.*, type: type(" + r + "), source: startNode(" + r + ").id, " +
		"target: endNode(" + r + ").id"
	if p.Empty() {
		return "RETURN " + base + "}", nil
	}
	s, t := c.fresh("s"), c.fresh("t")
	var b strings.Builder
	b.WriteString("WITH " + r + ", startNode(" + r + ") AS " + s + ", endNode(" + r + ") AS " +
		t + "\nRETURN " + base)
	if p.Source != nil {
		proj, err := c.entity(s, p.Source)
		if err != nil {
			return "", err
		}
		b.WriteString(", " + keySource + ": " + proj)
	}
	if p.Target != nil {
		proj, err := c.entity(t, p.Target)
		if err != nil {
			return "", err
		}
		b.WriteString(", " + keyTarget + ": " + proj)
	}
	if p.Articles != nil {
		a := c.fresh("a")
		proj, err := c.article(a, p.Articles)
		if err != nil {
			return "", err
		}
		b.WriteString(", " + keyArticles + ": COLLECT { MATCH (" + a + ":Article) WHERE " + a +
			".id IN " + r + ".evArticle RETURN " + proj + " }")
	}
	b.WriteString("}")
	return b.String(), nil
}

// owner is what a relation listing belongs to: the entity variable entity,
// the article variable article, or neither for a root listing, which
// starts from what its filter names.
type owner struct{ entity, article string }

// relations returns the listing expression {total, page} of rp's filter
// for o.
func (c *compiler) relations(o owner, rp store.RelationsPlan) (string, error) {
	f, span, err := rp.Filter.Normalize()
	if err != nil {
		return "", err
	}
	if o.entity != "" {
		f.Entity = ""
	}
	if o.article != "" {
		f.Entity, f.Article = "", ""
	}
	r := c.fresh("r")
	match, distinct, err := c.relationsMatch(o, f, r)
	if err != nil {
		return "", err
	}
	conds := c.relationConds(f, r)
	if o.article != "" {
		conds = append(conds, o.article+".id IN "+r+".evArticle")
	}
	where := func(extra ...string) string { return whereClause(conds, extra...) }
	var keyset []string
	if span.After != nil {
		keyset = append(keyset, c.relationAfter(f.Order, r, *span.After))
	}
	order := " ORDER BY " + r + ".date DESC, " + r + ".id"
	if f.Order == store.DateAsc {
		order = " ORDER BY " + r + ".date = '', " + r + ".date, " + r + ".id"
	}
	with := " WITH " + r
	ret := ""
	if distinct {
		with = " WITH DISTINCT " + r
		ret = " RETURN DISTINCT " + r
	}
	total := "-1"
	if rp.Total {
		total = "COUNT { " + match + where() + ret + " }"
	}
	tail, err := c.relation(r, rp.Each)
	if err != nil {
		return "", err
	}
	page := "COLLECT { " + match + where(keyset...) + with + order + " LIMIT " +
		c.param(span.Limit+1) + "\n" + tail + " }"
	return "{total: " + total + ", page: " + page + "}", nil
}

// relationsMatch returns the MATCH that binds r to the candidates of a
// listing of o, and whether a relation can be bound twice (a loop seen
// from both ends). For an article, the caller keeps the relations with
// evidence from it.
func (c *compiler) relationsMatch(o owner, f store.RelationFilter, r string,
) (string, bool, error) {
	types, err := typePattern(f.Types)
	if err != nil {
		return "", false, err
	}
	rel := "[" + r + ":" + types + "]"
	from := func(node string) (string, bool) {
		switch f.Direction {
		case store.Out:
			return "MATCH (" + node + ")-" + rel + "->()", false
		case store.In:
			return "MATCH (" + node + ")<-" + rel + "-()", false
		}
		return "MATCH (" + node + ")-" + rel + "-()", true
	}
	switch {
	case o.entity != "":
		m, d := from(o.entity)
		return m, d, nil
	case o.article != "":
		return "MATCH (" + o.article + ")-[:MENTIONS]->(:Entity)-" + rel + "->()", false, nil
	case f.Entity != "":
		m, d := from(":Entity {id: " + c.param(f.Entity) + "}")
		return m, d, nil
	case f.Source != "":
		return "MATCH (:Entity {id: " + c.param(f.Source) + "})-" + rel + "->()", false, nil
	case f.Target != "":
		return "MATCH ()-" + rel + "->(:Entity {id: " + c.param(f.Target) + "})", false, nil
	case f.Article != "":
		return "MATCH (:Article {id: " + c.param(f.Article) + "})-[:MENTIONS]->(:Entity)-" +
			rel + "->()", false, nil
	}
	if f.Since != "" || f.Until != "" {
		return c.datedMatch(f, r), false, nil
	}
	return "MATCH ()-" + rel + "->()", false, nil
}

// datedMatch binds r to the relations of f's types whose first day (dateLo)
// lies in a range that holds every relation of f's window: one seek of the
// dateLo index per type (an index covers one type), joined by UNION ALL.
// The range is wider than the window (a relation dated 2024 overlaps a
// window from 2024-05 on, but its first day is 2024-01-01): the window's
// own conditions still apply. As a date spans at most its year, a relation
// that ends on or after since starts on or after since's 1 January.
func (c *compiler) datedMatch(f store.RelationFilter, r string) string {
	var bounds []string
	if f.Since != "" {
		lo, _ := store.DateBounds(f.Since) // valid: Normalize checked the window
		bounds = append(bounds, r+".dateLo >= "+c.param(lo[:min(4, len(lo))]+"-01-01"))
	}
	if f.Until != "" {
		_, hi := store.DateBounds(f.Until)
		bounds = append(bounds, r+".dateLo <= "+c.param(hi))
	}
	where := strings.Join(bounds, " AND ")
	parts := make([]string, len(f.Types))
	for i, t := range f.Types {
		parts[i] = "MATCH ()-[" + r + ":" + string(t) + "]->() WHERE " + where + " RETURN " + r
	}
	return "CALL () { " + strings.Join(parts, " UNION ALL ") + " } WITH " + r
}

// relationConds returns the conditions of f on the relation r.
func (c *compiler) relationConds(f store.RelationFilter, r string) []string {
	var conds []string
	if f.Source != "" {
		conds = append(conds, "startNode("+r+").id = "+c.param(f.Source))
	}
	if f.Target != "" {
		conds = append(conds, "endNode("+r+").id = "+c.param(f.Target))
	}
	if f.Between != nil {
		p := c.param(f.Between)
		conds = append(conds, "startNode("+r+").id IN "+p+" AND endNode("+r+").id IN "+p)
	}
	if f.Since != "" {
		lo, _ := store.DateBounds(f.Since)
		conds = append(conds, r+".dateLo <> '' AND "+r+".dateHi >= "+c.param(lo))
	}
	if f.Until != "" {
		_, hi := store.DateBounds(f.Until)
		conds = append(conds, r+".dateLo <> '' AND "+r+".dateLo <= "+c.param(hi))
	}
	if f.Article != "" {
		conds = append(conds, c.param(f.Article)+" IN "+r+".evArticle")
	}
	if f.Dated {
		conds = append(conds, r+".date <> ''")
	}
	return conds
}

// relationAfter is the condition that r comes after the key k in a
// relation listing of order o (see store.RelationOrder).
func (c *compiler) relationAfter(o store.Order, r string, k store.Key) string {
	d, id := c.param(k.Sort), c.param(k.ID)
	tie := r + ".date = " + d + " AND " + r + ".id > " + id
	switch {
	case o != store.DateAsc:
		return "(" + r + ".date < " + d + " OR (" + tie + "))"
	case k.Sort == "":
		return "(" + r + ".date = '' AND " + r + ".id > " + id + ")"
	}
	return "(" + r + ".date = '' OR " + r + ".date > " + d + " OR (" + tie + "))"
}

// articleConds returns the conditions of f on the article a, keyset aside.
func (c *compiler) articleConds(f store.ArticleFilter, a string) []string {
	var conds []string
	if f.Source != "" {
		conds = append(conds, a+".source = "+c.param(f.Source))
	}
	if f.Since != "" {
		lo, _ := store.DateBounds(f.Since)
		conds = append(conds, a+".pubLo <> '' AND "+a+".pubHi >= "+c.param(lo))
	}
	if f.Until != "" {
		_, hi := store.DateBounds(f.Until)
		conds = append(conds, a+".pubLo <> '' AND "+a+".pubLo <= "+c.param(hi))
	}
	return conds
}

// mentions returns the listing expression {total, page} of the articles
// that mention the entity variable v.
func (c *compiler) mentions(v string, mp store.MentionsPlan) (string, error) {
	mp.Filter.Entity = ""
	return c.articles("MATCH ("+v+")<-[:MENTIONS]-(%s:Article)", true, mp)
}

// articles returns the listing expression {total, page} of the articles
// that match (a MATCH with %s for the article variable) binds and that mp's
// filter selects; distinct says the match can bind an article twice.
func (c *compiler) articles(match string, distinct bool, mp store.MentionsPlan,
) (string, error) {
	f, span, err := mp.Filter.Normalize()
	if err != nil {
		return "", err
	}
	a := c.fresh("a")
	match = fmt.Sprintf(match, a)
	if f.Entity != "" {
		match = "MATCH (:Entity {id: " + c.param(f.Entity) + "})<-[:MENTIONS]-(" + a +
			":Article)"
		distinct = true
	}
	conds := c.articleConds(f, a)
	where := func(extra ...string) string { return whereClause(conds, extra...) }
	var keyset []string
	if k := span.After; k != nil {
		d, id := c.param(k.Sort), c.param(k.ID)
		keyset = append(keyset, "("+a+".published < "+d+" OR ("+a+".published = "+d+
			" AND "+a+".id > "+id+"))")
	}
	with, ret := " WITH "+a, ""
	if distinct {
		with, ret = " WITH DISTINCT "+a, " RETURN DISTINCT "+a
	}
	total := "-1"
	if mp.Total {
		total = "COUNT { " + match + where() + ret + " }"
	}
	proj, err := c.article(a, &mp.Each)
	if err != nil {
		return "", err
	}
	page := "COLLECT { " + match + where(keyset...) + with + " ORDER BY " + a +
		".published DESC, " + a + ".id LIMIT " + c.param(span.Limit+1) + " RETURN " + proj + " }"
	return "{total: " + total + ", page: " + page + "}", nil
}

// entities returns the listing expression {total, page} of the entities f
// selects, each projected with p.
func (c *compiler) entities(f store.EntityFilter, total bool, p *store.EntityPlan,
) (string, error) {
	f, span, err := f.Normalize()
	if err != nil {
		return "", err
	}
	e := c.fresh("e")
	match := "MATCH (" + e + ":Entity)"
	var conds []string
	if f.Type != "" {
		conds = append(conds, e+".type = "+c.param(string(f.Type)))
	}
	if f.NameStartsWith != "" {
		conds = append(conds, e+".fold STARTS WITH "+c.param(f.NameStartsWith))
	}
	where := func(extra ...string) string { return whereClause(conds, extra...) }
	var keyset []string
	if k := span.After; k != nil {
		d, id := c.param(k.Sort), c.param(k.ID)
		keyset = append(keyset, "("+e+".fold > "+d+" OR ("+e+".fold = "+d+" AND "+e+
			".id > "+id+"))")
	}
	count := "-1"
	if total {
		count = "COUNT { " + match + where() + " }"
	}
	proj, err := c.entity(e, p)
	if err != nil {
		return "", err
	}
	page := "COLLECT { " + match + where(keyset...) + " WITH " + e + " ORDER BY " + e +
		".fold, " + e + ".id LIMIT " + c.param(span.Limit+1) + " RETURN " + proj + " }"
	return "{total: " + count + ", page: " + page + "}", nil
}

// whereClause joins conds and extra with AND into a WHERE clause, or ""
// when there are none.
func whereClause(conds []string, extra ...string) string {
	all := append(slices.Clip(conds), extra...)
	if len(all) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(all, " AND ")
}

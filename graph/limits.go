package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// DocLimits bound the shape of one GraphQL document. They are checked on
// the parsed document before gqlgen validates it, so that validation, whose
// cost grows with the fragment-expanded document, never sees a document
// that could keep it busy.
type DocLimits struct {
	// Bytes bounds the length of the query text (default 64 KiB).
	Bytes int
	// Tokens bounds the lexer tokens of the query (default 10,000).
	Tokens int
	// Fields bounds the field selections written in the document (default 1,000).
	Fields int
	// Aliases bounds the aliased field selections (default 100).
	Aliases int
	// Fragments bounds the fragment definitions plus spreads (default 200).
	Fragments int
	// Complexity bounds the cost of the fragment-expanded, deduplicated
	// selection, priced by the schema's cost functions (default 5,000).
	Complexity int
}

func (l DocLimits) withDefaults() DocLimits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.Bytes, 64<<10)
	def(&l.Tokens, 10_000)
	def(&l.Fields, 1_000)
	def(&l.Aliases, 100)
	def(&l.Fragments, 200)
	def(&l.Complexity, 5_000)
	return l
}

// Error codes of documents refused by DocLimits.
const (
	CodeComplexity  = "COMPLEXITY_LIMIT_EXCEEDED"
	CodeDocTooLarge = "QUERY_TOO_LARGE"
)

// docGuard is the gqlgen extension enforcing DocLimits. It runs as an
// operation parameter mutator, after persisted queries are looked up and
// before gqlgen parses and validates; documents found in the query cache
// were vetted when they were added and are not looked at again.
type docGuard struct {
	limits DocLimits
	cache  graphql.Cache[*ast.QueryDocument]
	es     graphql.ExecutableSchema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = (*docGuard)(nil)

func (g *docGuard) ExtensionName() string { return "DocLimits" }

func (g *docGuard) Validate(es graphql.ExecutableSchema) error {
	g.es = es
	return nil
}

func (g *docGuard) MutateOperationParameters(ctx context.Context, p *graphql.RawParams,
) *gqlerror.Error {
	if p.Query == "" {
		return nil // gqlgen answers "no operation provided"
	}
	if len(p.Query) > g.limits.Bytes {
		return tooLarge("query of %d bytes exceeds the limit of %d bytes",
			len(p.Query), g.limits.Bytes)
	}
	// A cached document passed the shape checks when it was added; its
	// cost depends on the variables and is computed again.
	doc, cached := g.cache.Get(ctx, p.Query)
	if !cached {
		var err error
		doc, err = parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, g.limits.Tokens)
		if err != nil {
			gqlErr, ok := err.(*gqlerror.Error)
			if !ok {
				gqlErr = gqlerror.Wrap(err)
			}
			errcode.Set(gqlErr, errcode.ParseFailed)
			return gqlErr
		}
		if e := g.checkShape(doc); e != nil {
			return e
		}
	}
	c := newCoster(ctx, g.es, doc, p.Variables)
	for _, op := range doc.Operations {
		if p.OperationName != "" && op.Name != p.OperationName {
			continue
		}
		if cost := c.operation(op); cost > g.limits.Complexity {
			amount := fmt.Sprint(cost)
			if cost >= costCap {
				amount = fmt.Sprintf("over %d", costCap)
			}
			e := gqlerror.Errorf("operation has complexity %s, which exceeds the limit of %d",
				amount, g.limits.Complexity)
			errcode.Set(e, CodeComplexity)
			return e
		}
	}
	return nil
}

// checkShape counts the fields, aliases and fragments written in doc.
func (g *docGuard) checkShape(doc *ast.QueryDocument) *gqlerror.Error {
	var fields, aliases, frags int
	var walk func(ast.SelectionSet)
	walk = func(ss ast.SelectionSet) {
		for _, sel := range ss {
			switch s := sel.(type) {
			case *ast.Field:
				fields++
				if s.Alias != "" && s.Alias != s.Name {
					aliases++
				}
				walk(s.SelectionSet)
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				frags++
			}
		}
	}
	for _, op := range doc.Operations {
		walk(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		frags++
		walk(f.SelectionSet)
	}
	switch {
	case fields > g.limits.Fields:
		return tooLarge("document selects %d fields, over the limit of %d", fields, g.limits.Fields)
	case aliases > g.limits.Aliases:
		return tooLarge("document has %d aliases, over the limit of %d", aliases, g.limits.Aliases)
	case frags > g.limits.Fragments:
		return tooLarge("document has %d fragment definitions and spreads, over the limit of %d",
			frags, g.limits.Fragments)
	}
	return nil
}

func tooLarge(format string, args ...any) *gqlerror.Error {
	e := gqlerror.Errorf(format, args...)
	errcode.Set(e, CodeDocTooLarge)
	return e
}

// costCap is where costs saturate, far above any limit, so that products
// of nested list sizes cannot overflow.
const costCap = 1 << 40

// coster prices a document's operations with the schema's cost functions.
// Fields that share a response key are merged, as execution merges them,
// a fragment spread twice in one selection counts once, and the cost of
// each fragment is computed once: the time is linear in the document,
// however many times its fragments expand.
type coster struct {
	ctx    context.Context
	es     graphql.ExecutableSchema
	schema *ast.Schema
	frags  map[string]*ast.FragmentDefinition
	memo   map[string]int
	active map[string]bool
	vars   map[string]any
	// defaults are the default values of the current operation's variables.
	defaults map[string]*ast.Value
}

func newCoster(ctx context.Context, es graphql.ExecutableSchema, doc *ast.QueryDocument,
	vars map[string]any,
) *coster {
	c := &coster{ctx: ctx, es: es, schema: es.Schema(), vars: vars,
		frags: map[string]*ast.FragmentDefinition{}, memo: map[string]int{},
		active: map[string]bool{}}
	for _, f := range doc.Fragments {
		c.frags[f.Name] = f
	}
	return c
}

// operation returns the cost of op.
func (c *coster) operation(op *ast.OperationDefinition) int {
	c.defaults = map[string]*ast.Value{}
	for _, v := range op.VariableDefinitions {
		if v.DefaultValue != nil {
			c.defaults[v.Variable] = v.DefaultValue
		}
	}
	c.memo = map[string]int{} // fragment costs depend on the operation's variables
	var root *ast.Definition
	switch op.Operation {
	case ast.Mutation:
		root = c.schema.Mutation
	case ast.Subscription:
		root = c.schema.Subscription
	default:
		root = c.schema.Query
	}
	if root == nil {
		return 0
	}
	return c.selection(root, []ast.SelectionSet{op.SelectionSet})
}

// fieldGroup is the fields of one response key in a merged selection.
type fieldGroup struct {
	field    *ast.Field
	children []ast.SelectionSet
}

// selection returns the cost of the selection sets sets, merged, on type t.
func (c *coster) selection(t *ast.Definition, sets []ast.SelectionSet) int {
	groups := map[string]*fieldGroup{}
	var order []string
	spreads := map[string]bool{}
	total := 0
	var collect func(ast.SelectionSet)
	collect = func(ss ast.SelectionSet) {
		for _, sel := range ss {
			switch s := sel.(type) {
			case *ast.Field:
				key := s.Alias
				if key == "" {
					key = s.Name
				}
				g := groups[key]
				if g == nil {
					g = &fieldGroup{field: s}
					groups[key] = g
					order = append(order, key)
				}
				g.children = append(g.children, s.SelectionSet)
			case *ast.InlineFragment:
				if s.TypeCondition == "" || s.TypeCondition == t.Name {
					collect(s.SelectionSet)
					continue
				}
				if def := c.schema.Types[s.TypeCondition]; def != nil {
					total = sat(total + c.selection(def, []ast.SelectionSet{s.SelectionSet}))
				}
			case *ast.FragmentSpread:
				spreads[s.Name] = true
			}
		}
	}
	for _, ss := range sets {
		collect(ss)
	}
	for _, key := range order {
		total = sat(total + c.field(t, groups[key]))
	}
	for name := range spreads {
		total = sat(total + c.fragment(name))
	}
	return total
}

// fragment returns the cost of the named fragment, computed once.
func (c *coster) fragment(name string) int {
	if v, ok := c.memo[name]; ok {
		return v
	}
	f := c.frags[name]
	if f == nil || c.active[name] {
		return 0 // unknown or cyclic: validation refuses the document
	}
	def := c.schema.Types[f.TypeCondition]
	if def == nil {
		return 0
	}
	c.active[name] = true
	v := c.selection(def, []ast.SelectionSet{f.SelectionSet})
	delete(c.active, name)
	c.memo[name] = v
	return v
}

// field returns the cost of one merged field of type t.
func (c *coster) field(t *ast.Definition, g *fieldGroup) int {
	def := t.Fields.ForName(g.field.Name)
	if def == nil {
		return 1 // __typename, or a field validation will refuse
	}
	child := 0
	if ct := c.schema.Types[def.Type.Name()]; ct != nil && len(g.children) > 0 {
		child = c.selection(ct, g.children)
	}
	args := c.args(g.field)
	if v, ok := c.es.Complexity(c.ctx, t.Name, g.field.Name, child, args); ok {
		return sat(v)
	}
	if t.IsAbstractType() {
		best, found := 0, false
		for _, pt := range c.schema.GetPossibleTypes(t) {
			if v, ok := c.es.Complexity(c.ctx, pt.Name, g.field.Name, child, args); ok {
				best, found = max(best, v), true
			}
		}
		if found {
			return sat(best)
		}
	}
	return sat(child + 1)
}

// args returns the raw argument values of f, as the cost functions read them.
func (c *coster) args(f *ast.Field) map[string]any {
	if len(f.Arguments) == 0 {
		return map[string]any{}
	}
	out := make(map[string]any, len(f.Arguments))
	for _, a := range f.Arguments {
		val := a.Value
		if val.Kind == ast.Variable {
			if _, given := c.vars[val.Raw]; !given && c.defaults[val.Raw] != nil {
				val = c.defaults[val.Raw]
			}
		}
		v, err := val.Value(c.vars)
		if err == nil {
			out[a.Name] = v
		}
	}
	return out
}

func sat(v int) int { return min(max(v, 0), costCap) }

// String describes the limits, for logs.
func (l DocLimits) String() string {
	return fmt.Sprintf("bytes=%d tokens=%d fields=%d aliases=%d fragments=%d complexity=%d",
		l.Bytes, l.Tokens, l.Fields, l.Aliases, l.Fragments, l.Complexity)
}

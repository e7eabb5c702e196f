package store

import (
	"cmp"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// Tier is how well a search text matches a name; higher is better. A Hit's
// Score is the Tier of its best name or alias.
type Tier int

// The tiers, worst first.
const (
	NoMatch Tier = iota
	// TypoMatch: every word of the text is a prefix of, or within MaxEdits
	// of, a word of the name.
	TypoMatch
	// WordMatch: every word of the text is a prefix of a word of the name.
	WordMatch
	// PrefixMatch: the name starts with the text.
	PrefixMatch
	// ExactMatch: the name is the text.
	ExactMatch
)

// Candidate is an entity to rank with its number of relations.
type Candidate struct {
	Entity    schema.Entity
	Relations int
}

// MaxEdits is the edit distance a word of a search text may be from a word
// of a name and still match: none for words of up to two letters, one for
// up to five, two for longer words.
func MaxEdits(word string) int {
	switch n := len([]rune(word)); {
	case n <= 2:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}

// MatchTier returns how the folded text q matches the folded name n.
func MatchTier(q, n string) Tier {
	switch {
	case q == "" || n == "":
		return NoMatch
	case n == q:
		return ExactMatch
	case strings.HasPrefix(n, q):
		return PrefixMatch
	}
	qw, nw := strings.Fields(q), strings.Fields(n)
	if everyWord(qw, nw, func(w, x string) bool { return strings.HasPrefix(x, w) }) {
		return WordMatch
	}
	if everyWord(qw, nw, func(w, x string) bool {
		return strings.HasPrefix(x, w) || Distance(w, x, MaxEdits(w)) <= MaxEdits(w)
	}) {
		return TypoMatch
	}
	return NoMatch
}

// everyWord reports whether each word of qw matches some word of nw.
func everyWord(qw, nw []string, match func(w, x string) bool) bool {
	for _, w := range qw {
		if !slices.ContainsFunc(nw, func(x string) bool { return match(w, x) }) {
			return false
		}
	}
	return true
}

// EntityTier returns the best tier of e's name and aliases for the folded
// text q.
func EntityTier(q string, e schema.Entity) Tier {
	best := MatchTier(q, schema.Fold(e.Name))
	for _, a := range e.Aliases {
		best = max(best, MatchTier(q, schema.Fold(a)))
	}
	return best
}

// Rank returns the hits of a normalized query among cands: those of the
// asked types that match at all, best tier first, then most relations, then
// by folded name and id; at most q.First of them. Both stores rank with it,
// so they agree on every search.
func Rank(q SearchQuery, cands []Candidate) []Hit {
	type scored struct {
		Candidate
		tier Tier
		fold string
	}
	var all []scored
	for _, c := range cands {
		if len(q.Types) > 0 && !slices.Contains(q.Types, c.Entity.Type) {
			continue
		}
		if t := EntityTier(q.Text, c.Entity); t != NoMatch {
			all = append(all, scored{c, t, schema.Fold(c.Entity.Name)})
		}
	}
	slices.SortFunc(all, func(a, b scored) int {
		return cmp.Or(
			cmp.Compare(b.tier, a.tier),
			cmp.Compare(b.Relations, a.Relations),
			cmp.Compare(a.fold, b.fold),
			cmp.Compare(a.Entity.ID, b.Entity.ID),
		)
	})
	hits := make([]Hit, 0, min(len(all), q.First))
	for _, s := range all[:min(len(all), q.First)] {
		hits = append(hits, Hit{Entity: CloneEntity(s.Entity), Score: float64(s.tier)})
	}
	return hits
}

// PickByName returns the candidate whose name or alias folds like name:
// one whose name does before one whose alias does, then the one with most
// relations, then by folded name and id. It reports false when none does.
func PickByName(name string, cands []Candidate) (schema.Entity, bool) {
	f := schema.Fold(name)
	var best *Candidate
	bestByName := false
	for i := range cands {
		c := &cands[i]
		byName := schema.Fold(c.Entity.Name) == f
		if !byName && !slices.ContainsFunc(c.Entity.Aliases, func(a string) bool {
			return schema.Fold(a) == f
		}) {
			continue
		}
		if best == nil || better(byName, c, bestByName, best) {
			best, bestByName = c, byName
		}
	}
	if best == nil {
		return schema.Entity{}, false
	}
	return CloneEntity(best.Entity), true
}

func better(byName bool, c *Candidate, bestByName bool, best *Candidate) bool {
	if byName != bestByName {
		return byName
	}
	return cmp.Or(
		cmp.Compare(best.Relations, c.Relations),
		cmp.Compare(schema.Fold(c.Entity.Name), schema.Fold(best.Entity.Name)),
		cmp.Compare(c.Entity.ID, best.Entity.ID),
	) < 0
}

// Distance returns the optimal-string-alignment edit distance between a and
// b (insertions, deletions, substitutions and swaps of neighbours each cost
// one, as in Lucene's fuzzy queries), or bound+1 once it exceeds bound.
func Distance(a, b string, bound int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > bound || -d > bound {
		return bound + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > bound {
			return bound + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], bound+1)
}

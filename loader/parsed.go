package loader

import (
	"strings"

	"github.com/diplograph/diplograph/loader/internal/frames"
	"github.com/diplograph/diplograph/schema"
)

// parsedRelations reads the relations of sentence s from its dependency
// parse through the frames stage (loader/internal/frames) and records them
// dated as the surface rules' are: every frame where the rules read no
// relation, the sole frames (constructions no rule reads) everywhere.
func (d *document) parsedRelations(s int) {
	if d.parse == nil || d.frames == nil {
		return
	}
	c := d.sentCtx(s)
	var in frames.In
	if d.readIn(s) {
		if !d.frames.SoleCandidate(d.lowerWords(c)) {
			return
		}
		in.SoleOnly = true
	}
	distinct := map[int]bool{}
	for a := range c.ms {
		m := &c.ms[a]
		if m.Modifier {
			continue
		}
		if m.Form == formPlural {
			// "the two ministers, A and B": the names written after it;
			// else "the two leaders", "they": the members coreference gives
			group := c.apposedGroup(m)
			if len(group) == 0 {
				group = d.mentionEntities(s, a)
			}
			if len(group) == 0 {
				continue
			}
			for _, k := range group {
				distinct[k] = true
			}
			in.Mentions = append(in.Mentions, frames.Mention{Start: m.T0, End: m.T1, Entity: group[0],
				Type: d.entities[group[0]].Type, Group: group})
			continue
		}
		if m.Entity < 0 || d.entities[m.Entity].Dropped {
			continue
		}
		typ := d.entities[m.Entity].Type
		if m.Form == formNominal && !d.sameOffice(m) {
			continue
		}
		distinct[m.Entity] = true
		in.Mentions = append(in.Mentions, frames.Mention{Start: m.T0, End: m.T1, Entity: m.Entity,
			Type: typ})
	}
	if len(distinct) < 2 || !d.mayFrame(c, in.Mentions) {
		return
	}
	in.Parse = d.parse(d.views[s])
	for _, e := range d.frames.Run(in) {
		if d.hasEdge(e.Relation, e.Src, e.Dst) {
			continue
		}
		c.record(e.Relation, []int{e.Src}, []int{e.Dst}, e.Trigger, e.Planned, 0.7)
	}
}

// hasEdge reports whether the document has read relation t from src to
// dst (in either direction for a symmetric meeting or call).
func (d *document) hasEdge(t schema.RelationType, src, dst int) bool {
	for _, r := range d.rels {
		if r.Type == t && (r.Src == src && r.Dst == dst ||
			(t == schema.Met || t == schema.Called) && r.Src == dst && r.Dst == src) {
			return true
		}
	}
	return false
}

// sameOffice reports whether a common-noun mention may stand for its
// entity in the frames stage: an event or agreement ("the attack"), or a
// person's title that agrees with the office the person holds ("the
// Foreign Minister" for the foreign minister named before) — not one that
// names another country or office ("Iraq's electricity minister"), which
// coreference joined by guess.
func (d *document) sameOffice(m *mention) bool {
	e := &d.entities[m.Entity]
	switch e.Type {
	case schema.Event, schema.Agreement:
		return true
	case schema.Person:
	default:
		return false
	}
	if m.RoleCode != "" && m.RoleCode != e.RoleCode || m.Counterpart {
		return false
	}
	if m.Role == "" || e.Role == "" {
		return m.Role == "" && m.Head != "" && e.Role != "" && strings.Contains(strings.ToLower(e.Role), m.Head)
	}
	a, b := strings.ToLower(m.Role), strings.ToLower(e.Role)
	return strings.Contains(a, b) || strings.Contains(b, a)
}

// mayFrame reports whether sentence c may hold an edge of the frames
// stage, so that a sentence without any is not parsed: a trigger's
// written form, or a mention that triggers a frame itself (an event) with
// another mention beside it.
func (d *document) mayFrame(c *sentCtx, ms []frames.Mention) bool {
	if d.frames.Candidate(d.lowerWords(c)) {
		return true
	}
	for _, m := range ms {
		if d.frames.MentionTriggered(m.Type) {
			return true
		}
	}
	return false
}

// lowerWords returns the lower-case words of sentence c, in a buffer of
// the workspace.
func (d *document) lowerWords(c *sentCtx) []string {
	words := d.ws.words[:0]
	for _, t := range c.toks {
		words = append(words, t.Low)
	}
	d.ws.words = words
	return words
}

// readIn reports whether the surface rules read a relation between two
// entities in sentence s: the frames stage reads the sentences they left
// without one (parsing every sentence costs eight times the rest of the
// extraction, for the few edges the rules miss in a sentence they read).
func (d *document) readIn(s int) bool {
	for _, r := range d.rels {
		if r.Sent == s {
			return true
		}
	}
	return false
}

// apposedGroup returns the actors written in apposition after plural x
// ("by the two foreign ministers, A of X and B of Y"), or nil.
func (c *sentCtx) apposedGroup(x *mention) []int {
	if x.T1+1 >= len(c.toks) || c.toks[x.T1].Text != "," {
		return nil
	}
	if b := c.at[x.T1+1]; b >= 0 && c.ms[b].T0 == x.T1+1 && c.isActor(&c.ms[b]) && c.ms[b].Form != formPlural {
		return c.entities(c.groupRight(b, argActor), argActor)
	}
	return nil
}

package export

import (
	"bufio"
	"context"
	"encoding/json"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// Fact is one line of JSONL output: a relation with its ends named and its
// evidence with the articles it comes from.
type Fact struct {
	ID         string      `json:"id"`
	Type       string      `json:"type"`
	Source     FactEnd     `json:"source"`
	Target     FactEnd     `json:"target"`
	Date       string      `json:"date,omitempty"`
	Status     string      `json:"status,omitempty"`
	Role       string      `json:"role,omitempty"`
	Confidence float64     `json:"confidence,omitempty"`
	Cameo      string      `json:"cameo,omitempty"`
	Plover     string      `json:"plover,omitempty"`
	Goldstein  *float64    `json:"goldstein,omitempty"`
	QuadClass  int         `json:"quadClass,omitempty"`
	Evidence   []FactProof `json:"evidence"`
}

// FactEnd is an end of a fact.
type FactEnd struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// FactProof is one evidence sentence of a fact and its article.
type FactProof struct {
	Sentence  string `json:"sentence"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Article   string `json:"article"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source,omitempty"`
}

// writeJSONL writes one Fact a line. It holds the names of the selected
// entities and the articles it has read in memory.
func writeJSONL(ctx context.Context, src Source, sel *selection, w *bufio.Writer,
) (Counts, error) {
	var c Counts
	ends := map[string]FactEnd{}
	err := eachNode(ctx, src, sel, func(e schema.Entity, _ span) error {
		c.Nodes++
		ends[e.ID] = FactEnd{ID: e.ID, Name: e.Name, Type: strings.ToUpper(string(e.Type))}
		return nil
	})
	if err != nil {
		return c, err
	}
	articles := map[string]schema.Article{}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err = eachEdge(ctx, src, sel, func(r schema.Relation) error {
		if err := fetchArticles(ctx, src, r.Evidence, articles); err != nil {
			return err
		}
		c.Edges++
		f := Fact{ID: r.ID, Type: string(r.Type), Source: ends[r.Source], Target: ends[r.Target],
			Date: r.Date, Status: r.Status, Role: r.Role, Confidence: r.Confidence,
			Cameo: r.Cameo, Plover: r.Plover, Evidence: make([]FactProof, len(r.Evidence))}
		if g, ok, quad := intensity(r); ok {
			f.Goldstein, f.QuadClass = &g, quad
		}
		for i, ev := range r.Evidence {
			a := articles[ev.Article]
			f.Evidence[i] = FactProof{Sentence: ev.Sentence, Start: ev.Start, End: ev.End,
				Article: ev.Article, Title: a.Title, URL: a.URL, Published: a.Published,
				Source: a.Source}
		}
		return enc.Encode(f)
	})
	return c, err
}

// fetchArticles adds the articles of evs missing from have.
func fetchArticles(ctx context.Context, src Source, evs []schema.Evidence,
	have map[string]schema.Article,
) error {
	var missing []string
	for _, ev := range evs {
		if _, ok := have[ev.Article]; !ok {
			missing = append(missing, ev.Article)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	as, err := src.ArticlesByIDs(ctx, missing)
	if err != nil {
		return err
	}
	for _, id := range missing {
		have[id] = schema.Article{ID: id}
	}
	for _, a := range as {
		have[a.ID] = a
	}
	return nil
}

package export

import (
	"bufio"
	"context"
	"encoding/json"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
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
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Wikidata string `json:"wikidata,omitempty"`
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
		ends[e.ID] = FactEnd{ID: e.ID, Name: e.Name, Type: strings.ToUpper(string(e.Type)),
			Wikidata: e.IDs.Wikidata}
		return nil
	})
	if err != nil {
		return c, err
	}
	articles := map[string]schema.Article{}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	// Relations wait in chunks, so that the articles of a chunk come in one
	// round trip.
	chunk := make([]schema.Relation, 0, jsonlChunk)
	flush := func() error {
		var evs []schema.Evidence
		for _, r := range chunk {
			evs = append(evs, r.Evidence...)
		}
		if err := fetchArticles(ctx, src, evs, articles); err != nil {
			return err
		}
		for _, r := range chunk {
			if err := enc.Encode(fact(r, ends, articles)); err != nil {
				return err
			}
		}
		chunk = chunk[:0]
		return nil
	}
	err = eachEdge(ctx, src, sel, func(r schema.Relation) error {
		c.Edges++
		chunk = append(chunk, r)
		if len(chunk) == jsonlChunk {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return c, err
}

// jsonlChunk is how many relations JSONL output holds while it fetches
// their articles.
const jsonlChunk = 256

// fact builds the Fact of a relation.
func fact(r schema.Relation, ends map[string]FactEnd, articles map[string]schema.Article) Fact {
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
	return f
}

// fetchArticles adds the articles of evs missing from have.
func fetchArticles(ctx context.Context, src Source, evs []schema.Evidence,
	have map[string]schema.Article,
) error {
	var missing []string
	seen := map[string]bool{}
	for _, ev := range evs {
		if _, ok := have[ev.Article]; !ok && !seen[ev.Article] {
			seen[ev.Article] = true
			missing = append(missing, ev.Article)
		}
	}
	for start := 0; start < len(missing); start += store.MaxBatch {
		ids := missing[start:min(start+store.MaxBatch, len(missing))]
		as, err := src.ArticlesByIDs(ctx, ids)
		if err != nil {
			return err
		}
		for _, id := range ids {
			have[id] = schema.Article{ID: id}
		}
		for _, a := range as {
			have[a.ID] = a
		}
	}
	return nil
}

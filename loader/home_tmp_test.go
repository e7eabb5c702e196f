package loader

import (
	"os"
	"path/filepath"
	"testing"
)

func TestHomeTmp(t *testing.T) {
	x := extractor(t)
	files, _ := filepath.Glob(os.Getenv("HOMEGLOB"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		title, body := firstLineSplit(string(data))
		paras, dl := x.clean.paragraphs(body, title)
		sents := x.split.split(body, paras)
		d := x.analyse(Document{Title: title, Body: body, Published: "2025-01-01"}, sents, dl, &workspace{})
		count := map[string]int{}
		d.eachMention(func(r ref, m *mention) {
			if m.Entity >= 0 && d.entities[m.Entity].Type == "Country" {
				count[d.entities[m.Entity].Code]++
			}
		})
		marked := map[string]int{}
		for _, e := range d.entities {
			if e.Type == "Person" && e.Explicit && e.RoleCode != "" {
				marked[e.RoleCode]++
			}
		}
		t.Logf("%s: home=%s dl=%q counts=%v marked=%v", filepath.Base(f), d.home, dl.Place, count, marked)
	}
}

package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/export"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
	"github.com/diplograph/diplograph/store/storetest"
)

var bg = context.Background()

// eachStore runs f on both stores holding the contract fixture.
func eachStore(t *testing.T, f func(t *testing.T, st store.Store, fx *storetest.Fixture)) {
	t.Run("embedded", func(t *testing.T) {
		st, err := embedded.Open(t.TempDir())
		if err != nil {
			t.Fatalf("embedded.Open: %v", err)
		}
		t.Cleanup(func() { st.Close(bg) })
		fx := storetest.NewFixture()
		storetest.Load(t, st, fx)
		f(t, st, fx)
	})
	t.Run("neo4j", func(t *testing.T) {
		st := neo4jtest.Open(t)
		fx := storetest.NewFixture()
		storetest.Load(t, st, fx)
		f(t, st, fx)
	})
}

// python returns the Python that has networkx: $DIPLOGRAPH_PYTHON or
// python3. Without one the test is skipped, or failed when CI=true (.ci/run
// installs it from export/testdata/requirements.txt).
func python(t *testing.T) string {
	t.Helper()
	py := os.Getenv("DIPLOGRAPH_PYTHON")
	if py == "" {
		py = "python3"
	}
	if out, err := exec.Command(py, "-c", "import networkx").CombinedOutput(); err != nil {
		msg := "no Python with networkx (" + py + "): " + strings.TrimSpace(string(out)) +
			"; pip install -r export/testdata/requirements.txt and set DIPLOGRAPH_PYTHON"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return py
}

// readBack is what read_export.py prints.
type readBack struct {
	Directed bool
	Nodes    map[string]map[string]any
	Edges    map[string]map[string]any
}

// exportFile writes an export to a file in a temporary directory.
func exportFile(t *testing.T, st export.Source, f export.Format, o export.Options,
) (string, export.Counts) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "graph."+f.Ext())
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	c, err := export.Write(bg, st, f, out, o)
	if err != nil {
		t.Fatalf("Write(%s, %+v) = %v", f, o, err)
	}
	return path, c
}

// read reads an export back with networkx.
func read(t *testing.T, py string, f export.Format, path string) readBack {
	t.Helper()
	cmd := exec.Command(py, "testdata/read_export.py", string(f), path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx could not read the %s export: %v\n%s", f, err, stderr.String())
	}
	var rb readBack
	if err := json.Unmarshal(out, &rb); err != nil {
		t.Fatalf("read_export.py output: %v", err)
	}
	return rb
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// all returns the ids of every entity and relation in st.
func all(t *testing.T, st store.Store) (nodes, edges []string) {
	t.Helper()
	err := st.ScanEntities(bg, store.EntityFilter{}, func(e schema.Entity) error {
		nodes = append(nodes, e.ID)
		return nil
	})
	if err == nil {
		err = st.ScanRelations(bg, store.RelationFilter{}, func(r schema.Relation) error {
			edges = append(edges, r.ID)
			return nil
		})
	}
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(nodes)
	slices.Sort(edges)
	return nodes, edges
}

func TestGraphFormatsReadBack(t *testing.T) {
	py := python(t)
	eachStore(t, func(t *testing.T, st store.Store, fx *storetest.Fixture) {
		nodes, edges := all(t, st)
		for _, f := range []export.Format{export.GEXF, export.GraphML, export.Cytoscape} {
			path, c := exportFile(t, st, f, export.Options{})
			rb := read(t, py, f, path)
			if c.Nodes != len(nodes) || c.Edges != len(edges) {
				t.Errorf("%s: Write counted %+v; want %d nodes, %d edges", f, c, len(nodes),
					len(edges))
			}
			if got := keys(rb.Nodes); !slices.Equal(got, nodes) {
				t.Errorf("%s: networkx read %d nodes; want the store's %d", f, len(got), len(nodes))
			}
			if got := keys(rb.Edges); !slices.Equal(got, edges) {
				t.Errorf("%s: networkx read %d edges %v; want the store's %d", f, len(got), got,
					len(edges))
			}
			if !rb.Directed {
				t.Errorf("%s: read back undirected; want directed", f)
			}
			call := rb.Edges[fx.ID("call")]
			if call["type"] != "CALLED" || call["_source"] != fx.ID("vel") ||
				call["_target"] != fx.ID("bra") || call["goldstein"] != 1.0 {
				t.Errorf("%s: the call edge reads back as %v", f, call)
			}
			if conf, ok := call["confidence"].(float64); !ok || conf != 0.9 {
				t.Errorf("%s: call confidence = %#v; want the number 0.9", f, call["confidence"])
			}
			if q, ok := call["quadClass"].(float64); !ok || q != 1 {
				t.Errorf("%s: call quadClass = %#v; want the number 1", f, call["quadClass"])
			}
			vel := rb.Nodes[fx.ID("vel")]
			name := vel["name"]
			if f == export.GEXF {
				name = vel["label"]
			}
			if name != "Amara Velasquez" || vel["type"] != "PERSON" {
				t.Errorf("%s: Velásquez reads back as %v", f, vel)
			}
			if f == export.GEXF {
				checkSpells(t, rb, fx)
			}
		}
	})
}

// checkSpells checks GEXF time spells: a month-precise date spans the
// month, and a node spans its dated relations.
func checkSpells(t *testing.T, rb readBack, fx *storetest.Fixture) {
	t.Helper()
	spell := func(v any) string {
		b, _ := json.Marshal(v)
		return string(b)
	}
	for _, tc := range []struct {
		what string
		got  any
		want string
	}{
		{"met (2025-05)", rb.Edges[fx.ID("met")]["spells"], `[["2025-05-01","2025-05-31"]]`},
		{"call", rb.Edges[fx.ID("call")]["spells"], `[["2025-05-01","2025-05-01"]]`},
		{"Brandt", rb.Nodes[fx.ID("bra")]["spells"], `[["2024-11-01","2025-05-01"]]`},
		{"hoVel (undated)", rb.Edges[fx.ID("hoVel")]["spells"], `null`},
	} {
		if got := spell(tc.got); got != tc.want {
			t.Errorf("GEXF spells of %s = %s; want %s", tc.what, got, tc.want)
		}
	}
}

func TestFilters(t *testing.T) {
	eachStore(t, func(t *testing.T, st store.Store, fx *storetest.Fixture) {
		tests := []struct {
			name  string
			o     export.Options
			edges []string
			nodes []string
		}{
			{"types", export.Options{Types: []schema.RelationType{schema.Called, schema.Met}},
				[]string{"call", "met"}, []string{"vel", "bra", "ost"}},
			{"window", export.Options{Since: "2024", Until: "2024"},
				[]string{"visitEst", "condemn"}, []string{"bra", "est", "ost", "hat"}},
			{"country", export.Options{Country: fx.ID("nor"),
				Types: []schema.RelationType{schema.Called, schema.Visited, schema.LocatedIn}},
				[]string{"call", "visitEst", "locPno", "locNdl"},
				[]string{"vel", "bra", "est", "nor", "pno", "ndl"}},
		}
		for _, tc := range tests {
			var buf bytes.Buffer
			c, err := export.Write(bg, st, export.JSONL, &buf, tc.o)
			if err != nil {
				t.Fatalf("Write(%s) = %v", tc.name, err)
			}
			var got []string
			for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
				if line == "" {
					continue
				}
				var f export.Fact
				if err := json.Unmarshal([]byte(line), &f); err != nil {
					t.Fatalf("%s: line %q: %v", tc.name, line, err)
				}
				got = append(got, f.ID)
			}
			slices.Sort(got)
			want := fx.IDs(tc.edges...)
			slices.Sort(want)
			if !slices.Equal(got, want) || c.Nodes != len(tc.nodes) {
				t.Errorf("export(%s) = %d nodes, edges %v; want %d nodes, edges %v", tc.name,
					c.Nodes, fxNames(fx, got), len(tc.nodes), tc.edges)
			}
		}
		_, err := export.Write(bg, st, export.JSONL, &bytes.Buffer{},
			export.Options{Country: fx.ID("vel")})
		if err == nil {
			t.Error("export(country: a person) = nil error; want ErrInvalidInput")
		}
	})
}

// fxNames names fixture ids for messages.
func fxNames(fx *storetest.Fixture, ids []string) []string {
	var out []string
	for _, id := range ids {
		name := id
		for n, r := range fx.Relations {
			if r.ID == id {
				name = n
			}
		}
		out = append(out, name)
	}
	return out
}

func TestJSONLEvidence(t *testing.T) {
	eachStore(t, func(t *testing.T, st store.Store, fx *storetest.Fixture) {
		var buf bytes.Buffer
		if _, err := export.Write(bg, st, export.JSONL, &buf, export.Options{}); err != nil {
			t.Fatal(err)
		}
		facts := map[string]export.Fact{}
		dec := json.NewDecoder(&buf)
		for dec.More() {
			var f export.Fact
			if err := dec.Decode(&f); err != nil {
				t.Fatal(err)
			}
			facts[f.ID] = f
		}
		_, edges := all(t, st)
		if len(facts) != len(edges) {
			t.Errorf("JSONL has %d facts; want %d", len(facts), len(edges))
		}
		call := facts[fx.ID("call")]
		if call.Source.Name != "Amara Velasquez" || call.Target.Name != "Tomas Brandt" ||
			len(call.Evidence) != 2 {
			t.Fatalf("call fact = %+v; want Velasquez → Brandt with two sentences", call)
		}
		titles := []string{call.Evidence[0].Title, call.Evidence[1].Title}
		slices.Sort(titles)
		if titles[0] != "Summit in Port Selen" || titles[1] != "Velasquez phones Brandt" ||
			call.Evidence[0].Sentence == "" {
			t.Errorf("call evidence = %+v; want both articles' titles and sentences", call.Evidence)
		}
	})
}

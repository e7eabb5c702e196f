package loader

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// TestLinkChangesOnlyIDs checks that the link stage adds outside ids and
// coordinates and nothing else: on every test article, the batch Extract
// returns is the one the stages before it make, apart from those.
func TestLinkChangesOnlyIDs(t *testing.T) {
	x := extractor(t)
	files, err := filepath.Glob("testdata/*/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	linked, all := 0, 0
	for _, path := range files {
		docs, err := ReadFile(path, ReadOptions{})
		if err != nil || len(docs) == 0 {
			t.Fatalf("%s: %v", path, err)
		}
		got, err := x.Extract(docs[0])
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		want := x.run(docs[0])
		for i := range got.Entities {
			all++
			if got.Entities[i].IDs != (schema.ExternalIDs{}) {
				linked++
			}
			got.Entities[i].IDs, got.Entities[i].Location = schema.ExternalIDs{}, nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Extract's batch differs from the unlinked one in more than ids", path)
		}
	}
	if linked == 0 {
		t.Errorf("no entity of %d linked in %d articles", all, len(files))
	}
	t.Logf("%d of %d entities linked in %d articles", linked, all, len(files))
}

package loader

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// schemaType converts a relation type name.
func schemaType(s string) schema.RelationType { return schema.RelationType(s) }

// TestArticles scores the articles of testdata/articles (written for these
// tests) against their gold, as the evaluation does.
func TestArticles(t *testing.T) {
	tot := scoreFolder(t, filepath.Join("testdata", "articles"))
	nf, ef := f1(tot.ntp, tot.nfp, tot.nfn), f1(tot.etp, tot.efp, tot.efn)
	t.Logf("TOTAL nodes F1 %.3f edges F1 %.3f", nf, ef)
	if nf < 0.9 || ef < 0.8 {
		t.Errorf("testdata/articles: nodes F1 %.3f, edges F1 %.3f; want ≥ 0.90 and ≥ 0.80",
			nf, ef)
	}
}

// TestDevSet scores the shared development set (../shared/eval/dev beside
// the repository) when it is there.
func TestDevSet(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "eval", "dev")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no development set at %s", dir)
	}
	tot := scoreFolder(t, dir)
	nf, ef := f1(tot.ntp, tot.nfp, tot.nfn), f1(tot.etp, tot.efp, tot.efn)
	t.Logf("TOTAL nodes F1 %.3f edges F1 %.3f", nf, ef)
	if nf < 0.85 || ef < 0.75 {
		t.Errorf("dev set: nodes F1 %.3f, edges F1 %.3f; want ≥ 0.85 and ≥ 0.75", nf, ef)
	}
}

// TestHeldout scores the blind held-out articles of testdata/heldout
// (written by an annotator who never saw the extractor; see its README)
// with floors a little below what the extractor reaches, so that a change
// that loses generality shows. Rules must never be fitted to these
// articles: they only measure.
func TestHeldout(t *testing.T) {
	dir := filepath.Join("testdata", "heldout")
	if golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json")); len(golds) == 0 {
		t.Skipf("no held-out articles in %s", dir)
	}
	tot := scoreFolder(t, dir)
	nf, ef := f1(tot.ntp, tot.nfp, tot.nfn), f1(tot.etp, tot.efp, tot.efn)
	t.Logf("TOTAL nodes F1 %.3f edges F1 %.3f", nf, ef)
	if nf < 0.89 || ef < 0.71 {
		t.Errorf("testdata/heldout: nodes F1 %.3f, edges F1 %.3f; want ≥ 0.89 and ≥ 0.71", nf, ef)
	}
}

package syntax

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"sync"
)

// The committed model: trained by `make model` (cmd/syntax-train) on UD
// English EWT; CC BY-SA 4.0 like the treebank (see NOTICE).
//
//go:embed model/en_ewt.model.gz
var modelFile []byte

var loaded = sync.OnceValues(func() (*Model, error) { return ReadModel(bytes.NewReader(modelFile)) })

// Load returns the committed model, read once per process; every caller
// gets the same read-only Model, safe for concurrent use.
func Load() (*Model, error) { return loaded() }

// ModelVersion names the committed model: the treebank it was trained on
// and the first hex digits of the model file's SHA-256.
func ModelVersion() string {
	sum := sha256.Sum256(modelFile)
	return "UD English EWT v2.16, sha256:" + hex.EncodeToString(sum[:6])
}

package loader

import (
	"errors"

	"github.com/diplograph/diplograph/articles"
)

// Reading articles lives in package articles; these names remain so that
// existing callers and tests of the loader keep working.

// ReadOptions limits what ReadFile accepts (articles.Options).
type ReadOptions = articles.Options

// InputError says why a file, or a record of it, cannot be read
// (articles.InputError).
type InputError = articles.InputError

// ReadFile reads the articles of one file with articles.ReadFile and
// returns them as Documents, with an errors.Join of one *InputError per
// record or file not read.
//
// Deprecated: use articles.ReadFile and DocumentOf.
func ReadFile(path string, opts ReadOptions) ([]Document, error) {
	arts, errs := articles.ReadFile(path, opts)
	docs := make([]Document, 0, len(arts))
	for _, a := range arts {
		docs = append(docs, DocumentOf(a))
	}
	return docs, errors.Join(errs...)
}

// DocumentOf returns the Document the loader extracts from an article.
func DocumentOf(a articles.Article) Document {
	return Document{Title: a.Title, Body: a.Body, Published: a.Published, URL: a.URL,
		Source: a.Source, Path: a.Path}
}

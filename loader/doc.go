// Package loader turns a news article into graph records, with no database:
// a pipeline of explicit stages (clean → sentences → mentions → coreference →
// relations → dates → resolve) configured by Options and run by an Extractor.
// Reading articles from files (plain text with front matter, JSON, JSONL) is
// in input.go.
//
// The word lists the rules look words up in (organisation and place heads,
// titles, stop words, months, negators, hedges, verbs of each kind, page
// furniture, …) are data, not code: one file a list in lexicon/, embedded
// in the binary, each with a header saying what the list is for, with
// invented examples, its source, licence and line format. They are decoded
// strictly (lexicon.go): a malformed line, a repeated entry, a missing or
// empty list makes New fail with an error naming the file and line.
package loader

// Document is one article as read from a file or an API call, before
// extraction.
type Document struct {
	Title     string // headline
	Body      string // article text, without the front matter
	Published string // ISO 8601 date (YYYY-MM-DD) or empty
	URL       string
	Source    string
	// Path names where the document came from ("file.jsonl:3" for a line of
	// a JSONL file); it is used in messages and kept on the article.
	Path string
}

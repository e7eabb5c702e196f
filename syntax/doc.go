// Package syntax is diplograph's syntax layer: a tokenizer, part-of-speech
// tagger, lemmatizer and dependency parser for English, in pure Go, trained
// on Universal Dependencies English EWT and measured on its test set.
//
// The pipeline for one sentence:
//
//	Segmenter.Words   the loader's words: abbreviations keep their period
//	                  ("U.S.", "Gen."), a possessive "'s" stands alone;
//	SplitWord         Universal Dependencies tokens: "don't" → "do" "n't",
//	                  "el-Sisi" → "el" "-" "Sisi", "e-mail" whole;
//	tagger            joint UPOS and Penn tags, a greedy averaged perceptron
//	                  over the word, its affixes and shape, its neighbours and
//	                  the tags before it;
//	lemmatizer        the treebank's lemma for a seen (form, tag), otherwise
//	                  the edit of the longest suffix seen with that tag;
//	parser            a greedy arc-hybrid transition parser with an averaged
//	                  perceptron over rich non-local features (Zhang and
//	                  Nivre 2011), trained with a dynamic oracle (Goldberg
//	                  and Nivre 2013) on jackknifed tags.
//
// A model may also read word clusters (clusters.go): each word's class
// among 256, learned without annotation from 2 million words of text
// (model/clusters.tsv.gz, made by cmd/syntax-clusters); the tagger then
// reads the classes of the word and its neighbours, and the parser reads
// a word seen once or twice in training by its class. The committed model
// does not (`make model-clusters` trains one that does).
//
// Model.Annotate gives CoNLL-U words; Model.ParseSpans gives a Parse, whose
// read API (Subject, Objects, Conjuncts, Agent, Obliques, PathTo, NameSpan)
// is what the loader asks of a sentence. Load returns the committed model
// (model/en_ewt.model.gz), read once per process and safe for concurrent
// use. The model is trained by cmd/syntax-train (`make model`) and, like
// the treebank, is distributed under CC BY-SA 4.0.
package syntax

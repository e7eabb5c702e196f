// Package kb is diplograph's knowledge base of the world an article takes
// for granted: countries (ISO codes, names, demonyms, capitals), places
// (GeoNames cities over 1,000 people and first-level regions), international
// organisations (names, abbreviations, members) and people in office (heads
// of state and government, foreign ministers, heads of international
// organisations), each office a dated span.
//
// The tables are compiled into the binary (kb/data/*.tsv.gz, each with a
// provenance header) by `make kb` from the open data in ../shared/data and
// registry packages; the package never reads ../shared. Load parses them
// once and builds the indexes; every lookup after that is a map access on a
// folded key (see internal/norm), safe for concurrent use.
//
// Every entity carries its outside identifier: a Wikidata id (Q…) for
// countries, organisations and people where the sources give one, a GeoNames
// id for places and countries, ISO 3166 codes for countries.
package kb

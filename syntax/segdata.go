package syntax

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed segmenter.txt
var segmenterData string

var defaultSegmenter = sync.OnceValue(func() Segmenter {
	lists, err := parseWordLists(segmenterData)
	if err != nil {
		panic("syntax: segmenter.txt: " + err.Error())
	}
	return Segmenter{Abbrev: lists["abbreviations"], Starters: lists["starters"]}
})

// DefaultSegmenter returns the segmenter with the word lists of
// segmenter.txt: the one the loader and the parse command use.
func DefaultSegmenter() Segmenter { return defaultSegmenter() }

// parseWordLists reads "[name]" sections of space-separated words.
func parseWordLists(data string) (map[string]map[string]bool, error) {
	out := map[string]map[string]bool{}
	var cur map[string]bool
	for n, line := range strings.Split(data, "\n") {
		if k := strings.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			name := line[1 : len(line)-1]
			if out[name] != nil {
				return nil, fmt.Errorf("line %d: list %q defined twice", n+1, name)
			}
			cur = map[string]bool{}
			out[name] = cur
		case cur == nil:
			return nil, fmt.Errorf("line %d: words before any [list] header", n+1)
		default:
			for _, w := range strings.Fields(line) {
				if w != strings.ToLower(w) {
					return nil, fmt.Errorf("line %d: %q is not lower case", n+1, w)
				}
				cur[w] = true
			}
		}
	}
	for _, want := range []string{"abbreviations", "starters"} {
		if len(out[want]) == 0 {
			return nil, fmt.Errorf("list [%s] missing or empty", want)
		}
	}
	return out, nil
}

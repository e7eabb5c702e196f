package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/diplograph/diplograph/syntax"
)

// parseCmd prints the Universal Dependencies analysis of a text file, or
// re-annotates the sentences of a CoNLL-U file keeping their tokens.
func parseCmd(args []string, stdin io.Reader, stdout io.Writer) int {
	fs := newFlags("parse", "parse [--conllu] FILE|-")
	conllu := fs.Bool("conllu", false, "FILE is CoNLL-U: re-tag and re-parse its sentences, keeping their tokens")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "parse: give one FILE (or - for standard input)")
		return 2
	}
	in := stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fail(fmt.Errorf("parse: %w", err))
		}
		defer f.Close()
		in = f
	}
	m, err := syntax.Load()
	if err != nil {
		return fail(fmt.Errorf("parse: %w", err))
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if *conllu {
		sents, err := syntax.ReadCoNLLU(in)
		if err != nil {
			return fail(fmt.Errorf("parse: %s: %w", fs.Arg(0), err))
		}
		if err := syntax.WriteCoNLLU(out, m.AnnotateAll(sents)); err != nil {
			return fail(fmt.Errorf("parse: %w", err))
		}
		return 0
	}
	data, err := io.ReadAll(io.LimitReader(in, maxParseBytes+1))
	if err != nil {
		return fail(fmt.Errorf("parse: %w", err))
	}
	if len(data) > maxParseBytes {
		return fail(fmt.Errorf("parse: %s is larger than %d MiB", fs.Arg(0), maxParseBytes>>20))
	}
	text := string(data)
	if !isText(text) {
		return fail(fmt.Errorf("parse: %s is not UTF-8 text", fs.Arg(0)))
	}
	if err := syntax.WriteCoNLLU(out, m.ParseText(text)); err != nil {
		return fail(fmt.Errorf("parse: %w", err))
	}
	return 0
}

// maxParseBytes bounds the text parse reads.
const maxParseBytes = 64 << 20

func isText(s string) bool {
	return !strings.ContainsRune(s, 0) && strings.ToValidUTF8(s, "\uFFFD") == s
}

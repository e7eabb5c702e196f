// Command gencorpus writes a generated corpus (package corpus) of N
// articles into a folder, as JSONL files of corpus.PerFile articles:
//
//	go run ./bench/peer/gencorpus -n 5000 -seed 1 DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/diplograph/diplograph/bench/peer/corpus"
)

func main() {
	n := flag.Int("n", 5000, "number of articles")
	seed := flag.Uint64("seed", 1, "seed of the generator")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus [-n N] [-seed S] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	if err := corpus.WriteDir(dir, corpus.Generate(*n, *seed)); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

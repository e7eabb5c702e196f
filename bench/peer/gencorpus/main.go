package main

import (
	"os"
	"strconv"

	"github.com/diplograph/diplograph/bench/peer/corpus"
)

func main() {
	n, _ := strconv.Atoi(os.Args[1])
	corpus.Write(os.Stdout, corpus.Generate(n, 1))
}

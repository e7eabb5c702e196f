package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/diplograph/diplograph/kb"
)

func main() {
	t0 := time.Now()
	k, err := kb.Load()
	if err != nil {
		panic(err)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("load", time.Since(t0), "heap MB", ms.HeapAlloc>>20, k.Stats())
	d, _ := kb.ParseDate(os.Args[1])
	for _, q := range os.Args[2:] {
		fmt.Println("==", q)
		for _, c := range k.Lookup(q, d) {
			fmt.Printf("  %s %q %v by %s(%s)", c.Kind, c.Name, c.IDs, c.Match, c.Matched)
			if c.Place != nil {
				fmt.Printf(" %s %s pop=%d", c.Place.Country, c.Place.Admin1(), c.Place.Population)
			}
			for _, o := range c.Offices {
				fmt.Printf(" [%s %s %s %s..%s]", o.Role, o.Title, o.Where(), o.Start, o.End)
			}
			fmt.Println()
		}
	}
}

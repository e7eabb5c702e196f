// Command kbq prints what the knowledge base knows of names on a date: a
// developer's tool for checking the compiled tables.
//
//	go run ./kb/internal/kbq 2024-12-02 Nepal "prime minister@Nepal" Oli "Hai Phong"
//
// A name of the form role@where asks who held the role there on the date.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/diplograph/diplograph/kb"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: kbq YYYY-MM-DD name...")
		os.Exit(2)
	}
	d, err := kb.ParseDate(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "kbq:", err)
		os.Exit(2)
	}
	t0 := time.Now()
	k, err := kb.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "kbq:", err)
		os.Exit(1)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("loaded in %s, heap %d MB, %+v\n", time.Since(t0).Round(time.Millisecond), ms.HeapAlloc>>20, k.Stats())
	for _, q := range os.Args[2:] {
		fmt.Println("==", q)
		if role, where, ok := strings.Cut(q, "@"); ok {
			for _, o := range k.OfficeHolder(role, where, d) {
				fmt.Printf("  %s (%s) %s, %s %s..%s [%s]\n", o.Person.Name, o.Person.Wikidata, o.Title, o.Where(), o.Start, o.End, o.Source)
			}
			continue
		}
		for _, c := range k.Lookup(q, d) {
			fmt.Printf("  %s %q %+v by %s (%s)", c.Kind, c.Name, c.IDs, c.Match, c.Matched)
			if c.Place != nil {
				fmt.Printf(" %s, %s, population %d", c.Place.Admin1(), c.Place.Country, c.Place.Population)
			}
			for _, o := range c.Offices {
				fmt.Printf(" [%s: %s, %s %s..%s]", o.Role, o.Title, o.Where(), o.Start, o.End)
			}
			fmt.Println()
		}
	}
}

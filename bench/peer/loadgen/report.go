package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// report prints, per query and load, each server's requests per second and
// median latency, and for each diplograph server the ratios to the peer's
// (requests per second: higher is better; median: lower is better).
func report(w io.Writer, targets []target, qs []query, loads []int, res map[key]*result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"query", "clients"}
	for _, t := range targets {
		head = append(head, t.name+" req/s", "p50")
	}
	peer := targets[len(targets)-1]
	for _, t := range targets[:len(targets)-1] {
		head = append(head, t.name+" ×req/s", "×p50")
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	errs := 0
	for _, q := range qs {
		for _, c := range loads {
			row := []string{q.name, fmt.Sprint(c)}
			for _, t := range targets {
				r := res[key{q.name, c, t.name}]
				errs += r.errs
				row = append(row, fmt.Sprintf("%.0f", r.rate()), ms(r.p50()))
			}
			p := res[key{q.name, c, peer.name}]
			for _, t := range targets[:len(targets)-1] {
				r := res[key{q.name, c, t.name}]
				row = append(row, fmt.Sprintf("%.2f", r.rate()/p.rate()),
					fmt.Sprintf("%.2f", float64(r.p50())/float64(p.p50())))
			}
			fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
		}
	}
	tw.Flush()
	if errs > 0 {
		fmt.Fprintf(w, "%d requests failed\n", errs)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

// Command compose-config loads Compose files the way `docker compose config`
// does (it is the same loader, github.com/compose-spec/compose-go) and prints
// the resolved model, or the error that would stop `docker compose up`. It
// needs no Docker engine; the project's tests run it on docker-compose*.yml.
//
//	go run . [--format json|yaml] [--no-dotenv] [--profile NAME]... FILE...
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	format := flag.String("format", "yaml", "output format: yaml or json")
	noDotenv := flag.Bool("no-dotenv", false, "ignore the .env file beside the first file")
	var profiles []string
	flag.Func("profile", "enable a profile (repeatable)", func(p string) error {
		profiles = append(profiles, p)
		return nil
	})
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: compose-config [--format json|yaml] [--no-dotenv] "+
			"[--profile NAME]... FILE...")
		os.Exit(2)
	}
	opts := []cli.ProjectOptionsFn{cli.WithOsEnv, cli.WithProfiles(profiles)}
	if !*noDotenv {
		opts = append(opts, cli.WithDotEnv)
	}
	po, err := cli.NewProjectOptions(flag.Args(), opts...)
	if err != nil {
		fail(err)
	}
	p, err := po.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	var out []byte
	switch *format {
	case "json":
		out, err = json.MarshalIndent(p, "", "  ")
	case "yaml":
		out, err = p.MarshalYAML()
	default:
		err = fmt.Errorf("unknown format %q", *format)
	}
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(out)
	if !strings.HasSuffix(string(out), "\n") {
		fmt.Println()
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "compose-config:", err)
	os.Exit(1)
}

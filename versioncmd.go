package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/diplograph/diplograph/buildinfo"
	"github.com/diplograph/diplograph/kb"
	"github.com/diplograph/diplograph/syntax"
)

// shipped lists the models and data sets built into the binary, for
// `diplograph version`: the syntax layer's parser model and the knowledge
// base's tables, each named by a hash computed when asked, not at every
// start of the binary.
func shipped() []buildinfo.Component {
	return []buildinfo.Component{
		{Name: "model", Version: syntax.ModelVersion()},
		{Name: "data", Version: kb.DataVersion()},
	}
}

// versionCmd is `diplograph version`: the stamped version and commit, the Go
// toolchain and the versions of the built-in model and data.
func versionCmd(args []string) int {
	fs := newFlags("version", "[--json]")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	info := buildinfo.Read(shipped()...)
	if *asJSON {
		b, err := json.Marshal(info)
		if err != nil {
			return fail(err)
		}
		fmt.Fprintln(os.Stdout, string(b))
		return 0
	}
	fmt.Fprint(os.Stdout, info)
	return 0
}

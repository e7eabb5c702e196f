package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/diplograph/diplograph/buildinfo"
)

// shipped lists the models and data sets built into the binary, for
// `diplograph version`. A package that ships one exports its version and
// its entry here reads it, e.g. {Name: "model", Version: syntax.ModelVersion};
// until then the entry reads buildinfo.None.
var shipped = []buildinfo.Component{
	{Name: "model", Version: buildinfo.None},
	{Name: "data", Version: buildinfo.None},
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
	info := buildinfo.Read(shipped...)
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

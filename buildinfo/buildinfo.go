// Package buildinfo says which diplograph this is: the release version and
// commit stamped by the build (make dist, the Dockerfile), the Go toolchain
// that compiled it, and the versions of the models and data sets built in.
//
// Version and Commit are set at link time:
//
//	go build -ldflags "-X github.com/diplograph/diplograph/buildinfo.Version=v1.2.0 \
//	    -X github.com/diplograph/diplograph/buildinfo.Commit=$(git rev-parse HEAD)"
//
// Unstamped builds (go run, go build) read "dev" and take the commit from the
// VCS information the go command embeds, when it did.
package buildinfo

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Version and Commit are stamped with -ldflags -X; see the package doc.
var (
	Version = "dev"
	Commit  = ""
)

// None is the version of a component that this binary does not ship.
const None = "none"

// Component is a model or data set built into the binary, with its version
// (for example the treebank a parser was trained on, or the date of a
// knowledge-base snapshot).
type Component struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Info is everything `diplograph version` prints.
type Info struct {
	Version    string      `json:"version"`
	Commit     string      `json:"commit"`
	Modified   bool        `json:"modified,omitempty"`
	Go         string      `json:"go"`
	Platform   string      `json:"platform"`
	Components []Component `json:"components"`
}

// Read returns the build's Info with the given components. An empty
// component version reads None.
func Read(components ...Component) Info {
	info := Info{
		Version:  Version,
		Commit:   Commit,
		Go:       runtime.Version(),
		Platform: runtime.GOOS + "/" + runtime.GOARCH,
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		fromBuild(&info, bi)
	}
	if info.Commit == "" {
		info.Commit = "unknown"
	}
	for _, c := range components {
		if c.Version == "" {
			c.Version = None
		}
		info.Components = append(info.Components, c)
	}
	return info
}

// fromBuild fills what the link-time stamp left empty from the go command's
// build information: the module version of `go install …@vX` builds, and
// the VCS revision of builds inside a git checkout.
func fromBuild(info *Info, bi *debug.BuildInfo) {
	if info.Version == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		info.Version = bi.Main.Version
	}
	if info.Commit != "" {
		return
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Commit = s.Value
		case "vcs.modified":
			info.Modified = s.Value == "true"
		}
	}
}

// String renders the Info as aligned lines, one fact per line.
func (i Info) String() string {
	var b strings.Builder
	commit := i.Commit
	if i.Modified {
		commit += " (modified)"
	}
	fmt.Fprintf(&b, "diplograph %s\n", i.Version)
	row := func(k, v string) { fmt.Fprintf(&b, "  %-8s %s\n", k, v) }
	row("commit", commit)
	row("go", i.Go+" "+i.Platform)
	for _, c := range i.Components {
		row(c.Name, c.Version)
	}
	return b.String()
}

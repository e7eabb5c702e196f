// Command licenses writes the licence files of the Go toolchain and of every
// module compiled into diplograph, for any of the release platforms, as one
// text: the THIRD_PARTY_LICENSES.txt that `make dist` and the image ship
// beside NOTICE. A module without a licence file is an error.
//
//	go run ./scripts/licenses [PACKAGE] > THIRD_PARTY_LICENSES.txt
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// platforms are the release targets; their dependency sets are merged.
var platforms = []string{"linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64",
	"windows/amd64", "windows/arm64"}

// licenceFile matches the names licence texts go by.
var licenceFile = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|patents)([.-].*)?$`)

// module is one dependency and the folder its files are in.
type module struct{ path, version, dir string }

func main() {
	pkg := "."
	if len(os.Args) > 1 {
		pkg = os.Args[1]
	}
	if err := write(os.Stdout, pkg); err != nil {
		fmt.Fprintln(os.Stderr, "licenses:", err)
		os.Exit(1)
	}
}

// write lists the modules pkg links on every platform and writes their
// licence texts, the Go distribution's first.
func write(w io.Writer, pkg string) error {
	mods := map[string]module{}
	for _, p := range platforms {
		goos, goarch, _ := strings.Cut(p, "/")
		if err := deps(pkg, goos, goarch, mods); err != nil {
			return err
		}
	}
	goroot, err := goCmd(nil, "env", "GOROOT")
	if err != nil {
		return err
	}
	goversion, err := goCmd(nil, "env", "GOVERSION")
	if err != nil {
		return err
	}
	list := []module{{"Go (standard library and runtime)", strings.TrimSpace(goversion),
		strings.TrimSpace(goroot)}}
	var paths []string
	for p := range mods {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		list = append(list, mods[p])
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Third-party software compiled into diplograph, with its licence texts.\n")
	fmt.Fprintf(bw, "Written by scripts/licenses; see NOTICE for the data and models.\n")
	for _, m := range list {
		files, err := licences(m.dir)
		if err != nil {
			return err
		}
		if len(files) == 0 {
			return fmt.Errorf("%s %s: no licence file in %s", m.path, m.version, m.dir)
		}
		fmt.Fprintf(bw, "\n%s\n%s %s\n", strings.Repeat("=", 72), m.path, m.version)
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(m.dir, f))
			if err != nil {
				return err
			}
			fmt.Fprintf(bw, "\n--- %s\n\n%s\n", f, bytes.TrimSpace(b))
		}
	}
	return bw.Flush()
}

// deps adds the modules pkg links for goos/goarch to mods.
func deps(pkg, goos, goarch string, mods map[string]module) error {
	out, err := goCmd([]string{"GOOS=" + goos, "GOARCH=" + goarch, "CGO_ENABLED=0"},
		"list", "-deps", "-f",
		"{{with .Module}}{{if not .Main}}{{with .Replace}}{{.Path}}\t{{.Version}}\t{{.Dir}}"+
			"{{else}}{{.Path}}\t{{.Version}}\t{{.Dir}}{{end}}{{end}}{{end}}", pkg)
	if err != nil {
		return err
	}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			continue
		}
		if f[2] == "" {
			return fmt.Errorf("%s %s is not downloaded (go mod download)", f[0], f[1])
		}
		mods[f[0]] = module{f[0], f[1], f[2]}
	}
	return nil
}

// licences returns the licence files at the top of dir, sorted.
func licences(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && isLicence(e.Name()) {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// isLicence reports whether a file name is a licence text's (not Go code).
func isLicence(name string) bool {
	return licenceFile.MatchString(name) && !strings.HasSuffix(name, ".go")
}

// goCmd runs the go command with extra environment and returns its output.
func goCmd(env []string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out), nil
}

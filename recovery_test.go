package main

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/store/embedded"
)

// TestCommandsReportRecovery: after a crash, `load` and `serve` print what
// the embedded store's recovery did, word for word as its Recovery says
// (or, if the store refuses to open, its error). The crash is real (a load
// killed with SIGKILL mid-write) and the last write is torn (bytes appended
// to the file written last), so that recovery has something to report
// whatever the store's file format; what it reports is taken from
// embedded.Open on a copy of the same files.
func TestCommandsReportRecovery(t *testing.T) {
	crashed := crashedStore(t)
	tearLastWrite(t, crashed)

	ref := copyDir(t, crashed)
	st, err := embedded.Open(ref)
	var want string
	if err != nil {
		// the copy's folder differs: compare what follows it
		_, want, _ = strings.Cut(err.Error(), ref)
		t.Logf("the crashed store is refused: %v", err)
	} else {
		// the command prints "embedded store DIR: " and the recovery
		want = ": " + untimed(st.Recovery().String()) + "\n"
		t.Logf("recovery of the crashed store: %s", st.Recovery())
		st.Close(context.Background())
	}

	check := func(cmd string, stderr string) {
		t.Helper()
		stderr = untimed(stderr)
		if !strings.Contains(stderr, want) || err == nil && !strings.Contains(stderr,
			"diplograph: embedded store ") {
			t.Errorf("%s on a crashed store printed:\n%s\nwant a line ending %q", cmd,
				stderr, want)
		}
	}

	in := filepath.Join(t.TempDir(), "one.txt")
	if err := os.WriteFile(in, []byte("Ghana and Nigeria agree\n\nPresident Ana Ruiz met "+
		"Prime Minister Tomas Vidal in Accra on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	load := child(t, "load", "--data", copyDir(t, crashed), in)
	var stderr strings.Builder
	load.Stderr = &stderr
	_ = load.Run()
	check("load", stderr.String())

	addr := freeAddr(t)
	serve := child(t, "serve", "--addr", addr, "--data", copyDir(t, crashed))
	var serveErr strings.Builder
	serve.Stderr = &serveErr
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = serve.Wait(); close(exited) }()
	// serve has reported recovery once it answers, or once it has exited
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		select {
		case <-exited:
			deadline = time.Time{}
		case <-time.After(100 * time.Millisecond):
		}
	}
	_ = serve.Process.Signal(syscall.SIGTERM)
	<-exited
	check("serve", serveErr.String())
}

// durations matches a printed time.Duration ("5ms", "1.2s").
var durations = regexp.MustCompile(`\b[0-9]+(\.[0-9]+)?(ns|µs|us|ms|s|m|h)\b`)

// untimed replaces the durations of s, which differ between two runs of the
// same recovery, with "T".
func untimed(s string) string { return durations.ReplaceAllString(s, "T") }

// child returns the command diplograph args, run by the test binary on the
// embedded store.
func child(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "DIPLOGRAPH_TEST_MAIN=1", "NEO4J_URI=")
	return cmd
}

// crashedStore returns the folder of an embedded store whose writer, a
// load of many articles, was killed with SIGKILL while writing.
func crashedStore(t *testing.T) string {
	t.Helper()
	in := t.TempDir()
	src, err := os.ReadDir(examples)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		for _, e := range src {
			b, err := os.ReadFile(filepath.Join(examples, e.Name()))
			if err != nil || e.IsDir() {
				continue
			}
			if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("%03d-%s", i, e.Name())), b,
				0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	data := t.TempDir()
	cmd := child(t, "load", "--data", data, in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// let it write for a while after the store appears
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if entries, _ := os.ReadDir(data); len(entries) > 0 {
			break
		}
	}
	time.Sleep(1500 * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if cmd.ProcessState.ExitCode() == 0 {
		t.Skipf("the load finished before it was killed (%v)", err)
	}
	return data
}

// tearLastWrite appends the start of a write that never finished to the
// file of dir written last.
func tearLastWrite(t *testing.T, dir string) {
	t.Helper()
	var last string
	var at time.Time
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil && info.Size() > 0 && !info.ModTime().Before(at) {
			last, at = p, info.ModTime()
		}
		return err
	})
	if err != nil || last == "" {
		t.Fatalf("no file written in %s (%v)", dir, err)
	}
	f, err := os.OpenFile(last, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write([]byte("\x40\x00\x00\x00\x12\x34\x56\x78{\"torn\":")); err != nil {
		t.Fatal(err)
	}
}

// copyDir copies the files of dir into a new temporary folder.
func copyDir(t *testing.T, dir string) string {
	t.Helper()
	out := t.TempDir()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(out, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(out, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

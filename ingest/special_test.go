package ingest

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLoadSkipsNamedPipe is issue 13's reproduction: a FIFO in a load
// folder, or named on the command line, used to block the load forever on
// its open. It is skipped with a reason and the other files load.
func TestLoadSkipsNamedPipe(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Kenya and Ghana A"})
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var rec recorder
	done := make(chan struct{})
	var rep Report
	var err error
	go func() {
		defer close(done)
		rep, err = Load(context.Background(), &rec, words{}, []string{dir, fifo}, Options{})
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Load still blocked on a named pipe after 20 s")
	}
	if err != nil {
		t.Fatalf("Load = %v; want nil", err)
	}
	if rep.Articles != 1 {
		t.Errorf("articles loaded = %d; want the 1 regular file", rep.Articles)
	}
	if len(rep.Skipped) != 1 || rep.Skipped[0].Path != fifo ||
		rep.Skipped[0].Reason != "not a regular file: a named pipe (FIFO)" {
		t.Errorf("Skipped = %+v; want the pipe, once, as a named pipe", rep.Skipped)
	}
}

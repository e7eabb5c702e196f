package embedded_test

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/storetest"
)

// open opens a store in a fresh directory, closed when the test ends.
func open(t testing.TB, dir string) *embedded.Store {
	t.Helper()
	s, err := embedded.Open(dir)
	if err != nil {
		t.Fatalf("Open(%s) = %v; want nil", dir, err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t, t.TempDir()) })
}

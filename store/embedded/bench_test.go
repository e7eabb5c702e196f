package embedded_test

import (
	"testing"

	"github.com/diplograph/diplograph/store/storetest"
)

func BenchmarkUpsert(b *testing.B) { storetest.BenchUpsert(b, open(b, b.TempDir())) }

func BenchmarkRelationsOfEntity(b *testing.B) {
	storetest.BenchRelationsOfEntity(b, open(b, b.TempDir()))
}

func BenchmarkPaths(b *testing.B) { storetest.BenchPaths(b, open(b, b.TempDir())) }

func BenchmarkHeldOffices(b *testing.B) { storetest.BenchHeldOffices(b, open(b, b.TempDir())) }

package neo4jstore_test

import (
	"testing"

	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
	"github.com/diplograph/diplograph/store/storetest"
)

func BenchmarkUpsert(b *testing.B) { storetest.BenchUpsert(b, neo4jtest.Open(b)) }

func BenchmarkRelationsOfEntity(b *testing.B) {
	storetest.BenchRelationsOfEntity(b, neo4jtest.Open(b))
}

func BenchmarkPaths(b *testing.B) { storetest.BenchPaths(b, neo4jtest.Open(b)) }

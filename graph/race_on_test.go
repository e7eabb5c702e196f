//go:build race

package graph_test

// raceEnabled is true when the tests run under the race detector, which
// makes the heavier reproductions send fewer requests.
const raceEnabled = true

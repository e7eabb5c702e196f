// Package frames is the relation stage of the loader that reads the parse:
// given one parsed sentence and the spans of the entities mentioned in it,
// Run returns the relations the sentence states, found by relation frames
// kept as data (frames.txt).
//
// A frame names its trigger lemmas (verbs, or nouns carried by light verbs:
// "held talks with", "paid a visit to"), the dependency paths to its two
// roles (subject, object, an oblique with a given preposition, the agent of
// a passive, the possessor of a noun) with the kinds of entity each role
// may be, the relation type with its CAMEO and PLOVER codes, and examples
// and counterexamples that the package's tests parse and check. What
// decides planned, happened or no edge — negation, a governing verb such as
// "declined" or "agreed", a future auxiliary — is read from the tree with
// word classes kept in the same file.
//
// The stage writes nothing into its input: Run(In) returns []Edge.
package frames

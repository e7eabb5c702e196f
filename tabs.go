package main

import "github.com/diplograph/diplograph/playground"

// exampleTabs are the queries the playground opens with: one per kind of
// question the API answers. Queries that need ids take them as variables;
// the Search tab finds them.
func exampleTabs() []playground.Tab {
	return []playground.Tab{
		{Name: "Search", Query: `query Search {
  search(query: "Mensah", first: 5) { id name type aliases }
}`},
		{Name: "WhoDidWhat", Query: `query WhoDidWhat($name: String!) {
  entity(name: $name) {
    name
    type
    ... on Person { offices { role in { name } } }
    relations(first: 20, orderBy: DATE_ASC) {
      totalCount
      edges { node {
        type date status cameo plover
        source { name } target { name }
        evidence { sentence article { title published } }
      } }
    }
  }
}`, Variables: `{"name": "Mensah"}`},
		{Name: "Calls", Query: `query Calls($since: Date) {
  relations(types: [CALLED], since: $since, first: 20, orderBy: DATE_ASC) {
    edges { node { date source { name } target { name } } }
  }
}`, Variables: `{"since": "2025-01-01"}`},
		{Name: "Paths", Query: `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 4) {
    length
    nodes { name type }
    relations { type date }
  }
}`, Variables: `{"from": "an id from Search", "to": "another id from Search"}`},
		{Name: "Timeline", Query: `query Timeline($actors: [ID!]!) {
  timeline(actors: $actors) { date type source { name } target { name } }
}`, Variables: `{"actors": ["an id from Search", "another id from Search"]}`},
		{Name: "Neighborhood", Query: `query Neighborhood($id: ID!) {
  neighborhood(id: $id, depth: 2, limit: 50) {
    nodes { id name type }
    relations { type source { id } target { id } }
  }
}`, Variables: `{"id": "an id from Search"}`},
		{Name: "Stats", Query: `query Stats {
  stats { entities relations articles byRelationType { type count } }
}`},
	}
}

package main

import "github.com/diplograph/diplograph/playground"

// exampleTabs are the queries the playground opens with: one per kind of
// question the API answers, over names found in examples/articles so that
// each returns data on first run (TestExampleTabs checks it). Entities are
// named by EntityRef variables: {"name": …}, {"id": …} or {"wikidata": …}.
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
		{Name: "Paths", Query: `query Paths($from: EntityRef!, $to: EntityRef!) {
  paths(from: $from, to: $to, maxHops: 4) {
    length
    nodes { name type }
    relations { type date }
  }
}`, Variables: `{"from": {"name": "Efua Mensah"}, "to": {"name": "Aminata Sow"}}`},
		{Name: "Timeline", Query: `query Timeline($actors: [EntityRef!]!) {
  timeline(actors: $actors) { date type source { name } target { name } }
}`, Variables: `{"actors": [{"name": "Efua Mensah"}, {"name": "Ibrahim Danjuma"}]}`},
		{Name: "Neighborhood", Query: `query Neighborhood($of: EntityRef!) {
  neighborhood(of: $of, depth: 2, limit: 50) {
    nodes { id name type }
    relations { type source { id } target { id } }
  }
}`, Variables: `{"of": {"name": "Efua Mensah"}}`},
		{Name: "Countries", Query: `query Countries($a: EntityRef!, $b: EntityRef!) {
  relations(betweenCountries: [$a, $b], first: 20) {
    totalCount
    edges { node { type date goldstein source { name } target { name } } }
  }
  dyads(country: $a) { other { name } count goldstein first last }
  counts(groupBy: [MONTH, TYPE]) { month type count goldstein }
}`, Variables: `{"a": {"name": "Ghana"}, "b": {"name": "Nigeria"}}`},
		{Name: "OutsideIds", Query: `query OutsideIds($wikidata: String!, $place: String!) {
  entity(wikidata: $wikidata) { name type externalIds { wikidata geonames iso } }
  search(query: $place, types: [PLACE], first: 1) {
    name externalIds { geonames } ... on Place { location { lat lon } }
  }
}`, Variables: `{"wikidata": "Q117", "place": "Addis Ababa"}`},
		{Name: "Identity", Query: `query Identity($name: String!) {
  entity(name: $name) {
    name
    identity {
      key reason decisions
      matchedOn(first: 10) { rule on name from article { title } at }
    }
  }
}`, Variables: `{"name": "Efua Mensah"}`},
		{Name: "Stats", Query: `query Stats {
  stats { entities relations articles byRelationType { type count } }
}`},
	}
}

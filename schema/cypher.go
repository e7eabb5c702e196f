package schema

import (
	"fmt"
	"strings"
)

// Names of the Neo4j indexes that queries name.
const (
	// EntityNamesIndex is the full-text index over the names and folded
	// aliases of entities.
	EntityNamesIndex = "entity_names"
	// EntityLabel is the label every entity node carries beside its type.
	EntityLabel = "Entity"
	// ArticleLabel is the label of article nodes.
	ArticleLabel = "Article"
	// IdentityNoteLabel is the label of the nodes that keep identity
	// decisions (IdentityMatch), unlinked, keyed by IdentityMatch.NoteKey.
	IdentityNoteLabel = "IdentityNote"
	// RedirectLabel is the label of the nodes that keep curators'
	// redirects (Redirect), unlinked.
	RedirectLabel = "Redirect"
)

// CypherSetup returns the Cypher statements that create diplograph's Neo4j
// constraints and indexes. Each is idempotent (IF NOT EXISTS), so a store
// runs them all every time it opens. They are:
//
//   - id uniqueness on :Entity, :Article and every EntityTypes label;
//   - id uniqueness on every relationship type of Relations;
//   - range indexes on the folded entity name, the entity's Wikidata id,
//     the article date and the first day (dateLo) of every relation type's
//     date;
//   - a point index on the location of places;
//   - the full-text index EntityNamesIndex on :Entity(name, aliasText);
//   - key uniqueness and look-up indexes of the identity notes and
//     redirects (IdentityNoteLabel, RedirectLabel).
func CypherSetup() []string {
	var out []string
	labels := []string{EntityLabel, ArticleLabel}
	for _, t := range EntityTypes {
		labels = append(labels, string(t))
	}
	for _, l := range labels {
		out = append(out, fmt.Sprintf(
			"CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE",
			strings.ToLower(l), l))
	}
	for _, r := range Relations {
		name := strings.ToLower(string(r.Type))
		out = append(out,
			fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS "+
				"FOR ()-[r:%s]-() REQUIRE r.id IS UNIQUE", name, r.Type),
			fmt.Sprintf("CREATE INDEX %s_date IF NOT EXISTS "+
				"FOR ()-[r:%s]-() ON (r.dateLo)", name, r.Type))
	}
	return append(out,
		"CREATE INDEX entity_fold IF NOT EXISTS FOR (n:Entity) ON (n.fold)",
		"CREATE INDEX entity_wikidata IF NOT EXISTS FOR (n:Entity) ON (n.wikidata)",
		"CREATE POINT INDEX place_location IF NOT EXISTS FOR (n:Place) ON (n.location)",
		"CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)",
		"CREATE FULLTEXT INDEX "+EntityNamesIndex+" IF NOT EXISTS "+
			"FOR (n:Entity) ON EACH [n.name, n.aliasText]",
		"CREATE CONSTRAINT identitynote_key IF NOT EXISTS FOR (n:"+IdentityNoteLabel+
			") REQUIRE n.key IS UNIQUE",
		"CREATE INDEX identitynote_entity IF NOT EXISTS FOR (n:"+IdentityNoteLabel+
			") ON (n.entity)",
		"CREATE INDEX identitynote_article IF NOT EXISTS FOR (n:"+IdentityNoteLabel+
			") ON (n.article)",
		"CREATE CONSTRAINT redirect_key IF NOT EXISTS FOR (n:"+RedirectLabel+
			") REQUIRE n.key IS UNIQUE",
		"CREATE INDEX redirect_from IF NOT EXISTS FOR (n:"+RedirectLabel+") ON (n.from)",
		"CREATE INDEX redirect_into IF NOT EXISTS FOR (n:"+RedirectLabel+") ON (n.into)",
	)
}

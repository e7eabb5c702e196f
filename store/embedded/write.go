package embedded

import (
	"context"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Upsert merges batches into the store by the rules of store.Prepare and
// store.MergeEntity and friends. The write is journalled and synced before
// Upsert returns; it is applied whole or not at all. A relation whose end
// is in neither the batches nor the store is ErrInvalidInput.
func (s *Store) Upsert(ctx context.Context, batches ...schema.Batch) error {
	c, err := store.Prepare(batches)
	if err != nil {
		return fmt.Errorf("embedded.Upsert: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("embedded.Upsert: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.usable("Upsert"); err != nil {
		return err
	}
	if missing := s.st.missing(c.Endpoints()); len(missing) > 0 {
		return fmt.Errorf("embedded.Upsert: relations join unknown entities %s: %w",
			strings.Join(missing, ", "), store.ErrInvalidInput)
	}
	if err := s.appendOp(op{Upsert: &c}); err != nil {
		return fmt.Errorf("embedded.Upsert: journal: %w", err)
	}
	s.st.upsert(c)
	s.maybeCompact()
	return nil
}

// DeleteArticle removes the article id, its evidence, and every relation
// and entity left with no evidence; see store.Writer.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	if err := store.CheckID("id", id); err != nil {
		return fmt.Errorf("embedded.DeleteArticle: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("embedded.DeleteArticle %s: %w", id, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.usable("DeleteArticle"); err != nil {
		return err
	}
	if _, ok := s.st.articles[id]; !ok {
		return fmt.Errorf("embedded.DeleteArticle %s: %w", id, store.ErrNotFound)
	}
	if err := s.appendOp(op{Delete: id}); err != nil {
		return fmt.Errorf("embedded.DeleteArticle %s: journal: %w", id, err)
	}
	s.st.deleteArticle(id)
	s.maybeCompact()
	return nil
}

// maybeCompact compacts the state when the journal has grown past
// compactAt. The write before it is already durable, so its caller has
// succeeded whatever happens here: a compaction that fails before the new
// snapshot is in place leaves the journal as it was and is tried again on
// the next write; one that fails after marks the journal unusable, and the
// next write says so.
func (s *Store) maybeCompact() {
	if s.size >= compactAt {
		_ = s.compact()
	}
}

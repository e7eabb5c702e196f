package loader

// workspace is the memory the stages work in while they read one part of
// an article: views, mentions, entities, sentence contexts. Nothing in a
// batch points into it, so an Extractor keeps workspaces in a pool and an
// extraction allocates little beyond its tokens and its batch.
type workspace struct {
	dateFits []dateExpr // the dates an act may take, while one is chosen
	folds    []string
	gaz      []gazMatch
	roles    []roleMatch
	views    []sentView
	vptrs    []*sentView
	ments    []mention // the mentions of every sentence, one after the other
	mentions [][]mention
	ats      []int
	ctxs     []sentCtx
	entities []entity
	sc       scratch
}

// maxPooled is the most mentions a workspace may hold to go back to the
// pool: the memory of a huge part is left to the garbage collector.
const maxPooled = 1 << 14

// resize returns s with length n and every element zero, reusing its
// memory when it has room.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	s = s[:n]
	clear(s)
	return s
}

// getWorkspace takes a workspace from the pool.
func (x *Extractor) getWorkspace() *workspace {
	if ws, ok := x.pool.Get().(*workspace); ok {
		return ws
	}
	return &workspace{}
}

// putWorkspace returns a workspace to the pool unless it grew too large.
func (x *Extractor) putWorkspace(ws *workspace) {
	if cap(ws.ments) <= maxPooled {
		x.pool.Put(ws)
	}
}

// keep stores the mentions of one sentence in the workspace and returns
// them; the slice has no spare capacity, so appending to it copies.
func (ws *workspace) keep(ms []mention) []mention {
	start := len(ws.ments)
	ws.ments = append(ws.ments, ms...)
	return ws.ments[start:len(ws.ments):len(ws.ments)]
}

package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// run is a stretch of capitalised words that may be a name, with the
// connector words it took in ("Treaty of Asunción").
type run struct {
	T0, T1 int
	// Head is the index of the head word: the last word, or the last word
	// before a merged "of …"/"on …" complement.
	Head int
}

// runs returns the capitalised runs of a sentence, gazetteer phrases kept
// whole and runs joined across "of", "on", "for", "the", "and" when the left
// one ends in a head word ("Apia Declaration on Ocean Cooperation").
func (mf mentionFinder) runs(v *sentView, out []run) []run {
	i := 0
	for i < len(v.Toks) {
		if !mf.nameLike(v, i) {
			i++
			continue
		}
		j := i
		for j < len(v.Toks) {
			if g := v.Gaz[j]; g.End > 0 {
				j = g.End
				continue
			}
			if rm := v.Roles[j]; rm.End > j+2 && v.Toks[j].Cap && v.Toks[rm.End-1].Cap {
				j = rm.End // "Head of Government", "Secretary of State": one title
				continue
			}
			if mf.nameLike(v, j) {
				j++
				continue
			}
			if k := generationEnd(v, j); j > i && k > j {
				j = k // "Ana Ruiz, Jr.": the generation is part of the name
				continue
			}
			if k := mf.connectorsEnd(v, j); k > j && k < len(v.Toks) && mf.nameLike(v, k) {
				j = k // "João da Costa", "Ursula von der Leyen"
				continue
			}
			if k := nicknameEnd(v, j); j > i && k < len(v.Toks) && k > j && mf.nameLike(v, k) &&
				v.Roles[j-1].End == 0 {
				j = k // Charlot "Charlie" Kalsakau
				continue
			}
			if mf.pluralPossessive(v, i, j) || saintPossessive(v, i, j) {
				j++ // "Foreign Ministers' Meeting", "People's Congress", "St George's"
				continue
			}
			if j > i && v.Toks[j].Digit && numberedHead(v.Toks[j-1].Low) {
				j++ // "Resolution 1701"
				continue
			}
			break
		}
		head := j - 1
		if head > i && v.Toks[head].Digit && numberedHead(v.Toks[head-1].Low) {
			head-- // "Resolution 1701" is a resolution
		}
		out = append(out, run{T0: i, T1: j, Head: head})
		i = j
	}
	return mf.merge(v, out)
}

// pluralPossessive reports whether token j, a possessive marker after a
// plural in the run that starts at token i, is inside a name: the words
// after it are capitalised and end in the head word of an organisation,
// agreement or event ("Ministers' Meeting", "Workers' Party"). A singular
// possessive ("Chile's President") ends the run.
func (mf mentionFinder) pluralPossessive(v *sentView, i, j int) bool {
	if j == i || j+1 >= len(v.Toks) || !v.Toks[j].isPossessive() ||
		v.Toks[j].Start != v.Toks[j-1].End || !v.Toks[j+1].Cap {
		return false
	}
	prev := v.Toks[j-1].Low
	switch {
	case v.Toks[j].Low == "'" && strings.HasSuffix(prev, "s"):
	case prev == "people" || prev == "women" || prev == "children" || prev == "men":
	default:
		return false
	}
	k := j + 1
	for k < len(v.Toks) && v.Toks[k].Cap && mf.nameLike(v, k) {
		k++
	}
	head := v.Toks[k-1].Low
	return k > j+1 && (mf.g.orgHeads[head] || mf.g.agreeHeads[head] || mf.g.eventHeads[head] != "" ||
		mf.g.placeHeads[head]) // "Heroes' Acre"
}

// nicknameEnd returns the end of a quoted capitalised word at token j
// (the nickname in Charlot "Charlie" Kalsakau), or j.
func nicknameEnd(v *sentView, j int) int {
	if j+2 < len(v.Toks) && isQuoteMark(v.Toks[j].Text) && v.Toks[j+1].Cap &&
		v.Toks[j+1].Word && isQuoteMark(v.Toks[j+2].Text) {
		return j + 3
	}
	return j
}

// saintPossessive reports whether token j, a possessive marker, ends a
// saint's name that opens the run at token i: towns and parishes are named
// "St George's", "St John's" after the saint's church, and the marker is
// part of the name, not a possessive of the sentence.
func saintPossessive(v *sentView, i, j int) bool {
	if j != i+2 || !v.Toks[j].isPossessive() || v.Toks[j].Low == "'" ||
		v.Toks[j].Start != v.Toks[j-1].End {
		return false
	}
	switch v.Toks[i].Low {
	case "st", "st.", "saint":
		return true
	}
	return false
}

// connectorsEnd returns the end of the lower-case name connectors ("da",
// "von der", "bin") that start at token j.
func (mf mentionFinder) connectorsEnd(v *sentView, j int) int {
	k := j
	for k < len(v.Toks) && k < j+3 && !v.Toks[k].Cap && mf.g.connectors[v.Toks[k].Low] {
		k++
	}
	return k
}

// nameLike reports whether token i may be part of a name.
func (mf mentionFinder) nameLike(v *sentView, i int) bool {
	t := v.Toks[i]
	if postNominal(v, i) {
		return false
	}
	if v.Gaz[i].End > 0 {
		return true
	}
	if t.Digit {
		// "9th Chile-Argentina Binational Summit", "2050 Strategy".
		if i+1 >= len(v.Toks) || !v.Toks[i+1].Cap || isDateWord(v.Toks[i+1]) {
			return false
		}
		if g := v.Gaz[i+1]; g.End > 0 && g.Entry.Kind == gazDemonym {
			return false // "300 Samoans"
		}
		year := len(t.Text) == 4 && !strings.ContainsAny(t.Text, ".,-")
		return isOrdinal(t.Low) && len(t.Text) <= 5 || year
	}
	if !t.Word {
		return false
	}
	if !t.Cap {
		return arabicPrefixed(t.Text)
	}
	if i == 0 && len(t.Low) > 5 && strings.HasSuffix(t.Low, "ing") {
		return false // a participle opening the sentence: "Meeting", "Addressing"
	}
	if t.Lex&(lexMonth|lexWeekday) != 0 {
		return false
	}
	return t.Lex&lexStop == 0 || mf.capitalisedInName(v, i) || countInName(v, i)
}

// countInName reports whether token i is a capitalised number word that
// ends a name after a capitalised word ("the Nordic-Baltic Eight", "the
// Group of Seven").
func countInName(v *sentView, i int) bool {
	if i == 0 || !v.Toks[i-1].Cap && v.Toks[i-1].Low != "of" {
		return false
	}
	switch v.Toks[i].Low {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
		"twenty":
		return true
	}
	return false
}

// capitalisedInName reports whether token i, a stop word, is written with
// a capital in the middle of a sentence before another capitalised word,
// as in names ("Than Swe", "Second Thomas Shoal", "Ghana's North
// Kalimantan").
// Determiners and pronouns, capitalised after a quotation mark, are not.
func (mf mentionFinder) capitalisedInName(v *sentView, i int) bool {
	if i == 0 || i+1 >= len(v.Toks) {
		return false
	}
	prev, next := v.Toks[i-1], v.Toks[i+1]
	if !prev.Word && prev.Text != "," && !prev.isPossessive() || !next.Cap || !next.Word ||
		next.Lex&(lexStop|lexMonth|lexWeekday) != 0 {
		return false
	}
	if e, ok := mf.g.lookup(v.Folds[i+1]); ok && e.Kind == gazDemonym {
		return false // "South American", "West African": an adjective
	}
	return !nameBreakers[v.Toks[i].Low]
}

// nameBreakers are the stop words that stay out of a name even when
// capitalised in it (lexicon/name-breakers.txt).
var nameBreakers = pkgLex.words("name-breakers.txt")

// isDateWord reports whether a token is a month or weekday name.
func isDateWord(t token) bool {
	return t.Lex&(lexMonth|lexWeekday) != 0
}

// arabicPrefixed reports whether a word is a name with a lower-case
// article ("al-Assad", "el-Sisi", "bin").
func arabicPrefixed(w string) bool {
	if strings.IndexByte(w, '-') < 0 {
		return false
	}
	for _, p := range [...]string{"al-", "el-", "ad-", "as-", "ash-", "ar-", "at-", "ul-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// merge joins runs across connector words when the left run ends in a head
// word of an organisation, agreement or event name. It works in place.
func (mf mentionFinder) merge(v *sentView, rs []run) []run {
	out := rs[:0]
	for k := 0; k < len(rs); k++ {
		cur := rs[k]
		merged := false
		for k+1 < len(rs) {
			next := rs[k+1]
			gap := v.Toks[cur.T1:next.T0]
			if !mf.joinable(v, cur, next, gap, merged) {
				break
			}
			if !merged {
				cur.Head = cur.T1 - 1
				// The right run names the kind: "Gulf of … Summit", "Heads of
				// Government Meeting".
				lh, rh := v.Toks[cur.Head].Low, v.Toks[next.T1-1].Low
				rightKind := mf.g.orgHeads[rh] || mf.g.agreeHeads[rh] || mf.g.eventHeads[rh] != ""
				if !mf.leftHead(v, cur) || (mf.g.placeHeads[lh] || !mf.kindHead(v, cur.Head)) &&
					rightKind {
					cur.Head = next.T1 - 1
				}
			}
			cur.T1 = next.T1
			merged = true
			k++
		}
		if n, end := mf.topicList(v, rs, k, cur); n > 0 {
			cur.T1, k = end, k+n
		}
		out = append(out, cur)
	}
	return out
}

// topicList returns how many runs after rs[k] an agreement name whose
// topic follows its head takes in as a list of topics ("… on Water
// Security, Fisheries Management and Maritime Cooperation", "… Cooperation and
// the Shared Use of the … Basin"), and where the name then ends;
// so do a title's and a ministry's portfolio ("Minister of Trade, Industry
// and Energy").
// Only a list closed by "and" counts: ", Food Production said" is no topic.
func (mf mentionFinder) topicList(v *sentView, rs []run, k int, cur run) (int, int) {
	if h := v.Toks[cur.Head].Low; !mf.g.agreeHeads[h] && !portfolioHeads[h] || cur.T1 == cur.Head+1 {
		return 0, cur.T1
	}
	n, end := 0, cur.T1
	for k+n+1 < len(rs) {
		next := rs[k+n+1]
		last, ok := listGap(v.Toks[end:next.T0])
		if !ok || !mf.topicItem(v, next) {
			return 0, cur.T1
		}
		n, end = n+1, next.T1
		// An item's own complement: "the Protection of the Volta River Delta".
		if c := k + n + 1; c < len(rs) && isOfGap(v.Toks[end:rs[c].T0]) &&
			rs[c].T1-rs[c].T0 <= 5 && v.Roles[rs[c].T0].End == 0 {
			n, end = n+1, rs[c].T1
		}
		if last {
			return n, end
		}
	}
	return 0, cur.T1
}

// portfolioHeads are words of offices and ministries whose portfolio may
// be a list ("Minister of Mines, Water and Transport").
var portfolioHeads = pkgLex.words("portfolio-heads.txt")

// listGap reports whether the tokens between two runs separate the items
// of a list (",") or close it (", and the"), and which.
func listGap(gap []token) (last, ok bool) {
	if len(gap) == 1 && gap[0].Text == "," {
		return false, true
	}
	i := 0
	if i < len(gap) && gap[i].Text == "," {
		i++
	}
	if i >= len(gap) || gap[i].Low != "and" {
		return false, false
	}
	i++
	if i < len(gap) && gap[i].Low == "the" {
		i++
	}
	return true, i == len(gap)
}

// isOfGap reports whether a gap is "of" or "of the".
func isOfGap(gap []token) bool {
	return len(gap) == 1 && gap[0].Low == "of" ||
		len(gap) == 2 && gap[0].Low == "of" && gap[1].Low == "the"
}

// topicItem reports whether a run may be a topic in the list of an
// agreement's name: no title, country or body starts it, and it names no
// other agreement, body or event ("… and the Paris Agreement").
func (mf mentionFinder) topicItem(v *sentView, r run) bool {
	if r.T1-r.T0 > 5 || v.Roles[r.T0].End > 0 || mf.kindHead(v, r.T1-1) {
		return false
	}
	if g := v.Gaz[r.T0]; g.End > 0 && g.Entry.Kind != gazPlace {
		return false
	}
	return true
}

// joinable reports whether the gap between two runs may be bridged.
func (mf mentionFinder) joinable(v *sentView, cur run, next run, gap []token,
	merged bool) bool {
	if len(gap) == 0 || len(gap) > 3 {
		return false
	}
	for _, t := range gap {
		switch t.Low {
		case "of", "on", "for", "the", "a", "an", "and", "in", "against":
		default:
			return false
		}
	}
	first := gap[0].Low
	head := v.Toks[cur.T1-1].Low
	switch first {
	case "a", "an":
		return false
	case "the":
		// "… Nations Bordering the Caspian Sea": a title-case participle takes
		// its object into the name.
		return merged && len(gap) == 1 && len(head) > 5 && strings.HasSuffix(head, "ing") &&
			v.Gaz[cur.T1-1].End == 0
	case "against":
		// "Convention against Torture", "… in the Fight against Irregular
		// Migration"; never a country or body named after it.
		return len(gap) == 1 && (merged || mf.g.agreeHeads[head] || mf.g.orgHeads[head]) &&
			!mf.allGazetteer(v, cur) && !mf.allGazetteer(v, next)
	}
	if merged {
		return mf.mergedJoinable(v, cur, next, gap)
	}
	if first == "and" || first == "of" {
		// "Protection of Classified Defence Information Agreement",
		// "Comprehensive and Enhanced Strategic Partnership": the right run names the kind.
		rh := v.Toks[next.T1-1].Low
		right := mf.g.agreeHeads[rh] || mf.g.orgHeads[rh]
		if !right || len(gap) > 1 || mf.allGazetteer(v, cur) {
			return first == "of" && mf.leftHead(v, cur)
		}
		return true
	}
	if first == "in" {
		return isPostHead(head)
	}
	if first == "on" && mf.g.placeHeads[head] && !mf.kindHead(v, cur.T1-1) {
		return false // "the Queen Mary Clinic on Bequia": a place on an island
	}
	return mf.leftHead(v, cur)
}

// mergedJoinable reports whether a name already joined across a connector
// ("Memorandum of Understanding on Forestry") goes on across the gap
// before the next run.
func (mf mentionFinder) mergedJoinable(v *sentView, cur run, next run, gap []token) bool {
	first := gap[0].Low
	last := v.Toks[cur.T1-1].Low
	switch first {
	case "and":
		if headsOfState(v, cur.T1) && len(gap) == 1 {
			return true // "Heads of State" joined by "and" to "Government"
		}
		if titled(v, next) {
			return false // "Minister of Energy and Cambodian Minister of …": two persons
		}
		// "… Agreement and the Memorandum …" are two names; "… the Red Sea
		// and Gulf of Aden" inside a council's name is one.
		inner := mf.kindHead(v, cur.Head) // place words inside the name are no heads
		endsName := mf.leftHead(v, cur) && !(inner && mf.g.placeHeads[last])
		nf := run{T0: next.T0, T1: next.T0 + 1}
		startsName := mf.leftHead(v, nf) && !(inner && mf.g.placeHeads[v.Toks[next.T0].Low])
		return !endsName && !startsName && len(gap) == 1
	case "in":
		// "EU Training and Advisory Mission in Niger"; "Cooperation in
		// the Fight …", unless a known place follows.
		if isPostHead(last) {
			return true
		}
		if len(gap) == 1 && (last == "cooperation" || last == "co-operation") &&
			v.Gaz[next.T0].End == 0 {
			return true // "… Cooperation in Renewable Energy", not "… in Accra"
		}
		return len(gap) == 2 && gap[1].Low == "the" && v.Gaz[next.T0].End == 0
	}
	return first == "of" || first == "for" || first == "on"
}

// isPostHead reports whether a head word takes the place it is posted to
// into its name ("Mission in Somalia", "Embassy in Accra", "Interim Force
// in Lebanon").
func isPostHead(head string) bool {
	return head == "mission" || head == "office" || head == "embassy" || head == "force"
}

// kindHead reports whether token i is a word that names the kind of an
// organisation, agreement or event.
func (mf mentionFinder) kindHead(v *sentView, i int) bool {
	h := v.Toks[i].Low
	return mf.g.orgHeads[h] || mf.g.agreeHeads[h] || mf.g.eventHeads[h] != ""
}

// leftHead reports whether a run ends in a word that takes an "of …"
// complement into its name.
func (mf mentionFinder) leftHead(v *sentView, cur run) bool {
	head := v.Toks[cur.T1-1].Low
	return mf.g.orgHeads[head] || mf.g.agreeHeads[head] || mf.g.eventHeads[head] != "" ||
		mf.g.placeHeads[head] || head == "republic" || head == "kingdom" || head == "union" ||
		head == "memorandum" || head == "secretary" || head == "minister" || // "Gulf of Guinea"
		head == "heads" // "Pacific Heads of State Conference"
}

// allGazetteer reports whether a run is one gazetteer phrase (a country,
// an organisation), which "and" never joins to the next name.
func (mf mentionFinder) allGazetteer(v *sentView, r run) bool {
	return v.Gaz[r.T0].End == r.T1
}

// headsOfState reports whether the words before token k are "Heads of
// State", which "and Government" completes inside a name.
func headsOfState(v *sentView, k int) bool {
	return k >= 3 && k+1 < len(v.Toks) && v.Toks[k-1].Low == "state" &&
		v.Toks[k-2].Low == "of" && v.Toks[k-3].Low == "heads" && v.Toks[k+1].Low == "government"
}

// numberedHead reports whether a name's last word takes the number after
// it into the name ("Security Council Resolution 1701", "Protocol 6").
func numberedHead(w string) bool {
	return w == "resolution" || w == "protocol"
}

// titled reports whether a title of office stands in run r.
func titled(v *sentView, r run) bool {
	for i := r.T0; i < r.T1; i++ {
		if v.Roles[i].End > 0 && v.Roles[i].Info.Name != "" {
			return true
		}
	}
	return false
}

// postNominal reports whether token i is letters of an honour, degree or
// seat written after a name ("Jo Marsh KC MP", "Amara Osei, E.G.H.,"):
// a post-nominal word after a capitalised word, directly or after a comma,
// or after another post-nominal.
func postNominal(v *sentView, i int) bool {
	if i == 0 || v.Toks[i].Lex&lexPostNominal == 0 || !v.Toks[i].Cap {
		return false
	}
	p := v.Toks[i-1]
	if p.Text == "," && i >= 2 {
		p = v.Toks[i-2]
	}
	return p.Cap && p.Word
}

// generationEnd returns the end of a generation suffix at token j (", Jr."
// or ", Sr." after a name: "Ana Ruiz, Jr."), or j.
func generationEnd(v *sentView, j int) int {
	k := j
	if k < len(v.Toks) && v.Toks[k].Text == "," {
		k++
	}
	if k >= len(v.Toks) {
		return j
	}
	switch v.Toks[k].Low {
	case "jr.", "jr", "sr.", "sr":
		if v.Toks[k].Cap {
			return k + 1
		}
	}
	return j
}

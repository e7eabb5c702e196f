package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// objMode tells where a trigger's object is.
type objMode uint8

// The places an object may be found.
const (
	objDirect objMode = iota // right after the trigger: "called Carvalho"
	objAfter                 // after one of the frame's prepositions: "visit to Chile"
	objNone                  // no object in the text: a default is used
	objClause                // the first fitting mention in the clause
)

// argKind is the kind of entity an argument may be.
type argKind uint8

// The kinds of arguments.
const (
	argActor     argKind = iota // person, country or organisation
	argPlace                    // place or country
	argEvent                    // event
	argAgreement                // agreement
	argTarget                   // what may be condemned: event, actor
	argPerson                   // person
)

// frame is one trigger pattern: the words that make it (each a set of
// alternatives, "*" skipping up to three words), the relation, and where
// its object is.
type frame struct {
	Rel   schema.RelationType
	Words [][]string
	Obj   objMode
	Preps []string
	Kind  argKind
	// Noun frames ("visit to", "meeting with") take their subject from a
	// possessor ("Sandvik's visit") or a "by" phrase before the clause's.
	Noun bool
	// Reverse swaps subject and object ("received a call from X").
	Reverse bool
	// Urge frames are no act when the object is followed by "to": one
	// who "called on Rivas" visited him, one who "called on Rivas to
	// resign" urged him.
	Urge bool
	// Away frames leave the subject's own country out of their objects:
	// one who "left for Kinshasa" visits it unless he is going home.
	Away bool
	// Intransitive frames may have no object; the relation then gets the
	// default object of its type.
	Intransitive bool
	// Needs lists words one of which must be in the sentence ("reached X
	// by phone"); needs is the same as a set.
	Needs []string
	needs map[string]bool
	// Unless lists words any of which in the sentence cancels the frame:
	// "exchanged views with X" is a meeting unless by phone or video.
	Unless []string
	unless map[string]bool
	// Not lists words that, right after the trigger, cancel it ("called
	// for", "called on").
	Not  []string
	Conf float64
}

// frameSpec is the written form of the frames: relation, pattern, object
// mode and prepositions, argument kind, flags. Patterns separate words by
// spaces and alternatives by "|".
const frameSpec = `
CALLED | call|calls|called|calling | direct | actor | iv not=for,on,off,upon,it,out,up
CALLED | phoned|phone|phones | direct | actor | iv not=for,on,off,upon,it,out,up
CALLED | phoning|telephoned|dialled|dialed | direct | actor | iv not=for,on,off,upon,it,out,up
CALLED | rang|rings|ring | direct | actor | iv not=for,on,off,out,up,in
CALLED | reached|reaches|briefed|briefs|consulted|updated | direct | actor | needs=phone,telephone
CALLED | spoke|spoken|speaks|talked * phone|telephone|video | after=with,to | actor | iv
CALLED | spoke|spoken|speaks|talked|speak with|to | after=with,to | actor | needs=phone,telephone
CALLED | phone|telephone call|calls|conversation with | after=with | actor | noun
CALLED | video call|calls|conference|conferences|link with | after=with | actor | noun
CALLED | videoconference|videoconferences|teleconference with | after=with | actor | noun
CALLED | received|receives|got call|calls from | after=from | actor | reverse
CALLED | exchanged|exchange|exchanges|exchanging views * with | after=with | actor | needs=video,videoconference,phone,telephone
MET | exchanged|exchange|exchanges|exchanging views * with | after=with | actor | unless=video,videoconference,phone,telephone,phoned,telephoned,call,letter,letters,message,messages
MET | met|meet|meets | direct | actor | iv
MET | held|hold|holds|holding|had * talks|meeting|meetings with | after=with | actor
MET | held|hold|holds|holding|had * discussions|consultations with | after=with | actor
MET | held|hold|holds|holding|had * talks|meeting|discussions|consultations | none | actor
MET | talks|meeting|meetings|summit|consultations|discussions with | after=with | actor | noun
MET | meeting|meetings|talks * was|were with | after=with | actor | noun
MET | sat|sit|sits down with | after=with | actor
MET | paid|pays|pay|paying|made|makes * call|calls on | after=on | actor
MET | called|calls|calling on | after=on | person | urge
MET | courtesy call|calls|visit|visits on|to | after=on,to | person | noun
MET | banquet|dinner|luncheon|lunch|reception|breakfast in honour|honor of | after=of | person | noun
MET | co-chaired|co-chairs|co-chair|co-chairing|co-hosted|co-hosts|co-hosting * with | after=with | actor
MET | hosted|hosts|hosting | direct | actor
MET | received|welcomed|greeted|greets|welcomes|receives | direct | person
VISITED | visit|visits|visited|visiting | direct | place
VISITED | visit|visits|trip|trips|travel|travels|travelled|traveled to | after=to | place | noun
VISITED | traveling|travelling|flew|fly|flies|came|went|going|go|goes to | after=to | place | noun
VISITED | headed|heads|returned|return|journey|tour|rushed|rushes|hurried|hurries|dashed to | after=to | place | noun
VISITED | arrived|arrive|arrives|arriving|landed|land|lands in|at | after=in,at | place
VISITED | left|leaves|leave|leaving|departed|departs|depart|departing|bound for | after=for | place | away
VISITED | toured|tour|tours|touring | clause | place
VISITED | flew|flies|fly|travelled|traveled|drove|sailed|came|went|crossed|arrived into | after=into | place
VISITED | flew|flies|fly|travelled|traveled|travels|drove|sailed|went|headed from * to | after=to | place
INVITED | invite|invites|invited|inviting | direct | actor
INVITED | extended|extends|extend|extending|issued|issues|issue|sent|sends|renewed|renews * invitation|invitations to | after=to | actor
CONDEMNED | condemn|condemns|condemned|condemning|decried|decry | direct | target
CONDEMNED | denounce|denounces|denounced|denouncing | direct | target
CONDEMNED | deplore|deplores|deplored|deploring | direct | target
CONDOLED | condoled|condoles | after=with | actor
SUPPORTED | support|supports|supported|supporting | direct | actor | not=up,down,out,away,to,from,in
SUPPORTED | back|backs|backed|backing|endorsed|endorses | direct | actor | not=up,down,out,away
SUPPORTED | stood|stand|stands|standing with|by | after=with,by | actor
SUPPORTED | stood|stand|stands|standing * behind | after=behind | actor
SUPPORTED | solidarity with | after=with | actor | noun
SUPPORTED | offered|offers|offer|offering to help|send|provide|assist|dispatch|deploy | none | actor | iv
SUPPORTED | stood|stand|stands|standing|was|is|were|are ready to help|assist|support|provide|send | none | actor | iv
SUPPORTED | stood|stand|stands|standing shoulder to shoulder with | after=with | actor
SIGNED | sign|signs|signed|signing|inked|ink | direct | agreement | iv not=up,off,on,of
SIGNED | co-signed|co-signs|co-sign|co-signing|countersigned|countersigns | direct | agreement | iv
SIGNED | signatures|signature|names to|on | after=to,on | agreement
SIGNED | put|puts|putting pen|pens to paper on | after=on | agreement
ATTENDED | attend|attends|attended|attending | direct | event | iv
ATTENDED | took|take|takes|taking part in | after=in | event
ATTENDED | joined|join|joins|joining | direct | event | needs=video,videoconference,virtually,remotely,online
ATTENDED | participated|participate|participates|participating in | after=in | event
ATTENDED | guest at|to|of | after=at,to | event
ATTENDED | chaired|chairs|chair|chairing|co-chaired|addressed|addresses | direct | event
ATTENDED | hosted|hosts|hosting|opened|opens | direct | event
ATTENDED | sidelines of | after=of | event
ATTENDED | gathered|gather|gathers|convened|convene|assembled * for | after=for | event
ATTENDED | represent|represents|represented|representing * at | after=at | event
`

// patterns holds the frames, indexed by the first word of their pattern.
type patterns struct {
	frames  []frame
	byFirst map[string][]int
}

// newPatterns parses frameSpec.
func newPatterns() patterns {
	p := patterns{byFirst: map[string][]int{}}
	for _, line := range strings.Split(frameSpec, "\n") {
		f := strings.Split(line, "|")
		if len(f) < 4 {
			continue
		}
		parts := splitSpec(line)
		if len(parts) < 4 {
			continue
		}
		fr := frame{Rel: schema.RelationType(parts[0]), Conf: 0.8}
		for _, w := range strings.Fields(parts[1]) {
			fr.Words = append(fr.Words, strings.Split(w, "/"))
		}
		mode := parts[2]
		switch {
		case mode == "direct":
			fr.Obj = objDirect
		case strings.HasPrefix(mode, "after="):
			fr.Obj, fr.Preps = objAfter, strings.Split(mode[6:], ",")
		case mode == "clause":
			fr.Obj = objClause
		default:
			fr.Obj = objNone
		}
		fr.Kind = map[string]argKind{"actor": argActor, "person": argPerson, "place": argPlace,
			"event": argEvent, "agreement": argAgreement, "target": argTarget}[parts[3]]
		for _, flag := range parts[4:] {
			switch {
			case flag == "iv":
				fr.Intransitive = true
			case flag == "noun":
				fr.Noun = true
			case flag == "reverse":
				fr.Reverse = true
			case flag == "away":
				fr.Away = true
			case flag == "urge":
				fr.Urge = true
			case strings.HasPrefix(flag, "not="):
				fr.Not = strings.Split(flag[4:], ",")
			case strings.HasPrefix(flag, "needs="):
				fr.Needs = strings.Split(flag[6:], ",")
				fr.needs = wordSet(strings.Join(fr.Needs, " "))
			case strings.HasPrefix(flag, "unless="):
				fr.Unless = strings.Split(flag[7:], ",")
				fr.unless = wordSet(strings.Join(fr.Unless, " "))
			}
		}
		p.frames = append(p.frames, fr)
		for _, w := range fr.Words[0] {
			p.byFirst[w] = append(p.byFirst[w], len(p.frames)-1)
		}
	}
	return p
}

// splitSpec splits a frame line into its fields. The pattern field uses
// "|" between alternatives, so fields are cut at " | " and the pattern's
// alternatives are rewritten with "/".
func splitSpec(line string) []string {
	raw := strings.Split(line, " | ")
	var out []string
	for i, r := range raw {
		r = strings.TrimSpace(r)
		if i == 1 {
			r = strings.ReplaceAll(r, "|", "/")
		}
		if i >= 4 {
			out = append(out, strings.Fields(r)...)
			continue
		}
		out = append(out, r)
	}
	return out
}

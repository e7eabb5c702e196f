package loader

// orgHeads are last words that make a capitalised name an organisation.
const orgHeads = `ministry organization organisation council fund bank agency mission force
forces guards corps army navy party commission committee parliament congress court
university college institute foundation group office directorate service association
alliance community secretariat authority board bureau department cabinet senate
assembly company corporation federation league front movement brigade brigades
embassy consulate government police unit coalition network trust society program
programme news times post herald shimbun tribune journal television radio agency
ministries forum project programme initiative scheme conclave facility system academy organ
guard railway railways mechanism report airline airlines`

// agreementHeads are last words that make a capitalised name an agreement.
const agreementHeads = `agreement agreements accord accords treaty declaration charter
convention protocol pact memorandum mou deal communique communiqué framework
strategy statute roadmap compact covenant resolution partnership plan act consensus`

// eventHeads map last words of event names to the kind of event.
const eventHeads = `summit:summit summits:summit conference:conference talks:talks
meeting:meeting session:meeting retreat:meeting dialogue:talks gathering:meeting
consultation:talks consultations:talks
games:sports olympics:sports cup:sports championship:sports tournament:sports
day:celebration celebration:celebration celebrations:celebration festival:celebration
festivities:celebration parade:celebration ceremony:celebration anniversary:celebration
jubilee:celebration election:election elections:election referendum:election
polls:election attack:attack attacks:attack bombing:attack bombings:attack
blast:attack blasts:attack explosion:attack explosions:attack strike:attack
strikes:attack shooting:attack massacre:attack assault:attack ambush:attack
earthquake:earthquake earthquakes:earthquake quake:earthquake tsunami:disaster
cyclone:disaster hurricane:disaster typhoon:disaster storm:disaster flood:disaster
floods:disaster flooding:disaster war:war revolution:revolution uprising:revolution
launch:launch test:launch visit:visit trip:visit tour:visit call:call expo:exhibition
exhibition:exhibition fair:exhibition week:celebration crisis:crisis coup:coup
memorial:memorial funeral:funeral inauguration:inauguration`

// eventPrefixes are first words that make a capitalised name an event
// ("Cyclone Freddy", "Operation Atalanta").
const eventPrefixes = `cyclone:disaster hurricane:disaster typhoon:disaster storm:disaster
operation:operation cop:conference tropical:disaster`

// placeHeads are last words that make a capitalised name a place.
const placeHeads = `valley gardens garden square mansion palace airport island islands hill
province region district county city town village sea ocean river mountains mountain
mount lake bay strait straits peninsula desert park stadium street road avenue port
harbour harbor gulf coast canal hills plateau basin delta corridor camp base bridge
dam zone territory territories heights strip highway hospital mosque church temple
cathedral hotel center centre hall arena state prefecture oblast governorate monument
memorial mausoleum shrine tomb cemetery fortress castle citadel museum complex
reef reefs villa house acre`

// placeFirstWords are first words that make a two-word or longer name with
// no title a place ("Lake Chad", "Palacio Santos", "Port Sudan", "El
// Fasher"): generic words for landforms and buildings, in English and in
// the languages place names keep them in, and the articles of Spanish and
// Arabic place names. A person found elsewhere in the article under the
// same name still wins.
const placeFirstWords = `villa hotel hôtel château chateau casa quinta hacienda grand grande petit petite great little upper lower saint st st. lake mount mt gulf cape port fort isle lac mont palacio palais
palazzo torre punta puerto porto isla ilha monte lago rio río bahía bahia sierra ciudad
mt. cerro plaza praça piazza wadi jebel jabal ras bab kota kuala bandar pulau tanjung gunung
el la los las`

// geoNouns are lower-case nouns that, written after a name, make the name
// a place ("the Bab el-Mandeb strait", "the Sinapad river"). Words that
// follow adjectives as often ("the African coast", "the Arabian sea") are
// left out.
const geoNouns = `border area region valley district province airport port city town
village enclave frontier strait straits river lake island islands mountains mountain
canal oasis archipelago atoll basin delta plateau governorate reservoir districts
provinces regions block field complex plant`

// appositionNouns are the nouns, besides geoNouns and placeOfNouns, that an
// apposition uses to say what kind of place a name is ("Kowary, a mining
// town", "Ceuta and Melilla, the two Spanish cities", "on the coast").
const appositionNouns = `towns cities villages ports states capital market resort enclaves
exclave exclaves county suburb crossing coast colliery mine cape peninsula seat harbour harbor`

// placeOfNouns are nouns that name the kind of place in "the town of X".
const placeOfNouns = `town city village resort island port province state region district
capital municipality enclave county hamlet settlement`

// facilityNouns are lower-case nouns that, written after a name, name a
// building or site called after it ("the Zofiówka colliery", "the Jinnah
// hospital"): the name and the noun together are the place. A valley is
// named after its river the same way ("the Sula valley"), and the river's
// name alone is another place.
const facilityNouns = `hospital clinic airport airbase stadium university colliery mine
refinery prison jail mosque cathedral hotel dam barracks academy shipyard valley`

// orgCueNouns are lower-case nouns that, just before a name or apposed to
// it, say the name is an organisation's ("the militant group al-Shabaab",
// "the mine's operator, Jastrzębska Spółka Węglowa").
const orgCueNouns = `group movement militia organisation organization party company firm
operator insurer lender carrier airline broadcaster newspaper outfit faction conglomerate
daily weekly gang cartel`

// corporateWords are words that make any name they stand in a company's,
// in the languages company names keep them in ("Spółka", "Grupo", "GmbH").
const corporateWords = `spółka spolka société societe électricité electricite compagnie sociedad compañía compania companhia
empresa gesellschaft aktiengesellschaft grupo banco banque gmbh ag plc llc ltd ltd. inc
inc.`

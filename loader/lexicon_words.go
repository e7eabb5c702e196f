package loader

// roleTable lists titles of office as "title:Role" pairs, with "_" for a
// space; the matcher takes the longest title. Role is what HOLDS_OFFICE
// carries ("-" for courtesy titles that carry none); a "*" marks a head of
// state or government ("leader").
const roleTable = `
president:President* vice_president:Vice_President vice-president:Vice_President
deputy_president:Deputy_President deputy-president:Deputy_President
prime_minister:Prime_Minister* premier:Premier* pm:Prime_Minister* chancellor:Chancellor*
deputy_prime_minister:Deputy_Prime_Minister first_lady:First_Lady king:King* queen:Queen*
emir:Emir* amir:Emir* crown_prince:Crown_Prince* sultan_of:Sultan* prince:Prince
vice-president:Vice_President vice-premier:Vice_Premier
foreign_minister:Foreign_Minister minister_of_foreign_affairs:Foreign_Minister
external_affairs_minister:External_Affairs_Minister foreign_secretary:Foreign_Secretary
secretary_of_state:Secretary_of_State defence_minister:Defence_Minister
defense_minister:Defense_Minister finance_minister:Finance_Minister
interior_minister:Interior_Minister trade_minister:Trade_Minister
environment_minister:Environment_Minister foreign_affairs_minister:Foreign_Minister
minister:Minister ministers:Minister deputy_minister:Deputy_Minister
cabinet_secretary:Cabinet_Secretary secretary:Secretary secretary-general:Secretary-General
secretary_general:Secretary-General deputy_secretary_general:Deputy_Secretary-General
deputy_secretary-general:Deputy_Secretary-General
under-secretary-general:Under-Secretary-General high_representative:High_Representative
foreign_policy_chief:Foreign_Policy_Chief chief:Chief top_diplomat:Foreign_Minister
diplomat:Diplomat ambassador:Ambassador envoy:Envoy special_envoy:Special_Envoy
high_commissioner:High_Commissioner
spokesperson:spokesperson spokesman:spokesperson spokeswoman:spokesperson governor:Governor
mayor:Mayor senator:Senator speaker:Speaker governor-general:Governor-General
general:General gen.:General lt._gen.:Lieutenant_General maj._gen.:Major_General
commander:Commander admiral:Admiral marshal:Field_Marshal colonel:Colonel col.:Colonel
chairman:Chairman chairwoman:Chairwoman chairperson:Chairperson chair:Chair head:Head
leader:Leader* aide:Aide adviser:Adviser advisor:Adviser counsellor:Counsellor
director:Director director-general:Director-General director_general:Director-General
deputy:Deputy official:Official officials:Official representative:Representative
commissioner:Commissioner president-elect:President-elect attorney_general:Attorney_General
national_security_adviser:National_Security_Adviser army_chief:Army_Chief
head_of_government:Head_of_Government* head_of_state:Head_of_State* taoiseach:Taoiseach*
tánaiste:Tánaiste tanaiste:Tánaiste grand_duke:Grand_Duke* grand_duchess:Grand_Duchess
hereditary_grand_duke:Hereditary_Grand_Duke executive_secretary:Executive_Secretary
presidents:President* prime_ministers:Prime_Minister* foreign_ministers:Foreign_Minister sheikh:- mr:-
mr.:- mrs:- mrs.:- ms:- ms.:- dr:- dr.:- prof.:- sir:- dame:- majesty:- highness:-
royal_highness:- excellency:- dato:- datuk:- dato_seri:- datuk_seri:-
dato_seri_setia:- tan_sri:- pehin:- lieutenant_general:Lieutenant_General
major_general:Major_General brigadier_general:Brigadier_General brigadier:Brigadier
`

// rolePrefixWords are capitalised words that may stand before a title to
// name a portfolio ("Interior Cabinet Secretary", "Climate Change Minister").
const rolePrefixWords = `interior trade climate change environment finance defence defense
foreign external affairs home health education energy agriculture justice economy
economic culture tourism transport information communications labour labor water
agriculture industry commerce security development planning mining oil petroleum
youth sports women gender science technology digital infrastructure housing
public works fisheries immigration treasury state deputy vice senior chief
political presidential government cabinet acting former first second top national
interim caretaker transitional outgoing incoming executive
regional provincial opposition military army navy air union general international`

// stopTable lists capitalised words that are never (part of) a name at the
// start of a chunk: function words, sentence adverbs, months and weekdays
// are handled elsewhere.
const stopTable = `a an the this that these those there here it its it's he she they we
i you his her their our my your him them us who whom whose which what when where
why how and but or nor so yet for of in on at to from by with without about
after before during since until while as if than then also however meanwhile
moreover furthermore instead afterwards earlier later today yesterday tomorrow
tonight now still already both each every all some many most more few several
no not only just even according among between under over into onto upon via
amid amidst despite through throughout across against around near outside
inside within beyond following speaking opening asked noting adding saying
mr mrs ms dr sir madam ladies gentlemen dear thanks thank please yes
earlier hours days weeks months years minutes one two three four five six
seven eight nine ten first second third last next previous final other another
such same former latter new old great good big small high low long early late
north south east west northern southern eastern western central
advertisement photo photos video image read also subscribe follow share`

// monthTable maps month names and abbreviations to numbers.
const monthTable = `january:1 february:2 march:3 april:4 may:5 june:6 july:7 august:8
september:9 october:10 november:11 december:12 jan:1 feb:2 mar:3 apr:4 jun:6 jul:7
aug:8 sep:9 sept:9 oct:10 nov:11 dec:12 jan.:1 feb.:2 mar.:3 apr.:4 jun.:6 jul.:7
aug.:8 sep.:9 sept.:9 oct.:10 nov.:11 dec.:12`

// weekdayTable maps weekday names to Go's time.Weekday numbers.
const weekdayTable = `sunday:0 monday:1 tuesday:2 wednesday:3 thursday:4 friday:5
saturday:6`

// connectorWords may stand inside a name between capitalised words
// ("João Pedro da Costa", "Mohammed bin Salman").
const connectorWords = `da de del della der di do dos du la le van von bin bint ibn al
el y ben abu`

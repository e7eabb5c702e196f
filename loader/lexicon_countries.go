package loader

// demonymTable lists the adjectives and nationality nouns of countries, by
// ISO 3166-1 alpha-2 code. Names of the countries themselves come from the
// gountries data module; this table adds what it lacks. Ambiguous words
// ("Korean", "Guinean", "Congolese") are left out, or listed in
// sharedDemonymTable.
// sharedDemonymTable lists adjectives that two countries share, each with
// the codes it may stand for, the usual reading first; the article decides
// between them (document.sharedDemonyms).
const sharedDemonymTable = `Congolese CD CG|Guinean GN GW`

const demonymTable = `
AF Afghan Afghans|AL Albanian Albanians|DZ Algerian Algerians|AD Andorran|AO Angolan Angolans
AR Argentine Argentinian Argentinians|AM Armenian Armenians|AU Australian Australians
AT Austrian Austrians|AZ Azerbaijani Azerbaijanis Azeri|BS Bahamian|BH Bahraini Bahrainis
BD Bangladeshi Bangladeshis|BB Barbadian|BY Belarusian Belarusians|BE Belgian Belgians
BZ Belizean|BJ Beninese|BT Bhutanese|BO Bolivian Bolivians|BA Bosnian Bosnians
BW Botswanan|BR Brazilian Brazilians|BN Bruneian|BG Bulgarian Bulgarians|BF Burkinabe
BI Burundian|KH Cambodian Cambodians|CM Cameroonian Cameroonians|CA Canadian Canadians
CV Cape_Verdean|CF Central_African|TD Chadian Chadians|CL Chilean Chileans|CN Chinese
CO Colombian Colombians|KM Comorian|CR Costa_Rican|CI Ivorian Ivorians|HR Croatian Croatians
CU Cuban Cubans|CY Cypriot Cypriots|CZ Czech Czechs|DK Danish Danes|DJ Djiboutian
EC Ecuadorian Ecuadorians|EG Egyptian Egyptians|SV Salvadoran
GQ Equatorial_Guinean|ER Eritrean Eritreans|EE Estonian Estonians|SZ Swazi|ET Ethiopian Ethiopians
FJ Fijian Fijians|FI Finnish Finns|FR French|GA Gabonese|GM Gambian Gambians
GE Georgian Georgians|DE German Germans|GH Ghanaian Ghanaians|GR Greek Greeks
GD Grenadian|GT Guatemalan Guatemalans|GY Guyanese|HT Haitian Haitians|HN Honduran Hondurans
HU Hungarian Hungarians|IS Icelandic Icelanders|IN Indian Indians|ID Indonesian Indonesians
IR Iranian Iranians|IQ Iraqi Iraqis|IE Irish|IL Israeli Israelis|IT Italian Italians
JM Jamaican Jamaicans|JP Japanese|JO Jordanian Jordanians|KZ Kazakh Kazakhstani Kazakhs
KE Kenyan Kenyans|KW Kuwaiti Kuwaitis|KG Kyrgyz|LA Laotian Lao|LV Latvian Latvians
LB Lebanese|LS Basotho|LR Liberian Liberians|LY Libyan Libyans|LT Lithuanian Lithuanians
LU Luxembourgish|MG Malagasy|MW Malawian Malawians|MY Malaysian Malaysians|MV Maldivian
ML Malian Malians|MT Maltese|MR Mauritanian Mauritanians|MU Mauritian|MX Mexican Mexicans
MD Moldovan Moldovans|MN Mongolian Mongolians|ME Montenegrin|MA Moroccan Moroccans
MZ Mozambican Mozambicans|MM Burmese Myanmarese|NA Namibian Namibians|NP Nepali Nepalese
NL Dutch|NZ New_Zealand New_Zealander New_Zealanders|NI Nicaraguan Nicaraguans
NE Nigerien|NG Nigerian Nigerians|KP North_Korean North_Koreans|MK North_Macedonian|MK Macedonian Macedonians
NO Norwegian Norwegians|OM Omani Omanis|PK Pakistani Pakistanis|PS Palestinian Palestinians
PA Panamanian Panamanians|PG Papua_New_Guinean|PY Paraguayan Paraguayans|PE Peruvian Peruvians
PH Filipino Philippine Filipinos|PL Polish Poles|PT Portuguese|QA Qatari Qataris
RO Romanian Romanians|RU Russian Russians|RW Rwandan Rwandans|WS Samoan Samoans
SA Saudi Saudis|SN Senegalese|RS Serbian Serbs|SC Seychellois|SL Sierra_Leonean Sierra_Leoneans
SG Singaporean Singaporeans|SK Slovak Slovaks|SI Slovenian Slovene|SB Solomon_Islander
SO Somali Somalis|ZA South_African South_Africans|KR South_Korean South_Koreans
SS South_Sudanese|ES Spanish Spaniards|LK Sri_Lankan Sri_Lankans|SD Sudanese|SR Surinamese
SE Swedish Swedes|CH Swiss|SY Syrian Syrians|TW Taiwanese|TJ Tajik Tajikistani
TZ Tanzanian Tanzanians|TH Thai|TL Timorese|TG Togolese|TO Tongan|TT Trinidadian
TN Tunisian Tunisians|TR Turkish Turks|TM Turkmen|TV Tuvaluan Tuvaluans|UG Ugandan Ugandans
UA Ukrainian Ukrainians|AE Emirati Emiratis|GB British Britons|US American Americans
UY Uruguayan Uruguayans|UZ Uzbek Uzbekistani|VU Ni-Vanuatu|VE Venezuelan Venezuelans
VN Vietnamese|YE Yemeni Yemenis|ZM Zambian Zambians|ZW Zimbabwean Zimbabweans
KI I-Kiribati|CK Cook_Islander|VA Vatican|XK Kosovar Kosovan|SM Sammarinese|MC Monegasque
`

// countryAliasTable lists other names of countries that news text uses, by
// ISO code; the first country name is the canonical one when it differs
// from the data module's ("Eswatini" for "Swaziland").
const countryAliasTable = `
US United_States|US U.S.|US US|US USA|US U.S.A.|US America|US United_States_of_America
GB United_Kingdom|GB UK|GB U.K.|GB Britain|GB Great_Britain|RU Russian_Federation
KR South_Korea|KR Korea|KR Republic_of_Korea|KR ROK|KP North_Korea|KP DPRK
CD Democratic_Republic_of_Congo|CD Democratic_Republic_of_the_Congo|CD DRC|CD DR_Congo
CG Republic_of_Congo|CG Republic_of_the_Congo|CG Congo-Brazzaville|CG Congo
CI Ivory_Coast|CI Côte_d'Ivoire|CI Cote_d'Ivoire|TR Turkey|TR Türkiye|TR Turkiye
CZ Czech_Republic|CZ Czechia|SZ Eswatini|SZ Swaziland|MK North_Macedonia|MK Macedonia
MM Myanmar|MM Burma|TL Timor-Leste|TL East_Timor|CV Cape_Verde|CV Cabo_Verde
VA Vatican|VA Holy_See|VA Vatican_City|PS Palestine|PS Palestinian_Territories
AE United_Arab_Emirates|AE UAE|NL Netherlands|NL Holland|LA Laos|SY Syria|IR Iran
VN Vietnam|VN Viet_Nam|XK Kosovo|CN China|CN People's_Republic_of_China|CN PRC
VC Saint_Vincent_and_the_Grenadines|VC St_Vincent_and_the_Grenadines
VC St._Vincent_and_the_Grenadines|KN Saint_Kitts_and_Nevis|KN St_Kitts_and_Nevis
LC Saint_Lucia|LC St_Lucia|GM Gambia|GM The_Gambia|BS Bahamas|BS The_Bahamas
SB Solomon_Islands|SB Solomons|CK Cook_Islands|KM Comoros|KM Union_of_the_Comoros
PG Papua_New_Guinea|PG PNG|FM Micronesia|BO Bolivia|VE Venezuela|TZ Tanzania|MD Moldova
`

// capitalAliasTable lists other names of capitals ("Delhi" for "New
// Delhi") and seats of government that stand for a country in news text.
const capitalAliasTable = `
IN New_Delhi|IN Delhi|US Washington|US Washington_D.C.|KR Seoul|KP Pyongyang|CN Beijing
LK Colombo|BO La_Paz|NL The_Hague|CI Abidjan|NG Abuja|TZ Dar_es_Salaam|IL Jerusalem
MM Naypyidaw|MM Nay_Pyi_Taw|PS Ramallah|SZ Mbabane|BJ Cotonou|MY Kuala_Lumpur|PH Manila
`

// regionalTable lists adjectives of regions ("-": of no country), which
// stand inside names ("… on North American Competitiveness") but name no
// country, unlike the demonym they end with.
const regionalTable = `
- South_American|- Latin_American|- North_American|- Central_American|- West_African
- East_African|- North_African|- Southern_African|- Central_African|- Southeast_Asian
- South_Asian|- East_Asian|- Central_Asian|- Middle_Eastern|- Sub-Saharan|- Pan-African
- Arab|- Nordic|- Baltic|- Scandinavian|- European|- African|- Asian
`

// regionTable lists places that news text names with a direction word or
// that no country holds whole, by the ISO code of the country they lie in
// ("-" for none).
const regionTable = `
PS West_Bank|PS Gaza_Strip|PS Gaza|PS East_Jerusalem|- Middle_East|- South_Asia
- Southeast_Asia|- East_Asia|- Central_Asia|- Latin_America|- Horn_of_Africa|- Sahel
- West_Africa|- East_Africa|- North_Africa|- Southern_Africa|- Central_Africa
- Balkans|- Caucasus|- Kashmir|UA Crimea|UA Donbas|SY Golan_Heights|- Red_Sea
- South_China_Sea|- East_China_Sea|- Taiwan_Strait|- Persian_Gulf|- Black_Sea
- Mediterranean|- Arctic|- Indo-Pacific|- Korean_Peninsula|- Western_Sahara
- Baltic_Sea|- Strait_of_Hormuz|- Suez_Canal|- Panama_Canal|- Amazon|- Andes
`

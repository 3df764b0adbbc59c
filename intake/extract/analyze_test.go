package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/ocr/mrz"
)

// fieldsMap renders Fields as strings, for table tests that only list the
// fields they care about ("" asserts an empty field).
func fieldsMap(f Fields) map[string]string {
	var per []string
	for _, p := range f.Periods {
		per = append(per, p.From.String()+".."+p.To.String())
	}
	return map[string]string{
		"type":       string(f.Type),
		"lang":       f.Language,
		"script":     f.Script,
		"country":    f.Country,
		"issued":     f.Issued.String(),
		"from":       f.ValidFrom.String(),
		"expires":    f.Expires.String(),
		"birth":      f.BirthDate.String(),
		"holder":     f.Holder,
		"number":     f.Number,
		"refs":       strings.Join(f.References, ","),
		"translates": string(f.Translates),
		"sworn":      fmt.Sprint(f.Sworn),
		"periods":    strings.Join(per, ","),
	}
}

type analyzeCase struct {
	name     string
	pages    []string
	hint     Hint
	want     map[string]string
	minScore float64
}

var analyzeCases = []analyzeCase{
	{
		name: "fr titre de séjour, OCR noise",
		pages: []string{`RÉPUBLIQUE FRANÇAISE
TITRE  DE  SEJOUR
Nom : DUPONT
Prénom(s) ; Jean   Pierre
Date de naissance : 12/03/1985
Dé1ivré le; 15/01/2026
Va1able jusqu'au . 14.01.2031
N° 1234567890
`},
		want: map[string]string{
			"type": "residence_permit", "lang": "fr", "script": "Latn", "country": "FR",
			"issued": "2026-01-15", "expires": "2031-01-14", "birth": "1985-03-12", "from": "",
			"holder": "DUPONT JEAN PIERRE", "number": "1234567890", "refs": "", "sworn": "false",
		},
		minScore: 0.7,
	},
	{
		name: "fr trap: the first date is a birth date, both labels on one line",
		pages: []string{`CARTE DE RÉSIDENT
Né(e) le 12/03/1985 à Lyon   Délivré le 15/01/2026 par la préfecture du Rhône
Titulaire : M. Jean DUPONT
`},
		want: map[string]string{
			"type": "residence_permit", "issued": "2026-01-15", "birth": "1985-03-12", "expires": "",
			"holder": "DUPONT JEAN",
		},
	},
	{
		name: "fr: a line starting with Le is not an issue date",
		pages: []string{`ATTESTATION D'HÉBERGEMENT
Le soussigné Paul Martin, né le 01/02/1960, atteste héberger Jean DUPONT depuis le 01/09/2024.
Fait à Lyon, le 10/01/2026
`},
		want: map[string]string{"type": "proof_of_address", "issued": "2026-01-10", "birth": "1960-02-01"},
	},
	{
		name: "fr trap: only a birth date is printed",
		pages: []string{`Extrait d'acte de naissance
Le 12 mars 1985 est né à Paris 14e
Date de naissance : 12 mars 1985
Nom : MARTIN
Prénoms : Claire Anne
`},
		want: map[string]string{
			"type": "birth_certificate", "issued": "", "birth": "1985-03-12", "holder": "MARTIN CLAIRE ANNE",
		},
	},
	{
		name: "passport: stacked bilingual labels, dates on the next line, in columns",
		pages: []string{`RÉPUBLIQUE FRANÇAISE
PASSEPORT / PASSPORT
Nom / Surname
DUPONT
Prénoms / Given names
Jean Pierre
Date de naissance / Date of birth    Date de délivrance / Date of issue    Date d'expiration / Date of expiry
12/03/1985                           15/01/2020                            14/01/2030
N° du passeport / Passport No.
20AB12345
`},
		want: map[string]string{
			"type": "passport", "country": "FR", "birth": "1985-03-12", "issued": "2020-01-15",
			"expires": "2030-01-14", "holder": "DUPONT JEAN PIERRE", "number": "20AB12345",
		},
	},
	{
		name: "passport months in two languages, names on one line",
		pages: []string{`PASSEPORT
Nom: DUPONT   Prénoms: Jean Pierre
Date de naissance / Date of birth : 12 MARS/MAR 1985
Date de délivrance / Date of issue : 15 JANV./JAN. 2020
Date d'expiration / Date of expiry : 14 JANV./JAN. 2030
`},
		want: map[string]string{
			"type": "passport", "birth": "1985-03-12", "issued": "2020-01-15", "expires": "2030-01-14",
			"holder": "DUPONT JEAN PIERRE",
		},
	},
	{
		name: "ru: an unlimited validity does not take the next line's date",
		pages: []string{`ВИД НА ЖИТЕЛЬСТВО
ФИО: Иванов Иван Иванович
Срок действия до: бессрочно
Дата рождения 01.02.1980
Дата выдачи
15.01.2026
`},
		want: map[string]string{
			"type": "residence_permit", "expires": "", "birth": "1980-02-01", "issued": "2026-01-15",
			"holder": "ИВАНОВ ИВАН ИВАНОВИЧ",
		},
	},
	{
		name: "fr trap: birth date first, both labels above their dates",
		pages: []string{`CARTE DE SÉJOUR
Date de naissance
05/06/1979
Délivré le
02/02/2026
`},
		want: map[string]string{"birth": "1979-06-05", "issued": "2026-02-02", "expires": ""},
	},
	{
		name: "label on one line, date on the next",
		pages: []string{`CARTE NATIONALE D'IDENTITÉ
Date de délivrance
15/01/2026
Date de naissance
01/01/1990
`},
		want: map[string]string{"type": "id_card", "issued": "2026-01-15", "birth": "1990-01-01"},
	},
	{
		name: "nl verblijfskaart",
		pages: []string{`KONINKRIJK BELGIË
VERBLIJFSKAART
Naam: JANSSENS
Voornamen: Pieter Jan
Geboortedatum: 03-04-1990
Afgiftedatum: 15-01-2026
Geldig tot: 14-01-2031
Kaartnummer: B123456789
De houder van deze kaart moet zich aanmelden bij het gemeentebestuur.
`},
		want: map[string]string{
			"type": "residence_permit", "lang": "nl", "country": "BE", "birth": "1990-04-03",
			"issued": "2026-01-15", "expires": "2031-01-14", "holder": "JANSSENS PIETER JAN", "number": "B123456789",
		},
	},
	{
		name: "de Aufenthaltstitel",
		pages: []string{`BUNDESREPUBLIK DEUTSCHLAND
AUFENTHALTSTITEL
Name: MÜLLER
Vorname: Anna
Geburtsdatum: 15.01.1988
Ausgestellt am 15. Januar 2026 von der Ausländerbehörde
Gültig bis 14.01.2028
Dokumentennummer: Y12345678
Der Inhaber ist berechtigt, eine Erwerbstätigkeit auszuüben und sich im Bundesgebiet aufzuhalten.
`},
		want: map[string]string{
			"type": "residence_permit", "lang": "de", "country": "DE", "birth": "1988-01-15",
			"issued": "2026-01-15", "expires": "2028-01-14", "holder": "MÜLLER ANNA", "number": "Y12345678",
		},
	},
	{
		name: "de Gehaltsabrechnung vom … bis",
		pages: []string{`Gehaltsabrechnung
Abrechnungszeitraum vom 01.01.2026 bis 31.01.2026
Name: Schmidt, Vorname: Lukas
Bruttolohn 3.200,00 EUR Nettolohn 2.150,00 EUR
`},
		want: map[string]string{
			"type": "payslip", "lang": "de", "from": "2026-01-01", "expires": "2026-01-31",
			"periods": "2026-01-01..2026-01-31", "holder": "SCHMIDT LUKAS",
		},
	},
	{
		name: "en bank statement, two pages, from … to",
		pages: []string{
			`ACME BANK PLC
BANK STATEMENT
Account holder: Mr John SMITH
Statement period: from 1 January 2026 to 31 January 2026
Opening balance 1,250.00
Closing balance 1,730.45
`,
			`ACME BANK PLC
Bank statement
Statement period: from 1 February 2026 to 28 February 2026
Opening balance 1,730.45
`},
		want: map[string]string{
			"type": "bank_statement", "lang": "en", "holder": "SMITH JOHN", "from": "2026-01-01",
			"expires": "2026-01-31", "periods": "2026-01-01..2026-01-31,2026-02-01..2026-02-28",
		},
	},
	{
		name: "fr payslips bundled, one period per page (month or du … au)",
		pages: []string{
			"BULLETIN DE PAIE\nPériode du 01/01/2026 au 31/01/2026\nSalaire brut 2 100,00\nNet à payer 1 650,00\n",
			"BULLETIN DE PAIE\nPériode : février 2026\nSalaire brut 2 100,00\n",
			"BULLETIN  DE  PAlE\nPériode du 01/03/2026 au 31/03/2026\nNet à payer 1 650,00\n",
		},
		want: map[string]string{
			"type":    "payslip",
			"periods": "2026-01-01..2026-01-31,2026-02-01..2026-02-28,2026-03-01..2026-03-31",
			"from":    "2026-01-01", "expires": "2026-01-31", "issued": "",
		},
	},
	{
		name: "en payslip, period with a dash; zh payslip month; sr statement od … do",
		pages: []string{
			"PAYSLIP\nPay period: 2026-01-01 - 2026-01-31\nGross pay 3,000.00\nNet pay 2,400.00\n",
		},
		want: map[string]string{"type": "payslip", "periods": "2026-01-01..2026-01-31"},
	},
	{
		name:  "zh payslip, month only",
		pages: []string{"工资单\n月份：2026年2月\n应发工资 12000\n实发工资 10000\n"},
		want:  map[string]string{"type": "payslip", "lang": "zh", "periods": "2026-02-01..2026-02-28"},
	},
	{
		name: "sr Cyrillic bank statement од … до, two pages",
		pages: []string{
			"ИЗВОД СА РАЧУНА\nза период од 01.01.2026. до 31.01.2026.\nСтање на рачуну 120.000,00\n",
			"ИЗВОД СА РАЧУНА\nза период од 01.02.2026. до 28.02.2026.\n",
		},
		want: map[string]string{
			"type": "bank_statement", "lang": "sr", "script": "Cyrl",
			"periods": "2026-01-01..2026-01-31,2026-02-01..2026-02-28",
		},
	},
	{
		name:  "nl loonstrook van … tot",
		pages: []string{"Loonstrook\nPeriode van 01-01-2026 tot 31-01-2026\nBrutoloon 2.800,00\nNettoloon 2.100,00\n"},
		want:  map[string]string{"type": "payslip", "lang": "nl", "periods": "2026-01-01..2026-01-31"},
	},
	{
		name: "sr Latin criminal record, genitive months",
		pages: []string{`REPUBLIKA SRBIJA
MINISTARSTVO UNUTRAŠNJIH POSLOVA
UVERENJE O NEKAŽNJAVANJU
Broj: 236-1-2026
Ime i prezime: Marko Petrović
Datum rođenja: 12. marta 1985.
Na osnovu službene evidencije utvrđeno je da imenovani nije osuđivan.
Datum izdavanja: 15. januara 2026. godine
Važi do 15.04.2026.
`},
		want: map[string]string{
			"type": "criminal_record", "lang": "sr", "script": "Latn", "country": "RS",
			"birth": "1985-03-12", "issued": "2026-01-15", "expires": "2026-04-15",
			"holder": "PETROVIĆ MARKO", "number": "236-1-2026",
		},
	},
	{
		name: "sr Cyrillic permanent residence",
		pages: []string{`РЕПУБЛИКА СРБИЈА
ДОЗВОЛА ЗА СТАЛНИ БОРАВАК
Презиме: ПЕТРОВИЋ
Име: МАРКО
Датум рођења: 12.03.1985.
Датум издавања: 15. јануара 2026.
Важи до: 15. јануара 2031.
Број: 012345678
`},
		want: map[string]string{
			"type": "residence_permit", "lang": "sr", "script": "Cyrl", "country": "RS",
			"birth": "1985-03-12", "issued": "2026-01-15", "expires": "2031-01-15",
			"holder": "ПЕТРОВИЋ МАРКО", "number": "012345678",
		},
	},
	{
		name: "sr Latin health insurance, Period osiguranja od … do",
		pages: []string{`POLISA ZDRAVSTVENOG OSIGURANJA
Osiguranik: Zhang Wei
Period osiguranja od 01.02.2026. do 31.01.2027.
Broj polise: 77-123456
`},
		want: map[string]string{
			"type": "health_insurance", "lang": "sr", "from": "2026-02-01", "expires": "2027-01-31",
			"number": "77-123456", "periods": "",
		},
	},
	{
		name: "ru residence permit",
		pages: []string{`РОССИЙСКАЯ ФЕДЕРАЦИЯ
ВИД НА ЖИТЕЛЬСТВО ИНОСТРАННОГО ГРАЖДАНИНА
Фамилия: ИВАНОВ
Имя: ИВАН
Отчество: ИВАНОВИЧ
Дата рождения: 01.02.1980
Дата выдачи: 15 января 2026 г.
№ 82 1234567
`},
		want: map[string]string{
			"type": "residence_permit", "lang": "ru", "script": "Cyrl", "country": "RU",
			"birth": "1980-02-01", "issued": "2026-01-15", "holder": "ИВАНОВ ИВАН ИВАНОВИЧ", "number": "821234567",
		},
	},
	{
		name: "ru health insurance с … по, OCR mixes Latin letters",
		pages: []string{`ПOЛИС МEДИЦИНСКОГО СТРАХОВАНИЯ
Срок действия: с 01.01.2026 по 31.12.2026
Застрахованный: Петров Пётр
`},
		want: map[string]string{"type": "health_insurance", "lang": "ru", "from": "2026-01-01", "expires": "2026-12-31"},
	},
	{
		name: "zh criminal record",
		pages: []string{`中华人民共和国
无犯罪记录证明
编号：2026-0001234
姓名：张伟
出生日期：1985年3月12日
兹证明张伟在我局辖区居住期间，未发现有犯罪记录。
签发日期：2026年1月15日
`},
		want: map[string]string{
			"type": "criminal_record", "lang": "zh", "script": "Hans", "country": "CN",
			"birth": "1985-03-12", "issued": "2026-01-15", "holder": "张伟", "number": "2026-0001234",
		},
	},
	{
		name: "zh health insurance 自 … 至",
		pages: []string{`健康保险证明
被保险人：李娜
有效期自2026年1月1日至2026年12月31日
`},
		want: map[string]string{"type": "health_insurance", "lang": "zh", "from": "2026-01-01", "expires": "2026-12-31"},
	},
	{
		name: "sr translation of a Chinese criminal record",
		pages: []string{`Prevod sa kineskog jezika
NARODNA REPUBLIKA KINA
UVERENJE O NEKAŽNJAVANJU
Prevod dokumenta br. 2026-0001234
Ime i prezime: Wei Zhang
Datum rođenja: 12.03.1985.
Datum izdavanja: 15.01.2026.
Ja, Milica Jovanović, stalni sudski tumač za kineski jezik, potvrđujem da prevod odgovara originalu.
U Beogradu, dana 20.01.2026.
`},
		want: map[string]string{
			"type": "translation", "translates": "criminal_record", "lang": "sr", "script": "Latn",
			"refs": "2026-0001234", "sworn": "true", "holder": "ZHANG WEI",
			"birth": "1985-03-12", "issued": "2026-01-15", "number": "",
		},
	},
	{
		name: "fr translation, certified translator",
		pages: []string{`TRADUCTION CERTIFIÉE CONFORME
Traduction du document n° 2026-0001234
EXTRAIT DE CASIER JUDICIAIRE
Nom : ZHANG
Prénom : Wei
Traduit par Marie Curie, traductrice interprète agréée près la cour d'appel de Paris
`},
		want: map[string]string{
			"type": "translation", "translates": "criminal_record", "lang": "fr",
			"refs": "2026-0001234", "sworn": "true", "holder": "ZHANG WEI",
		},
	},
	{
		name: "ru translation",
		pages: []string{`Перевод с китайского языка
СВИДЕТЕЛЬСТВО О РОЖДЕНИИ
Перевод документа № 2026-0005678
Переводчик: Смирнова Анна
`},
		want: map[string]string{"type": "translation", "translates": "birth_certificate", "lang": "ru", "refs": "2026-0005678", "sworn": "true"},
	},
	{
		name: "en translation without a sworn translator",
		pages: []string{`TRANSLATION OF DOCUMENT NO. A-778899
MARRIAGE CERTIFICATE
This is the record of the marriage of the persons named below.
`},
		want: map[string]string{"type": "translation", "translates": "marriage_certificate", "refs": "A-778899", "sworn": "false"},
	},
	{
		name: "fr apostille",
		pages: []string{`APOSTILLE
(Convention de La Haye du 5 octobre 1961)
1. Pays : France
Le présent acte public
2. a été signé par Marie Martin
3. agissant en qualité de officier de l'état civil
4. est revêtu du sceau / timbre de la mairie de Lyon
Attesté
5. à Lyon 6. le 20/01/2026
7. par le procureur général près la cour d'appel
8. sous le n° 2026/APO/4567
Signature sur le document n° 69123-2026
`},
		want: map[string]string{
			"type": "apostille", "country": "FR", "issued": "2026-01-20", "number": "2026/APO/4567", "refs": "69123-2026",
		},
	},
	{
		name: "en apostille from Serbia on a criminal record",
		pages: []string{`APOSTILLE
(Convention de La Haye du 5 octobre 1961)
1. Country: Republic of Serbia
This public document
2. has been signed by Petar Petrović
3. acting in the capacity of police officer
4. bears the seal/stamp of Ministry of Interior
Certified
5. at Belgrade
6. the 20 January 2026
7. by the Basic Court in Belgrade
8. No. 1234/2026
This Apostille certifies the signature on document no. 236-1-2026 (Uverenje o nekažnjavanju).
`},
		want: map[string]string{
			"type": "apostille", "country": "RS", "issued": "2026-01-20", "number": "1234/2026", "refs": "236-1-2026",
		},
	},
	{
		name: "zh apostille",
		pages: []string{`附加证明书
APOSTILLE
1. 国家：中华人民共和国
2. 本公文由 王芳 签署
6. 日期：2026年1月20日
8. 编号：20260120-001
`},
		want: map[string]string{"type": "apostille", "country": "CN", "issued": "2026-01-20", "number": "20260120-001"},
	},
	{
		name: "en employment certificate: a bare Date label, a birth date in the body",
		pages: []string{`ACME Consulting Ltd
CERTIFICATE OF EMPLOYMENT
Date: 10 January 2026
This is to certify that Mr John SMITH, born on 5 May 1990, is employed by our company
as a senior engineer since 1 March 2019 on a permanent contract.
`},
		want: map[string]string{"type": "employment_certificate", "lang": "en", "issued": "2026-01-10", "birth": "1990-05-05"},
	},
	{
		name: "fr proof of address",
		pages: []string{`EDF
Facture d'électricité
Date de facture : 05/01/2026
Titulaire du contrat : Jean DUPONT
Période de consommation du 01/11/2025 au 31/12/2025
Consommation 450 kWh
N° de facture : 10098765432
`},
		want: map[string]string{
			"type": "proof_of_address", "issued": "2026-01-05", "from": "2025-11-01", "expires": "2025-12-31",
			"holder": "DUPONT JEAN", "number": "10098765432", "periods": "",
		},
	},
	{
		name: "fr employment certificate, Fait à … le",
		pages: []string{`ATTESTATION EMPLOYEUR
Je soussigné, directeur des ressources humaines, certifie que Madame Claire MARTIN
est employée dans notre société depuis le 01/09/2020 en contrat à durée indéterminée.
Fait à Paris, le 12 janvier 2026
`},
		want: map[string]string{"type": "employment_certificate", "lang": "fr", "issued": "2026-01-12"},
	},
	{
		name:  "unknown text: no type, dates without labels are not used",
		pages: []string{"Lorem ipsum dolor sit amet 12/03/2020, consectetur 15/01/2026 adipiscing elit.\n"},
		want: map[string]string{
			"type": "unknown", "issued": "", "expires": "", "birth": "", "from": "", "holder": "", "number": "",
		},
	},
	{
		name:  "spaced title",
		pages: []string{"P A S S E P O R T\nsome noise\n"},
		want:  map[string]string{"type": "passport"},
	},
	{
		name: "MRZ passport hint; names and dates from the MRZ",
		pages: []string{`P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
L898902C36UTO7408122F1204159ZE184226B<<<<<10`},
		hint: Hint{MRZ: &mrz.Result{
			Format: mrz.TD3, DocumentType: "P", IssuingState: "UTO", DocumentNumber: "L898902C3",
			Nationality: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
			BirthDate:  time.Date(1974, 8, 12, 0, 0, 0, 0, time.UTC),
			ExpiryDate: time.Date(2012, 4, 15, 0, 0, 0, 0, time.UTC),
		}},
		want: map[string]string{
			"type": "passport", "holder": "ERIKSSON ANNA MARIA", "birth": "1974-08-12",
			"expires": "2012-04-15", "number": "L898902C3",
		},
		minScore: 0.9,
	},
	{
		name: "bilingual captions of a state intake knows no languages of: the first caption's",
		pages: []string{`Passport/ Passeport
Surname/ Nom
ERIKSSON
Given names/ Prénoms
ANNA MARIA
Nationality/ Nationalité Date of Birth/ Date de naissance
Date of issue/ Date de délivrance Authority/ Autorité
Date of expiry/ Date d'expiration Holder's signature/ Signature du titulaire
P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
L898902C36UTO7408122F1204159ZE184226B<<<<<10`},
		hint: Hint{MRZ: &mrz.Result{Format: mrz.TD3, DocumentType: "P", IssuingState: "UTO", Nationality: "UTO"}},
		want: map[string]string{"type": "passport", "lang": "en"},
	},
	{
		name: "a specimen's issuer code that is no state's: the holder's nationality",
		pages: []string{`REISEPASS · PASSEPORT
4. Date of birth/Geburtstag/ Date de naissance
7. Date of issue/Ausstellungsdatum/ Date de délivrance
8. Date of expiry/Gültig bis/Date d'expiration
P<BDRMUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<
CA000000<4D<<6408125F1802212<<<<<<<<<<<<<<<6`},
		hint: Hint{MRZ: &mrz.Result{Format: mrz.TD3, DocumentType: "P", IssuingState: "BDR", Nationality: "D"}},
		want: map[string]string{"type": "passport", "lang": "de"},
	},
	{
		name: "captions in French first",
		pages: []string{`Passeport/ Passport
Nom/ Surname
ERIKSSON
Prénoms/ Given names
ANNA MARIA
Nationalité/ Nationality Date de naissance/ Date of birth
Date de délivrance/ Date of issue Autorité/ Authority
Date d'expiration/ Date of expiry Signature du titulaire/ Holder's signature
P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
L898902C36UTO7408122F1204159ZE184226B<<<<<10`},
		hint: Hint{MRZ: &mrz.Result{Format: mrz.TD3, DocumentType: "P", IssuingState: "UTO", Nationality: "UTO"}},
		want: map[string]string{"type": "passport", "lang": "fr"},
	},
	{
		name:  "MRZ ID card issued in the procedure's country to a foreigner: residence permit",
		pages: []string{"IR<FRAX4RTBPFW46<<<<<<<<<<<<<<\n"},
		hint: Hint{Country: "FR", MRZ: &mrz.Result{
			DocumentType: "IR", IssuingState: "FRA", Nationality: "SRB", Surname: "PETROVIC", GivenNames: "MARKO",
		}},
		want: map[string]string{"type": "residence_permit", "holder": "PETROVIC MARKO", "country": "FR"},
	},
	{
		name:  "MRZ ID card of a national: id card",
		pages: []string{"ID<FRAX4RTBPFW46<<<<<<<<<<<<<<\n"},
		hint: Hint{Country: "FR", MRZ: &mrz.Result{
			DocumentType: "ID", IssuingState: "FRA", Nationality: "FRA", Surname: "MARTIN", GivenNames: "CLAIRE",
		}},
		want: map[string]string{"type": "id_card"},
	},
	{
		name:  "MRZ ID card with residence words",
		pages: []string{"RESIDENCE PERMIT\nI<GBRX4RTBPFW46<<<<<<<<<<<<<<\n"},
		hint:  Hint{Country: "FR", MRZ: &mrz.Result{DocumentType: "I", IssuingState: "GBR", Nationality: "GBR"}},
		want:  map[string]string{"type": "residence_permit", "country": "GB"},
	},
}

func TestAnalyze(t *testing.T) {
	for _, tc := range analyzeCases {
		t.Run(tc.name, func(t *testing.T) {
			f := Analyze(tc.pages, tc.hint)
			got := fieldsMap(f)
			for k, want := range tc.want {
				g, ok := got[k]
				if !ok {
					t.Fatalf("unknown key %q", k)
				}
				if g != want {
					t.Errorf("%s = %q; want %q", k, g, want)
				}
			}
			if f.Score < tc.minScore || f.Score < 0 || f.Score > 1 {
				t.Errorf("score = %.2f; want ≥ %.2f", f.Score, tc.minScore)
			}
			if t.Failed() {
				t.Logf("fields: %+v", f)
			}
		})
	}
}

func TestUnknownScoreIsLow(t *testing.T) {
	f := Analyze([]string{"Lorem ipsum dolor sit amet."}, Hint{})
	if f.Type != "unknown" || f.Score > 0.3 {
		t.Errorf("got %s %.2f", f.Type, f.Score)
	}
	f = Analyze(nil, Hint{})
	if f.Type != "unknown" {
		t.Errorf("no pages: %s", f.Type)
	}
}

// Every title of docs/vocabulary.md, alone at the top of a page, gives its type.
func TestTitles(t *testing.T) {
	v := theVocab()
	for _, ph := range v.titles {
		title := strings.Join(ph.parts, " kineskog ") // fills the "…" of "Prevod sa … jezika"
		f := Analyze([]string{strings.ToUpper(title) + "\n"}, Hint{})
		if f.Type != ph.typ {
			t.Errorf("title %q: got %s, want %s", title, f.Type, ph.typ)
		}
	}
}

func BenchmarkAnalyze(b *testing.B) {
	tc := analyzeCases[len(analyzeCases)/2]
	for b.Loop() {
		Analyze(tc.pages, Hint{})
	}
}

// BenchmarkAnalyzeLongPage measures Analyze on a long page (about 2 KB):
// run with go test -bench AnalyzeLongPage ./intake/extract.
func BenchmarkAnalyzeLongPage(b *testing.B) {
	theVocab()
	page := analyzeCases[0].pages[0] + strings.Repeat("Le titulaire doit présenter ce titre à toute réquisition des autorités.\n", 20)
	for b.Loop() {
		Analyze([]string{page}, Hint{})
	}
}

func BenchmarkAnalyzeLong(b *testing.B) {
	page := analyzeCases[0].pages[0] + strings.Repeat("Le titulaire doit présenter ce titre à toute réquisition des autorités.\n", 20)
	for b.Loop() {
		Analyze([]string{page}, Hint{})
	}
}

package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/ocr/layout"
)

// Documents laid out by others (issue 11): the type and dates come from
// the evidence, and the winning reason says why.
func TestEvidence(t *testing.T) {
	now := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name  string
		page  string
		hint  Hint
		want  map[string]string
		why   string // a winning reason contains this
		avoid string // a type that must not win
	}{
		{
			name: "Serbian criminal-record certificate, place and date at the foot",
			page: "REPUBLIKA SRBIJA\nOsnovni sud u Novom Sadu\n\nPOTVRDA O NEKAŽNJAVANJU\n\nPotvrđuje se da se protiv imenovanog ne vodi krivični postupak.\n\nBeograd, 20.10.2026. godine\nM.P.\n",
			want: map[string]string{"type": "criminal_record", "issued": "2026-10-20", "lang": "sr"},
			why:  "title «POTVRDA O NEKAŽNJAVANJU» at the top of page 1",
		},
		{
			name: "the same in Cyrillic",
			page: "РЕПУБЛИКА СРБИЈА\n\nПОТВРДА О НЕКАЖЊАВАЊУ\n\nУ Београду, дана 20.10.2026. године\n",
			want: map[string]string{"type": "criminal_record", "issued": "2026-10-20", "lang": "sr", "script": "Cyrl"},
		},
		{
			name:  "Russian health-insurance policy with a passport line",
			page:  "СПАО «Ингосстрах»\nПОЛИС ДОБРОВОЛЬНОГО МЕДИЦИНСКОГО СТРАХОВАНИЯ\nЗастрахованный: Смирнова Ольга\nПаспорт: 45 12 345678\nСрок действия полиса: с 01.11.2026 по 31.10.2027\n",
			want:  map[string]string{"type": "health_insurance", "lang": "ru", "expires": "2027-10-31"},
			avoid: "passport",
		},
		{
			name: "EDF bill",
			page: "Électricité de France\nService clients\n\nFacture du 3 novembre 2026\nPériode de consommation du 1er octobre au 31 octobre 2026\nConsommation 312 kWh\nDate limite de paiement : 18/11/2026\n",
			want: map[string]string{"type": "proof_of_address", "issued": "2026-11-03", "expires": "2026-10-31", "lang": "fr"},
			why:  "issuer «Électricité de France»",
		},
		{
			name: "fibre bill",
			page: "Free Service Abonné\n75371 Paris Cedex 08\nNuméro de ligne FO10479674    Adresse de l'installation\nFacture n°562044387 du 02 Juillet 2015\nDate limite de paiement le 05 Juillet 2015\nAbonnements, forfaits et options   29.99\nIBAN : FR76 ****\nFree Haut Débit du 1er au 31 Juillet 2015   29.99\n",
			want: map[string]string{"type": "proof_of_address", "issued": "2015-07-02", "expires": "2015-07-31"},
		},
		{
			name: "a product invoice is no proof of address",
			page: "FACTUUR.\nCoolblue B.V.\nFactuurnummer: 993548900\nFactuurdatum: 19 april 2014\nArtikel   Aantal   Prijs per stuk\nApple iPad Air  1  € 399,00\nIBAN NL50INGB0683251309  BIC INGBNL2A\nTotaal € 717,97\n",
			want: map[string]string{"type": "unknown", "issued": "2014-04-19", "lang": "nl"},
		},
		{
			name: "a hosting invoice is no proof of address",
			page: "OVH SAS\nFacture FR12345678\nDate : 12/09/2026\nHébergement Web Perso – 12 mois  35,88 €\nNom de domaine exemple.fr  6,99 €\nConsommation électrique du serveur incluse\n",
			want: map[string]string{"type": "unknown"},
		},
		{
			name: "a RIB is no bank statement",
			page: "BNP PARIBAS\nRELEVÉ D'IDENTITÉ BANCAIRE\nTitulaire du compte : M. LEFÈVRE CAMILLE\nIBAN : FR76 3000 4001 2300 0123 4567 842\nBIC : BNPAFRPPXXX\nSolde au 01/11/2026 : communiqué sur demande\n",
			want: map[string]string{"type": "unknown"},
		},
		{
			name: "a visa is no residence permit",
			page: "RÉPUBLIQUE FRANÇAISE\nVISA\nType de visa : D\nDurée du séjour : 365 jours\nTitre de séjour à solliciter dans les 3 mois\n",
			want: map[string]string{"type": "unknown"},
		},
		{
			name: "Dutch health-insurance attestation",
			page: "Christelijke Mutualiteit\nATTEST VAN AANSLUITING\nDe hierna vermelde persoon is aangesloten bij het ziekenfonds en in regel met de verplichte verzekering voor geneeskundige verzorging.\nOpgemaakt te Antwerpen op 4 november 2026\n",
			want: map[string]string{"type": "health_insurance", "issued": "2026-11-04", "lang": "nl"},
		},
		{
			name: "DELF diploma",
			page: "MINISTÈRE DE L'ÉDUCATION NATIONALE\nDIPLÔME D'ÉTUDES EN LANGUE FRANÇAISE\nDELF A2\nFait à Sèvres, le 3 juin 2026\n",
			want: map[string]string{"type": "language_certificate", "issued": "2026-06-03"},
		},
		{
			name: "payslip paid on a short date",
			page: "Boulangerie Martin SARL\nBULLETIN DE SALAIRE\nPériode du 01/03/23 au 31/03/23\nSalaire de base 2 400,00\nNet à payer 1 876,90\nRèglement le 29/3/2023 par virement\n",
			want: map[string]string{"type": "payslip", "issued": "2023-03-29", "expires": "2023-03-31"},
		},
		{
			name: "Chinese certificate dated at the foot",
			page: "无犯罪记录证明\n经查，该人在本辖区居住期间未发现有犯罪记录。\n上海市公安局浦东分局\n2026年9月22日\n",
			want: map[string]string{"type": "criminal_record", "issued": "2026-09-22", "lang": "zh"},
		},
		{
			name: "passport with a two-digit year and bilingual months",
			page: "Passport/ Passeport\nSurname/ Nom\nERIKSSON\nDate of issue/ Date de délivrance Authority/ Autorité\n16 APR/AVR 07 PASSPORT OFFICE\nDate of expiry/ Date d'expiration\n15 APR/AVR 12\n",
			hint: Hint{Now: now},
			want: map[string]string{"type": "passport", "issued": "2007-04-16", "expires": "2012-04-15"},
		},
		{
			name: "a portrait with no text is a photo",
			page: "",
			hint: Hint{Photo: &PhotoFacts{Width: 910, Height: 1137, Faces: 1}},
			want: map[string]string{"type": "photo"},
			why:  "face",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze([]string{c.page}, c.hint)
			got := fieldsMap(f)
			for k, want := range c.want {
				if got[k] != want {
					t.Errorf("%s = %q, want %q", k, got[k], want)
				}
			}
			if c.avoid != "" && string(f.Type) == c.avoid {
				t.Errorf("type %s", c.avoid)
			}
			if f.Type != "unknown" && len(f.Evidence) == 0 {
				t.Errorf("no evidence for %s", f.Type)
			}
			if c.why != "" {
				found := false
				for _, s := range f.Evidence {
					found = found || strings.Contains(s.Why, c.why)
				}
				if !found {
					t.Errorf("no reason mentions %q", c.why)
				}
			}
			if t.Failed() {
				for _, s := range f.Evidence {
					t.Logf("evidence: %s %.1f %s", s.Type, s.Weight, s.Why)
				}
				t.Logf("review %q", f.Review)
			}
		})
	}
}

// When the two best types are close, the document asks for a human look
// naming both.
func TestReviewWhenClose(t *testing.T) {
	f := Analyze([]string{"Attestation\nsalaire brut 2 000\ncasier judiciaire\nnet à payer\ncondamnations\n"}, Hint{})
	if f.Review == "" || f.Alternative == "" {
		t.Fatalf("no review: %+v", f)
	}
	for _, ty := range []string{string(f.Type), string(f.Alternative)} {
		if !strings.Contains(f.Review, strings.ReplaceAll(ty, "_", " ")) {
			t.Errorf("review %q does not name %s", f.Review, ty)
		}
	}
	// A clear title needs no review.
	if f := Analyze([]string{"PASSEPORT\nNom : DUPONT\n"}, Hint{}); f.Review != "" {
		t.Errorf("review on a clear passport: %q", f.Review)
	}
}

// A name printed under its label, in a column of a text layer.
func TestNameUnderColumnLabel(t *testing.T) {
	page := "Free Service Abonné\n" +
		"Adresse email de contact                 Nom de l’abonné\n" +
		"alexis@example.org                       de Lattre Alexis\n" +
		"Numéro de ligne    Id.client             Adresse de l’installation\n"
	if got := Analyze([]string{page}, Hint{}).Holder; got != "DE LATTRE ALEXIS" {
		t.Errorf("holder %q", got)
	}
}

// Labels misspelt by the reader still say what their date is.
func TestMisspeltLabels(t *testing.T) {
	page := "REPUBLIK ÖSTERREICH\nDatum der Ausstlung\n25.01.2005\nBH UTOPIA Gültg bis 24.01.2015\nGeburtsdatm 09.09.1971\n"
	f := Analyze([]string{page}, Hint{})
	got := fieldsMap(f)
	for k, want := range map[string]string{"issued": "2005-01-25", "expires": "2015-01-24", "birth": "1971-09-09"} {
		if got[k] != want {
			t.Errorf("%s = %q, want %q", k, got[k], want)
		}
	}
	// A word that merely resembles no label gives nothing.
	if f := Analyze([]string{"Ausstellung im Museum 25.01.2005\n"}, Hint{}); !f.Issued.IsZero() || !f.Expires.IsZero() {
		t.Errorf("dates from no label: %+v", f)
	}
}

func TestTailDistance(t *testing.T) {
	for _, c := range []struct {
		s, label string
		want     int
	}{
		{"bh utopia gutigbs", "gultig bis", 3},
		{"bh utopia gultg bis", "gultig bis", 1},
		{"datum der ausstlung", "datum der ausstellung", 2},
		{"gultig bis", "gultig bis", 0},
		{"", "gultig bis", 10},
	} {
		if got := tailDistance([]rune(c.s), []rune(c.label)); got != c.want {
			t.Errorf("tailDistance(%q, %q) = %d, want %d", c.s, c.label, got, c.want)
		}
	}
}

// A clause that cites a title in a contract's body is no heading.
func TestTitleInProse(t *testing.T) {
	page := "Transports Rhône SARL\nATTESTATION\nNous attestons que Mme Camille LEFÈVRE est employée au sein de notre société depuis le 01/02/2022\nen contrat à durée indéterminée, à temps complet.\nLyon, le 12 novembre 2026\n"
	f := Analyze([]string{page}, Hint{})
	if f.Type != "employment_certificate" {
		for _, s := range f.Evidence {
			t.Logf("evidence: %s %.1f %s", s.Type, s.Weight, s.Why)
		}
		t.Errorf("type %s, want employment_certificate", f.Type)
	}
	if f.Issued.String() != "2026-11-12" {
		t.Errorf("issued %s", f.Issued)
	}
}

func TestAmountsTable(t *testing.T) {
	table := "Abonnement 12,44 €\nConsommation 312 kWh 58,90 €\nTVA 20 % 14,27\nTotal TTC 85,61 €\n"
	sigs := detectAmounts(&evidence{ps: []*page{newPage(table, time.Now(), layout.Page{})}})
	if len(sigs) == 0 || !strings.Contains(sigs[0].Why, "4 lines") {
		t.Errorf("signals %+v", sigs)
	}
	for _, s := range sigs {
		if s.Weight >= theVocab().decision.Minimum {
			t.Errorf("%s: an amounts table alone decides (%.1f)", s.Type, s.Weight)
		}
	}
	if sigs := detectAmounts(&evidence{ps: []*page{newPage("Né le 12.03.1985\nTotal 12,00\n", time.Now(), layout.Page{})}}); sigs != nil {
		t.Errorf("two lines make a table: %+v", sigs)
	}
}

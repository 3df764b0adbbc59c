package extract

import (
	"strings"
	"testing"
)

func TestRecipient(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"an invoice's text layer, the shop's block in a column beside",
			"FACTUUR.                                   Coolblue B.V.\n" +
				"                                           Weena 664\n" +
				"Dat betaal ik zelf wel.                    3012 CN Rotterdam\n" +
				"                                           Nederland\n" +
				"Pino Bluebird                              www.tabletcenter.nl\n" +
				"Sessamestreet 32\n" +
				"1025 RX Amsterdam                          KvK Rotterdam 24330087\n" +
				"Factuurnummer: 993548900\n",
			"Pino Bluebird"},
		{"a letter: the street and the town on one line",
			"Crédit Agricole Île-de-France\n\n\n        LEFÈVRE Camille\n        14 rue Garibaldi, 69003 Lyon\n\nLyon, le 09/08/2026\n",
			"LEFÈVRE Camille"},
		{"a civility before the name", "EDF\nM. Jean DUPONT\n3 rue des Lilas\n75011 PARIS\n", "Jean DUPONT"},
		{"a British postcode", "Disclosure Scotland\n\nOKAFOR Grace\n27 Elm Road, London N4 2AB\n", "OKAFOR Grace"},
		{"the sender's block first, the recipient's last",
			"Jean Martin\n8 avenue Jean Jaurès\n69007 Lyon\n\nMme Camille Lefèvre\n14 rue Garibaldi\n69003 Lyon\n", "Camille Lefèvre"},
		{"a company's block", "SCI Les Tilleuls\n8 avenue Jean Jaurès, 69007 Lyon\n\nQUITTANCE DE LOYER\n", ""},
		{"a title over a sentence that names an address",
			"ATTESTATION D'HÉBERGEMENT\nJe soussignée Marie Durand, née le 12/02/1960, demeurant 3 place Bellecour, 69002 Lyon, atteste\n", ""},
		{"a name without an address under it", "Jean Martin\nDirecteur des ressources humaines\n", ""},
		{"a name and a street without a town", "Jean Martin\n8 avenue Jean Jaurès\nTél. 04 78 00 00 00\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(recipient(tc.text), " "); got != tc.want {
				t.Errorf("recipient = %q, want %q", got, tc.want)
			}
		})
	}
}

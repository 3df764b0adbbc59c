package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/intake-app/intake/internal/i18n"
	"github.com/intake-app/intake/validate"
)

// help is what `intake help COMMAND`, `intake COMMAND -h`, the man page
// and shell completion say about a command, besides its flags: one
// source for all of them.
type help struct {
	usage    []string // "intake validate DIR [flags]"
	about    string   // what it does, in a paragraph
	examples []example
}

type example struct{ command, comment string }

// helps are the commands' help texts, by command name.
func helps() map[string]help {
	return map[string]help{
		"validate": {
			usage: []string{"intake validate DIR [--country CC --procedure ID] [--on DATE] [--format text|json|html] [-o FILE]"},
			about: "Reads every scan of the dossier folder DIR (images and PDFs, in subfolders too), types each document, " +
				"and checks them against the procedure's requirements on the reference date. The report says what to do. " +
				"The procedure and the appointment date can be written in DIR/intake.yaml (see intake init) instead of flags. " +
				"Exit 0 when the dossier is ready, 1 when it is not.",
			examples: []example{
				{"intake validate ~/dossier --country FR --procedure carte-de-sejour-renewal --on 10/01/2027", "check a dossier for an appointment on 10 January 2027"},
				{"intake validate ~/dossier --lang fr", "the report in French (default: your locale, then the procedure's country)"},
				{"intake validate ~/dossier --format html -o rapport.html", "one self-contained page to open on a phone or print"},
				{"intake validate ~/dossier --format json --quiet | jq .ready", "for scripts: tokens and English field names"},
			},
		},
		"mrz": {
			usage: []string{"intake mrz FILE...", "intake mrz --text < lines"},
			about: "Reads the machine-readable zone (MRZ) of passport and residence-card images and checks its check digits; one JSON line per file.",
			examples: []example{
				{"intake mrz passeport.jpg", "read a passport's MRZ"},
				{"printf 'P<UTO…\\n…\\n' | intake mrz --text", "check MRZ lines typed by hand"},
			},
		},
		"photo": {
			usage:    []string{"intake photo FILE --country CC [--format text|json]"},
			about:    "Checks one ID photo, or a scanned sheet of photo-booth prints, against a country's photo rules: size, head, background, exposure.",
			examples: []example{{"intake photo photo.jpg --country FR", "check an ID photo for a French application"}},
		},
		"rules": {
			usage: []string{"intake rules list", "intake rules show CC/ID [--on DATE] [--format text|json]"},
			about: "Lists the procedures intake knows, with the dates their rules are in force, or shows one procedure's requirements and their sources.",
			examples: []example{
				{"intake rules list", "the procedures, by country"},
				{"intake rules show FR/carte-de-sejour-renewal", "what a carte de séjour renewal asks for"},
			},
		},
		"init": {
			usage:    []string{"intake init DIR --country CC --procedure ID [--on DATE] [--nationality CC]"},
			about:    "Writes a commented intake.yaml into the dossier folder DIR, so that later commands need no flags.",
			examples: []example{{"intake init ~/dossier --country FR --procedure carte-de-sejour-renewal --on 10/01/2027", "remember the procedure and the appointment"}},
		},
		"bundle": {
			usage: []string{"intake bundle DIR -o FILE.pdf [flags]", "intake bundle DIR --split OUTDIR [--max-size 2MB] [flags]"},
			about: "Assembles a checked dossier into the PDF to hand in, with a cover page, or into one PDF per requirement for an upload portal. Refuses a dossier that is not ready unless --force.",
			examples: []example{
				{"intake bundle ~/dossier -o dossier.pdf", "one PDF, documents in the order of the checklist"},
				{"intake bundle ~/dossier --split envoi --max-size 2MB", "one PDF per requirement, each under 2 MB"},
			},
		},
		"watch": {
			usage:    []string{"intake watch DIR [flags]"},
			about:    "Validates the dossier, then again whenever a file appears, changes or goes, and prints what changed and what remains to do. Only new or changed files are read again.",
			examples: []example{{"intake watch ~/dossier --country FR --procedure carte-de-sejour-renewal", "keep a terminal open while you scan"}},
		},
		"cache": {
			usage:    []string{"intake cache clear", "intake cache info"},
			about:    "intake keeps what it read of each file (by its SHA-256), so that a second run is instant. clear forgets every reading; info says how much is kept and where.",
			examples: []example{{"intake cache info", "where the cache is, and its size"}, {"intake cache clear", "forget every earlier reading"}},
		},
		"status": {
			usage: []string{"intake status DIR... [--due-within 30d] [--format text|csv|json|html] [--ics FILE]"},
			about: "Checks many dossiers at once, each a folder (a folder of client folders expands to them), in parallel, and prints one row per dossier: applicant, procedure, verdict, what is unmet, unreadable files, card expiry, filing window and days left, most urgent first. Exits 1 when a dossier is not ready; a dossier that fails is a row of its own.",
			examples: []example{
				{"intake status ~/clients", "every client's dossier, most urgent first"},
				{"intake status ~/clients --due-within 30d --ics filing.ics", "who must file within 30 days, as calendar events"},
			},
		},
		"eval": {
			usage:    []string{"intake eval DIR [--country CC]"},
			about:    "Reads the files of DIR/files and compares what intake found (type, dates, holder, numbers) with DIR/truth.json: the accuracy of each field and a confusion matrix of the types. For developers measuring the reading.",
			examples: []example{{"intake eval ../shared/realworld-dev --country FR", "measure the reading on the development set"}},
		},
		"version": {
			usage:    []string{"intake version", "intake --version"},
			about:    "Prints intake's version and commit, and Tesseract's version.",
			examples: []example{{"intake --version", "what to paste into a bug report"}},
		},
		"help": {
			usage:    []string{"intake help [COMMAND]"},
			about:    "Prints the list of commands, or one command's help: usage, flags and examples.",
			examples: []example{{"intake help validate", "validate's flags and examples"}},
		},
		"completion": {
			usage: []string{"intake completion bash|zsh|fish"},
			about: "Prints a shell completion script for commands, flags, procedures and countries.",
			examples: []example{
				{"intake completion bash > ~/.local/share/bash-completion/completions/intake", "bash"},
				{"intake completion zsh > \"${fpath[1]}/_intake\"", "zsh"},
				{"intake completion fish > ~/.config/fish/completions/intake.fish", "fish"},
			},
		},
		"man": {
			usage:    []string{"intake man"},
			about:    "Prints intake's manual page (roff), made from the same help text as intake help.",
			examples: []example{{"intake man > intake.1 && man ./intake.1", "read the manual"}},
		},
	}
}

// dossierFlagNames are the flags shared by validate, bundle and watch,
// shown apart in their help.
var dossierFlagNames = []string{"country", "procedure", "on", "nationality", "rules", "lang", "details", "workers", "quiet"}

// commandFlags returns the flags of the command name, as its run
// function declares them: the command is run with -h into a discarded
// output, and its flag set is kept.
func commandFlags(name string) *flag.FlagSet {
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		var fs *flag.FlagSet
		env := Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, onFlags: func(f *flag.FlagSet) { fs = f }}
		_ = c.run(context.Background(), []string{"-h"}, env)
		return fs
	}
	return nil
}

// writeCommandHelp writes a command's help: usage, what it does, its
// flags (with two dashes, the shared dossier flags apart) and examples.
func writeCommandHelp(w io.Writer, name string, fs *flag.FlagSet, p *i18n.Printer) {
	h := helps()[name]
	fmt.Fprintln(w, "Usage:")
	for _, u := range h.usage {
		fmt.Fprintf(w, "  %s\n", u)
	}
	for _, c := range commands() {
		if c.name == name {
			fmt.Fprintf(w, "\n%s.\n", capitalFirst(p.T(c.summary)))
		}
	}
	if h.about != "" {
		fmt.Fprintf(w, "\n%s\n", wrapPlain(h.about, 0, 78))
	}
	if fs != nil {
		var own, shared bytes.Buffer
		fs.VisitAll(func(f *flag.Flag) {
			b := &own
			if slices.Contains(dossierFlagNames, f.Name) && name != "init" && name != "photo" && name != "rules" {
				b = &shared
			}
			writeFlag(b, f)
		})
		if own.Len() > 0 {
			fmt.Fprintf(w, "\nFlags:\n%s", own.String())
		}
		if shared.Len() > 0 {
			fmt.Fprintf(w, "\nDossier flags (validate, bundle, watch):\n%s", shared.String())
		}
	}
	if len(h.examples) > 0 {
		fmt.Fprintln(w, "\nExamples:")
		for _, e := range h.examples {
			fmt.Fprintf(w, "  # %s\n  %s\n", e.comment, e.command)
		}
	}
}

// writeFlag writes one flag as "  --name VALUE   usage (default: x)".
func writeFlag(w io.Writer, f *flag.Flag) {
	dash := "--"
	if len(f.Name) == 1 {
		dash = "-"
	}
	value, usage := flag.UnquoteUsage(f)
	head := dash + f.Name
	if value != "" {
		head += " " + strings.ToUpper(value)
	}
	def := ""
	if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "0s" {
		def = fmt.Sprintf(" (default: %s)", f.DefValue)
	}
	fmt.Fprintf(w, "  %-22s %s\n", head, wrapPlain(usage+def, 25, 78))
}

// wrapPlain wraps s at spaces to width columns, the lines after the
// first indented by indent.
func wrapPlain(s string, indent, width int) string {
	var b strings.Builder
	col := indent
	for i, word := range strings.Fields(s) {
		if i > 0 {
			if col+1+len([]rune(word)) > width {
				b.WriteString("\n" + strings.Repeat(" ", indent))
				col = indent
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(word)
		col += len([]rune(word))
	}
	return b.String()
}

func capitalFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// writeUsage writes intake's top-level help: the commands with their
// summaries in the user's language, examples and the exit codes.
func writeUsage(w io.Writer, p *i18n.Printer) {
	fmt.Fprintf(w, "%s\n\n%s:\n  intake COMMAND [arguments] [flags]\n  intake validate DIR [--country CC --procedure ID --on DATE]\n\n%s:\n", p.T("intake checks a residence-permit dossier (a folder of scans) offline."), p.T("Usage"), p.T("Commands"))
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, p.T(c.summary))
	}
	fmt.Fprintf(w, "\n%s:\n", p.T("Examples"))
	for _, e := range []example{
		{"intake validate ~/dossier --country FR --procedure carte-de-sejour-renewal --on 10/01/2027", ""},
		{"intake validate ~/dossier --lang fr --format html -o rapport.html", ""},
		{"intake bundle ~/dossier -o dossier.pdf", ""},
		{"intake rules list", ""},
	} {
		fmt.Fprintf(w, "  %s\n", e.command)
	}
	fmt.Fprintf(w, "\n%s\n", p.T(`Run "intake help COMMAND" (or "intake COMMAND -h") for a command's flags and examples.`))
	fmt.Fprint(w, exitCodesText)
}

const exitCodesText = `Exit codes: 0 ready, 1 not ready (or a check failed), 2 usage or configuration error,
3 missing dependency, 4 the output could not be written, 70 internal error, 130 interrupted.
`

// runHelp prints the top-level help, or one command's.
func runHelp(ctx context.Context, args []string, env Env) error {
	p := i18n.New(i18n.FromEnv(env.getenv))
	switch len(args) {
	case 0:
		writeUsage(env.Stdout, p)
		return nil
	case 1:
		if _, ok := helps()[args[0]]; !ok {
			return unknownCommand(args[0])
		}
		writeCommandHelp(env.Stdout, args[0], commandFlags(args[0]), p)
		return nil
	}
	return usagef("give one command: intake help COMMAND")
}

// unknownCommand is the error for a command intake does not have, with
// the nearest one.
func unknownCommand(name string) error {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if s := nearest(name, names); s != "" {
		return usagef("unknown command %q; did you mean %q?\nRun \"intake help\" for the list of commands.", name, s)
	}
	return usagef("unknown command %q\nRun \"intake help\" for the list of commands.", name)
}

// nearest returns the candidate closest to s, when it is close enough to
// be a typo of it (an edit distance of at most a third of its length, at
// least 1; or s is a prefix of exactly one candidate), "" otherwise.
func nearest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	var prefixed []string
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if len(ls) >= 3 && strings.HasPrefix(lc, ls) {
			prefixed = append(prefixed, c)
		}
		if d := levenshtein.ComputeDistance(ls, lc); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(1, len([]rune(s))/3) {
		return best
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	return ""
}

// flagNames lists the names of a flag set's flags, sorted.
func flagNames(fs *flag.FlagSet) []string {
	var out []string
	fs.VisitAll(func(f *flag.Flag) { out = append(out, f.Name) })
	sort.Strings(out)
	return out
}

// qualified returns a procedure as COUNTRY/id: a bare id that only one
// country has gets that country; anything else is returned as it is.
func qualified(rules *validate.Rules, s string) string {
	if strings.Contains(s, "/") {
		return s
	}
	var keys []string
	for _, p := range rules.Procedures() {
		if strings.EqualFold(p.ID, s) && !slices.Contains(keys, p.Key()) {
			keys = append(keys, p.Key())
		}
	}
	if len(keys) == 1 {
		return keys[0]
	}
	return s
}

// procedureError is the usage error for a procedure intake does not
// know, with the nearest one it knows.
func procedureError(rules *validate.Rules, s string, err error) error {
	var keys, ids []string
	for _, p := range rules.Procedures() {
		if !slices.Contains(keys, p.Key()) {
			keys, ids = append(keys, p.Key()), append(ids, p.ID)
		}
	}
	near := nearest(s, keys)
	if near == "" {
		if id := nearest(s, ids); id != "" {
			near = qualified(rules, id)
		}
	}
	if near != "" {
		return usagef("%v\nDid you mean %s?", err, near)
	}
	return usagef("%v\n(give the procedure as COUNTRY/id; see intake rules list)", err)
}

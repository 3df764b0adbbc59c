package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
)

// runMan prints intake's manual page in roff (man 7), made from the same
// help as intake help: the commands' summaries, usage, flags and examples.
func runMan(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("man", "intake man", env)
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	writeMan(env.Stdout)
	return nil
}

func writeMan(w io.Writer) {
	fmt.Fprint(w, `.TH INTAKE 1 "" "intake" "User Commands"
.SH NAME
intake \- check a residence-permit dossier (a folder of scans) offline
.SH SYNOPSIS
.B intake
.I COMMAND
[\fIarguments\fR] [\fIflags\fR]
.SH DESCRIPTION
intake reads every scan of a dossier folder, types each document and checks the dossier against the
rules of a residence-permit procedure (France, Belgium, Serbia, Russia). It says, in the user's
language, what is missing, too old or expired, and assembles the PDF to hand in.
.SH COMMANDS
`)
	for _, c := range commands() {
		h := helps()[c.name]
		fmt.Fprintf(w, ".SS %s\n", roff(c.name))
		for _, u := range h.usage {
			fmt.Fprintf(w, ".B %s\n.br\n", roff(u))
		}
		fmt.Fprintf(w, "%s.\n", roff(capitalFirst(c.summary)))
		if h.about != "" {
			fmt.Fprintf(w, ".PP\n%s\n", roff(h.about))
		}
		if fs := commandFlags(c.name); fs != nil {
			var b strings.Builder
			writeCommandFlags(&b, fs)
			if b.Len() > 0 {
				fmt.Fprint(w, b.String())
			}
		}
		for _, e := range h.examples {
			fmt.Fprintf(w, ".PP\n%s:\n.RS\n.nf\n%s\n.fi\n.RE\n", roff(capitalFirst(e.comment)), roff(e.command))
		}
	}
	fmt.Fprint(w, `.SH ENVIRONMENT
.TP
.B LC_ALL, LC_MESSAGES, LANG
the language of the reports and messages (en, fr, nl, sr, ru), unless \-\-lang is given
.TP
.B NO_COLOR
no colours in the text report
.TP
.B INTAKE_CACHE_DIR
where earlier readings are kept
.SH EXIT STATUS
0 ready; 1 not ready (or a check failed); 2 usage or configuration error; 3 missing dependency;
4 the output could not be written; 70 internal error; 130 interrupted.
.SH SEE ALSO
.BR tesseract (1)
`)
}

// writeCommandFlags writes a command's flags as roff tagged paragraphs.
func writeCommandFlags(b *strings.Builder, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		value, usage := flag.UnquoteUsage(f)
		head := `\fB` + roff(dash+f.Name) + `\fR`
		if value != "" {
			head += ` \fI` + roff(strings.ToUpper(value)) + `\fR`
		}
		fmt.Fprintf(b, ".TP\n%s\n%s\n", head, roff(usage))
	})
}

// roff escapes s for roff: backslashes, and dashes and dots where roff
// would read them as its own.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

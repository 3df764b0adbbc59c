package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/i18n"
)

// runCompletion prints a completion script for bash, zsh or fish. The
// scripts are generated from the commands' own flag sets and the built-in
// procedures, so that they never drift from what intake accepts.
func runCompletion(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("completion", "intake completion bash|zsh|fish", env)
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	shells := []string{"bash", "zsh", "fish"}
	if len(args) != 1 {
		return usagef("give the shell: intake completion bash, zsh or fish")
	}
	words, err := completionWords()
	if err != nil {
		return err
	}
	switch args[0] {
	case "bash":
		writeBash(env.Stdout, words)
	case "zsh":
		writeZsh(env.Stdout, words)
	case "fish":
		writeFish(env.Stdout, words)
	default:
		if s := nearest(args[0], shells); s != "" {
			return usagef("no completion for %q; did you mean %s?", args[0], s)
		}
		return usagef("no completion for %q: use bash, zsh or fish", args[0])
	}
	return nil
}

// words are what completion offers.
type words struct {
	commands   []string
	summaries  map[string]string
	flags      map[string][]string // by command, without dashes
	procedures []string            // "FR/carte-de-sejour-renewal" and the bare ids
	countries  []string
	formats    []string
	langs      []string
}

func completionWords() (words, error) {
	w := words{summaries: map[string]string{}, flags: map[string][]string{}, formats: []string{"text", "json", "html"}, langs: i18n.Languages()}
	for _, c := range commands() {
		w.commands = append(w.commands, c.name)
		w.summaries[c.name] = c.summary
		if fs := commandFlags(c.name); fs != nil {
			w.flags[c.name] = flagNames(fs)
		}
	}
	rules, err := intake.LoadRules("")
	if err != nil {
		return w, err
	}
	seen := map[string]bool{}
	for _, p := range rules.Procedures() {
		for _, s := range []string{p.Key(), p.ID, p.Country} {
			if !seen[s] {
				seen[s] = true
				if s == p.Country {
					w.countries = append(w.countries, s)
				} else {
					w.procedures = append(w.procedures, s)
				}
			}
		}
	}
	sort.Strings(w.procedures)
	sort.Strings(w.countries)
	return w, nil
}

func dashed(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		if len(n) == 1 {
			out[i] = "-" + n
		} else {
			out[i] = "--" + n
		}
	}
	return strings.Join(out, " ")
}

func writeBash(out io.Writer, w words) {
	fmt.Fprintf(out, `# bash completion for intake (intake completion bash)
_intake() {
    local cur prev cmd
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    cmd="${COMP_WORDS[1]}"
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=( $(compgen -W "%s --help --version" -- "$cur") )
        return
    fi
    case "$prev" in
        --country|--nationality) COMPREPLY=( $(compgen -W "%s" -- "$cur") ); return ;;
        --procedure) COMPREPLY=( $(compgen -W "%s" -- "$cur") ); return ;;
        --format) COMPREPLY=( $(compgen -W "%s" -- "$cur") ); return ;;
        --lang) COMPREPLY=( $(compgen -W "%s" -- "$cur") ); return ;;
        -o|--rules|--split) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
    esac
    case "$cmd" in
`, strings.Join(w.commands, " "), strings.Join(w.countries, " "), strings.Join(w.procedures, " "), strings.Join(w.formats, " "), strings.Join(w.langs, " "))
	for _, c := range w.commands {
		extra := ""
		switch c {
		case "help", "man":
			extra = strings.Join(w.commands, " ")
		case "completion":
			extra = "bash zsh fish"
		case "rules":
			extra = "list show " + strings.Join(w.procedures, " ")
		case "cache":
			extra = "clear info"
		}
		fmt.Fprintf(out, "        %s) COMPREPLY=( $(compgen -W \"%s %s\" -- \"$cur\") $(compgen -d -- \"$cur\") ) ;;\n", c, dashed(w.flags[c]), extra)
	}
	fmt.Fprint(out, `    esac
}
complete -o filenames -F _intake intake
`)
}

func writeZsh(out io.Writer, w words) {
	fmt.Fprint(out, "#compdef intake\n# zsh completion for intake (intake completion zsh)\n_intake() {\n  local -a commands\n  commands=(\n")
	for _, c := range w.commands {
		fmt.Fprintf(out, "    '%s:%s'\n", c, strings.ReplaceAll(w.summaries[c], "'", "'\\''"))
	}
	fmt.Fprint(out, "  )\n  if (( CURRENT == 2 )); then\n    _describe command commands\n    return\n  fi\n  case $words[CURRENT-1] in\n")
	fmt.Fprintf(out, "    --country|--nationality) compadd %s; return ;;\n", strings.Join(w.countries, " "))
	fmt.Fprintf(out, "    --procedure) compadd %s; return ;;\n", strings.Join(w.procedures, " "))
	fmt.Fprintf(out, "    --format) compadd %s; return ;;\n", strings.Join(w.formats, " "))
	fmt.Fprintf(out, "    --lang) compadd %s; return ;;\n", strings.Join(w.langs, " "))
	fmt.Fprint(out, "  esac\n  case $words[2] in\n")
	for _, c := range w.commands {
		fmt.Fprintf(out, "    %s) compadd -- %s; _files ;;\n", c, dashed(w.flags[c]))
	}
	fmt.Fprint(out, "  esac\n}\ncompdef _intake intake\n")
}

func writeFish(out io.Writer, w words) {
	fmt.Fprintln(out, "# fish completion for intake (intake completion fish)")
	fmt.Fprintf(out, "complete -c intake -n __fish_use_subcommand -l version -d 'print the versions'\n")
	for _, c := range w.commands {
		fmt.Fprintf(out, "complete -c intake -n __fish_use_subcommand -f -a %s -d '%s'\n", c, strings.ReplaceAll(w.summaries[c], "'", "\\'"))
	}
	args := map[string]string{
		"country": strings.Join(w.countries, " "), "nationality": strings.Join(w.countries, " "),
		"procedure": strings.Join(w.procedures, " "), "format": strings.Join(w.formats, " "), "lang": strings.Join(w.langs, " "),
	}
	for _, c := range w.commands {
		for _, f := range w.flags[c] {
			opt := "-l " + f
			if len(f) == 1 {
				opt = "-s " + f
			}
			line := fmt.Sprintf("complete -c intake -n '__fish_seen_subcommand_from %s' %s", c, opt)
			if a, ok := args[f]; ok {
				line += fmt.Sprintf(" -x -a '%s'", a)
			}
			fmt.Fprintln(out, line)
		}
	}
}

package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/nextseason/nextseason/internal/feeds/extract"
)

// maxExtractLine bounds one input line of extract --jsonl.
const maxExtractLine = 1 << 20

func runExtract(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 && args[0] == "eval" {
		return extractEval(a, args[1:])
	}
	fs := a.flags("extract", "--jsonl < items.jsonl | --article FILE [--published YYYY-MM-DD] | eval FILE.jsonl")
	jsonl := fs.Bool("jsonl", false, `read {"id","headline","excerpt","published","url","site"} lines on stdin; write {"id","claims"} lines`)
	article := fs.String("article", "", "a text file: the headline on its first line, the article after it")
	published := fs.String("published", "", "the article's publication date, to place dates printed without a year")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	switch {
	case *jsonl && *article == "":
		return extractLines(a)
	case *article != "" && !*jsonl:
		b, err := os.ReadFile(*article)
		if err != nil {
			return err
		}
		head, body, _ := strings.Cut(strings.TrimLeft(string(b), "\ufeff \n"), "\n")
		claims := extract.Extract(extract.Item{Headline: head, Text: strings.Join(strings.Fields(body), " "), Published: *published})
		return printJSON(a.env.Stdout, extract.Outputs(claims))
	}
	fs.Usage()
	return errUsage
}

// extractLines turns each input line into one output line, in order. A
// line that is not an item gets an "error" instead of claims.
func extractLines(a *app) error {
	sc := bufio.NewScanner(a.env.Stdin)
	sc.Buffer(make([]byte, 64<<10), maxExtractLine)
	out := bufio.NewWriter(a.env.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for line := 1; sc.Scan(); line++ {
		var it extract.Item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			if err := enc.Encode(map[string]any{"id": nil, "claims": []any{}, "error": fmt.Sprintf("line %d: %v", line, err)}); err != nil {
				return err
			}
			continue
		}
		if err := enc.Encode(map[string]any{"id": it.ID, "claims": extract.Outputs(extract.Extract(it))}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading items: %w", err)
	}
	return nil
}

func extractEval(a *app, args []string) error {
	fs := a.flags("extract eval", "FILE.jsonl [--json]")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	name, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	var items []extract.Labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), maxExtractLine)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it extract.Labelled
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return fmt.Errorf("%s: line %d: %v", name, line, err)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	found := make([][]extract.Claim, len(items))
	for i, it := range items {
		found[i] = extract.Extract(it.Item)
	}
	r := extract.Evaluate(items, found)
	if *asJSON {
		return printJSON(a.env.Stdout, r.JSON())
	}
	fmt.Fprint(a.env.Stdout, r)
	return nil
}

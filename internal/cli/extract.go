package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/nextseason/nextseason/internal/feeds/extract"
)

// maxExtractLine bounds one input line of extract --jsonl.
const maxExtractLine = 1 << 20

func runExtract(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "eval":
			return extractEval(a, args[1:])
		case "train":
			return extractTrain(a, args[1:])
		}
	}
	fs := a.flags("extract", "--jsonl < items.jsonl | --article FILE [--published YYYY-MM-DD] [--catalog FILE.tsv] [--model FILE] | eval FILE... | train FILE... -o model.json")
	jsonl := fs.Bool("jsonl", false, `read {"id","headline","excerpt","published","url","site"} lines on stdin; write {"id","claims"} lines`)
	article := fs.String("article", "", "a text file: the headline on its first line, the article after it")
	published := fs.String("published", "", "the article's publication date, to place dates printed without a year")
	catalog, model := catalogFlags(fs)
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if *jsonl == (*article != "") {
		fs.Usage()
		return errUsage
	}
	x, err := loadExtractor(*catalog, *model)
	if err != nil {
		return err
	}
	if *jsonl {
		return extractLines(a, x)
	}
	b, err := os.ReadFile(*article)
	if err != nil {
		return err
	}
	head, body, _ := strings.Cut(strings.TrimLeft(string(b), "\ufeff \n"), "\n")
	claims := x.Extract(extract.Item{Headline: head, Text: strings.Join(strings.Fields(body), " "), Published: *published})
	return printJSON(a.env.Stdout, extract.Outputs(claims))
}

// catalogFlags are the flags that choose what an extractor knows.
func catalogFlags(fs *flag.FlagSet) (catalog, model *string) {
	catalog = fs.String("catalog", "", "titles and networks of known shows, tab-separated as in titles.tsv (default: none; titles come from the text)")
	model = fs.String("model", "", "a model from 'extract train' (default: the one built in)")
	return catalog, model
}

// loadExtractor reads a catalog and a model (each optional).
func loadExtractor(catalogFile, modelFile string) (*extract.Extractor, error) {
	cat, err := loadCatalog(catalogFile)
	if err != nil {
		return nil, err
	}
	m, err := extract.DefaultModel()
	if modelFile != "" {
		var b []byte
		if b, err = os.ReadFile(modelFile); err == nil {
			m, err = extract.ParseModel(b)
		}
	}
	if err != nil {
		return nil, err
	}
	return extract.New(cat, m), nil
}

func loadCatalog(name string) (*extract.Catalog, error) {
	if name == "" {
		return nil, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cat, err := extract.ReadCatalogTSV(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return cat, nil
}

// extractLines turns each input line into one output line, in order. A
// line that is not an item gets an "error" instead of claims.
func extractLines(a *app, x *extract.Extractor) error {
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
		if err := enc.Encode(map[string]any{"id": it.ID, "claims": extract.Outputs(x.Extract(it))}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading items: %w", err)
	}
	return nil
}

// readLabelled reads labelled items (shared/data/news's format) from
// files.
func readLabelled(names []string) ([]extract.Labelled, error) {
	var items []extract.Labelled
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), maxExtractLine)
		for line := 1; sc.Scan(); line++ {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var it extract.Labelled
			if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s: line %d: %v", name, line, err)
			}
			items = append(items, it)
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("no labelled items in %s", strings.Join(names, ", "))
	}
	return items, nil
}

func extractEval(a *app, args []string) error {
	fs := a.flags("extract eval", "FILE.jsonl... [--cv K] [--catalog FILE.tsv] [--thresholds 0.5,0.9] [--json]")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	folds := fs.Int("cv", 0, "cross-validate: train on K-1 folds of the items, score the fold held out (folds by item, fixed seed); 0 scores the built-in model")
	thresholds := fs.String("thresholds", "0.3,0.5,0.7,0.8,0.9,0.95", "the probabilities at which to state precision and recall (auto-accept thresholds)")
	curve := fs.String("curve", "", "with --cv: the shares of each fold's training items to learn from, e.g. 0.25,0.5,1, to print how the figures grow with more labelled news")
	catalog, model := catalogFlags(fs)
	names, err := a.parseWords(fs, args)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		fs.Usage()
		return errUsage
	}
	ts, err := parseThresholds(*thresholds)
	if err != nil {
		return err
	}
	items, err := readLabelled(names)
	if err != nil {
		return err
	}
	var claimsAt func(threshold float64) [][]extract.Claim
	var r extract.Report
	if *folds > 0 {
		cat, err := loadCatalog(*catalog)
		if err != nil {
			return err
		}
		if *model != "" {
			return fmt.Errorf("--model and --cv exclude each other: cross-validation trains its own models")
		}
		if *curve != "" {
			shares, err := parseThresholds(*curve)
			if err != nil {
				return fmt.Errorf("--curve: %w", err)
			}
			return learningCurve(a, items, cat, *folds, shares)
		}
		cv, err := extract.CrossValidate(items, cat, *folds, extract.TrainOptions{})
		if err != nil {
			return err
		}
		claimsAt = cv.Claims
		r = extract.Evaluate(items, cv.Claims(-1))
		r.Method = fmt.Sprintf("%d-fold cross-validation by item (seed fixed); each fold's threshold chosen on its training items: %v", *folds, cv.Thresholds())
	} else {
		x, err := loadExtractor(*catalog, *model)
		if err != nil {
			return err
		}
		claimsAt = func(t float64) [][]extract.Claim {
			out := make([][]extract.Claim, len(items))
			for i, it := range items {
				out[i] = x.ExtractAt(it.Item, t)
			}
			return out
		}
		r = extract.Evaluate(items, claimsAt(-1))
		r.Method = fmt.Sprintf("the model as trained (threshold %.3f)", x.Model().Threshold)
		for _, name := range names {
			for _, trained := range x.Model().Trained.Files {
				if filepath.Base(trained) == filepath.Base(name) {
					r.Method += fmt.Sprintf("; WARNING: %s trained this model, so these figures flatter it (use --cv)", filepath.Base(name))
				}
			}
		}
	}
	for _, t := range ts {
		at := extract.Evaluate(items, claimsAt(t))
		r.AtThresholds = append(r.AtThresholds, extract.ThresholdScore{Threshold: t, Score: at.Overall, DistractorsWithClaims: at.DistractorsWithClaims})
	}
	if *asJSON {
		return printJSON(a.env.Stdout, r.JSON())
	}
	fmt.Fprint(a.env.Stdout, r)
	return nil
}

// learningCurve prints the cross-validated figures with each fold
// learning from a share of its training items.
func learningCurve(a *app, items []extract.Labelled, cat *extract.Catalog, folds int, shares []float64) error {
	fmt.Fprintf(a.env.Stdout, "%d-fold cross-validation by item, each fold learning from a share of its training items\n", folds)
	fmt.Fprintf(a.env.Stdout, "%6s %12s %9s %9s %9s\n", "share", "train items", "precision", "recall", "F1")
	for _, share := range shares {
		if share == 0 {
			return fmt.Errorf("--curve: a share of 0 learns from nothing")
		}
		cv, err := extract.CrossValidate(items, cat, folds, extract.TrainOptions{Share: share})
		if err != nil {
			return err
		}
		s := extract.Evaluate(items, cv.Claims(-1)).Overall
		fmt.Fprintf(a.env.Stdout, "%6.2f %12d %9.3f %9.3f %9.3f\n", share, cv.TrainItems, s.Precision(), s.Recall(), s.F1())
	}
	return nil
}

func parseThresholds(s string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		t, err := strconv.ParseFloat(f, 64)
		if err != nil || t < 0 || t > 1 {
			return nil, fmt.Errorf("--thresholds: %q is not a probability between 0 and 1", f)
		}
		out = append(out, t)
	}
	return out, nil
}

func extractTrain(a *app, args []string) error {
	fs := a.flags("extract train", "FILE.jsonl... -o model.json [--catalog FILE.tsv]")
	out := fs.String("o", "", "where to write the model (JSON)")
	catalog := fs.String("catalog", "", "titles and networks of known shows, tab-separated as in titles.tsv; the model learns with and without it")
	names, err := a.parseWords(fs, args)
	if err != nil {
		return err
	}
	if len(names) == 0 || *out == "" {
		fs.Usage()
		return errUsage
	}
	items, err := readLabelled(names)
	if err != nil {
		return err
	}
	cat, err := loadCatalog(*catalog)
	if err != nil {
		return err
	}
	m, err := extract.Train(items, cat, extract.TrainOptions{})
	if err != nil {
		return err
	}
	for _, name := range names {
		m.Trained.Files = append(m.Trained.Files, filepath.Base(name))
	}
	if *catalog != "" {
		m.Trained.Catalog = filepath.Base(*catalog)
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "trained on %d items: %d features, threshold %.3f; wrote %s\n", m.Trained.Items, m.Trained.Features, m.Threshold, *out)
	return nil
}

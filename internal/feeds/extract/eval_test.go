package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// newsDev is the labelled real news in shared/; tests skip without it.
const newsDev = "../../../../shared/data/news/news-dev.jsonl"

func loadLabelled(t *testing.T) []Labelled {
	t.Helper()
	f, err := os.Open(newsDev)
	if err != nil {
		t.Skipf("labelled news not found (%v): the shared data sits beside the repository in CI", err)
	}
	defer f.Close()
	var items []Labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var it Labelled
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatal(err)
		}
		items = append(items, it)
	}
	return items
}

func TestEvalOnNewsDev(t *testing.T) {
	items := loadLabelled(t)
	found := make([][]Claim, len(items))
	for i, it := range items {
		found[i] = Extract(it.Item)
	}
	r := Evaluate(items, found)
	t.Log("\n" + r.String())
	// The targets the extraction is held to on the dev items.
	if r.DistractorsWithClaims != 0 {
		t.Errorf("%d distractors yielded claims; none should", r.DistractorsWithClaims)
	}
	if f1 := r.Overall.F1(); f1 < 0.85 {
		t.Errorf("overall F1 %.3f, want at least 0.85", f1)
	}
	if exact := ratio(r.PremiereExact, r.PremiereMatched); exact < 0.9 {
		t.Errorf("premiere dates exact %.3f of matched premiere claims, want at least 0.9", exact)
	}
	for _, m := range r.Misses {
		t.Log(m)
	}
	for _, e := range r.Extras {
		t.Log(e)
	}
}

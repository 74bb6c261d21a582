package sharedtest

import (
	"fmt"
	"testing"
)

// outcome records how Path stopped a test, without stopping this one.
type outcome struct {
	testing.TB
	fatal, skip string
}

func (o *outcome) Helper()                      {}
func (o *outcome) Fatalf(f string, args ...any) { o.fatal = fmt.Sprintf(f, args...) }
func (o *outcome) Skipf(f string, args ...any)  { o.skip = fmt.Sprintf(f, args...) }

// TestAMissingGateFailsInCI: a file the shared data lacks fails a test in
// CI and skips it elsewhere, saying why either way.
func TestAMissingGateFailsInCI(t *testing.T) {
	t.Setenv("CI", "true")
	var ci outcome
	Path(&ci, "no/such/file.tsv")
	if ci.fatal == "" || ci.skip != "" {
		t.Errorf("in CI: failed %q, skipped %q; want it failed", ci.fatal, ci.skip)
	}
	t.Setenv("CI", "")
	var laptop outcome
	Path(&laptop, "no/such/file.tsv")
	if laptop.skip == "" || laptop.fatal != "" {
		t.Errorf("on a laptop: failed %q, skipped %q; want it skipped", laptop.fatal, laptop.skip)
	}
}

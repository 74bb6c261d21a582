// Package sharedtest finds the shared data (../shared/data beside the
// repository) for the tests and benchmarks that gate on it: the
// extractor's and the odds' figures, the imports of real reports,
// MovieLens. On a machine without the folder they skip, saying so; in CI
// (CI=true) they fail, since a gate must never be off there.
package sharedtest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Path is the shared file or folder at rel, under ../shared/data.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := dataDir()
	if err == nil {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("shared data missing in CI, where every gate runs: %v", err)
		return ""
	}
	tb.Skipf("shared data not found (%v): it sits beside the repository in CI", err)
	return ""
}

// dataDir is ../shared/data beside the module's root, the folder holding
// go.mod above the working directory (a test's is its package's).
func dataDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "data"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

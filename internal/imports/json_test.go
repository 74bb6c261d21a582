package imports_test

import (
	"encoding/json"
	"testing"
)

func jsonOf(v any) ([]byte, error) { return json.MarshalIndent(v, "", "  ") }

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := jsonOf(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Package tvmazetest is a fake TVmaze API for tests and benchmarks. It
// serves real recorded responses, can generate a catalog of any size in
// the same shapes, enforces TVmaze's rate limit with 429s, and injects
// faults on request.
package tvmazetest

import (
	"embed"
	"io/fs"
)

//go:embed testdata
var testdata embed.FS

// Recordings are the real TVmaze responses in testdata/ (see its
// SOURCE.txt), for decoder tests as well as the server.
func Recordings() fs.FS {
	sub, err := fs.Sub(testdata, "testdata")
	if err != nil {
		panic(err) // embedded above
	}
	return sub
}

// Package apitest holds the API's answers in tests to its OpenAPI
// document, through an independent validator (pb33f's
// libopenapi-validator): an answer the document does not describe fails
// the test that got it.
package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	verrors "github.com/pb33f/libopenapi-validator/errors"
	"github.com/pb33f/libopenapi-validator/helpers"

	"github.com/nextseason/nextseason/internal/api"
	"github.com/nextseason/nextseason/internal/httpx"
)

// Checker validates requests and answers against the document.
type Checker struct {
	mu sync.Mutex // the validator keeps caches
	v  validator.Validator
}

// New builds a checker from the document the API serves, after checking
// the document itself against the OpenAPI 3.1 schema.
func New() (*Checker, error) {
	doc, err := json.Marshal((&api.API{}).OpenAPI())
	if err != nil {
		return nil, err
	}
	d, err := libopenapi.NewDocument(doc)
	if err != nil {
		return nil, fmt.Errorf("the OpenAPI document does not load: %w", err)
	}
	v, errs := validator.NewValidator(d)
	if len(errs) > 0 {
		return nil, fmt.Errorf("the OpenAPI document: %v", errs)
	}
	if ok, verrs := v.ValidateDocument(); !ok {
		return nil, fmt.Errorf("the OpenAPI document is not valid OpenAPI 3.1: %s", describe(verrs))
	}
	return &Checker{v: v}, nil
}

// Check says what in the answer to req (its status, content type and
// body) the document does not describe; nil when all of it is. Requests
// are not checked: tests send bad ones on purpose, to see them refused.
// Only /api/v1 is described; other paths pass.
func (c *Checker) Check(req *http.Request, resp *http.Response, body []byte) error {
	if !strings.HasPrefix(req.URL.Path, "/api/v1/") {
		return nil
	}
	out := *resp
	out.Body = io.NopCloser(bytes.NewReader(body))
	c.mu.Lock()
	defer c.mu.Unlock()
	ok, errs := c.v.ValidateHttpResponse(req, &out)
	if !ok && resp.StatusCode == http.StatusNotFound && len(errs) == 1 && errs[0].ValidationType == helpers.PathValidation {
		// No such endpoint: the API's 404 for any path it lacks, whose
		// body is the error every operation's default describes.
		var e httpx.APIError
		if json.Unmarshal(body, &e) == nil && e.Error.Code == "not_found" {
			return nil
		}
	}
	if !ok {
		return fmt.Errorf("%s %s → %d, not as the OpenAPI document says: %s\n%s", req.Method, req.URL.Path, resp.StatusCode, describe(errs), body)
	}
	return nil
}

func describe(errs []*verrors.ValidationError) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString("\n  - " + e.Error())
	}
	return b.String()
}

// Transport checks each API answer that passes through it (over next,
// http.DefaultTransport when nil); one the document does not describe
// is an error of the request, with what differs. Give it to the client
// in tests.
func (c *Checker) Transport(next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return roundTripper(func(req *http.Request) (*http.Response, error) {
		resp, err := next.RoundTrip(req)
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		if err := c.Check(req, resp, body); err != nil {
			return nil, err
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		return resp, nil
	})
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

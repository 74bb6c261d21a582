package api

import (
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
)

// OpenAPIPath is where the API describes itself.
const OpenAPIPath = "/api/v1/openapi.json"

// OpenAPI is the OpenAPI 3.1 document of the API, built from its routes
// and the Go types its handlers read and write, so it cannot drift from
// them. `nextseason openapi` prints it; api/openapi.json in the
// repository is a copy that a test keeps equal.
func (a *API) OpenAPI() map[string]any {
	s := &schemas{defs: map[string]any{}, names: map[reflect.Type]string{}}
	errorRef := s.of(reflect.TypeFor[httpx.APIError]())
	paths := map[string]any{}
	for _, rt := range a.routes() {
		op := map[string]any{
			"operationId": operationID(rt),
			"summary":     rt.summary,
			"responses":   map[string]any{"default": map[string]any{"description": "an error: its status says which", "content": jsonContent(errorRef)}},
		}
		var params []any
		for _, name := range pathParams.FindAllStringSubmatch(rt.path, -1) {
			params = append(params, map[string]any{"name": name[1], "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
		}
		for _, q := range rt.query {
			params = append(params, map[string]any{"name": q.name, "in": "query", "description": q.doc, "schema": map[string]any{"type": q.typ}})
		}
		if params != nil {
			op["parameters"] = params
		}
		if rt.body != nil {
			s.request = true // every field of a body may be left out
			schema := s.top(reflect.TypeOf(rt.body))
			if rt.orBody != nil {
				schema = map[string]any{"oneOf": []any{schema, s.top(reflect.TypeOf(rt.orBody))}}
			}
			op["requestBody"] = map[string]any{"required": true, "content": jsonContent(schema)}
			s.request = false
		}
		ok := map[string]any{"description": http.StatusText(rt.status)}
		switch {
		case rt.out != nil:
			ok["content"] = jsonContent(s.top(reflect.TypeOf(rt.out)))
		case rt.contentType != "":
			ok["content"] = map[string]any{rt.contentType: map[string]any{"schema": map[string]any{"type": "string"}}}
		}
		op["responses"].(map[string]any)[strconv.Itoa(rt.status)] = ok
		switch rt.access {
		case user, editor:
			op["security"] = []any{map[string]any{"bearer": []any{}}}
		case feedToken:
			op["security"] = []any{map[string]any{"feedToken": []any{}}}
		}
		if rt.access == editor {
			op["description"] = "For editors: an editor's or admin's API token, or the editors' shared token."
		}
		item, _ := paths[rt.path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.path] = item
		}
		item[strings.ToLower(rt.method)] = op
	}
	paths[OpenAPIPath] = map[string]any{"get": map[string]any{"operationId": "getOpenAPI", "summary": "This document",
		"responses": map[string]any{"200": map[string]any{"description": "OK", "content": jsonContent(map[string]any{"type": "object"})}}}}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "nextseason API", "version": "1",
			"description": "Will there be a next season, when, who is in it: answers resolved from sourced claims. Errors are {\"error\": {\"code\", \"message\"}}."},
		"paths": paths,
		"components": map[string]any{
			"schemas": s.defs,
			"securitySchemes": map[string]any{
				"bearer":    map[string]any{"type": "http", "scheme": "bearer", "description": "an API token (nextseason tokens add EMAIL)"},
				"feedToken": map[string]any{"type": "apiKey", "in": "query", "name": "token", "description": "the account's feed token, in the URLs GET /api/v1/me gives"},
			},
		},
	}
}

var pathParams = regexp.MustCompile(`\{([a-z_]+)\}`)

// operationID names an operation from its method and path:
// GET /api/v1/shows/{slug}/claims is getShowsSlugClaims.
func operationID(rt route) string {
	id := strings.ToLower(rt.method)
	for _, part := range strings.FieldsFunc(strings.TrimPrefix(rt.path, "/api/v1/"), func(r rune) bool { return r == '/' || r == '-' || r == '.' }) {
		part = strings.Trim(part, "{}")
		id += strings.ToUpper(part[:1]) + part[1:]
	}
	return id
}

func jsonContent(schema any) map[string]any {
	return map[string]any{"application/json": map[string]any{"schema": schema}}
}

// schemas writes JSON Schemas (2020-12, as OpenAPI 3.1 has them) of Go
// types as encoding/json writes them; named structs go to components.
type schemas struct {
	defs  map[string]any
	names map[reflect.Type]string
	// request: the types are of request bodies, which name no field as
	// required (what is left out takes its zero value).
	request bool
}

// top is the schema of a response's whole body: a list there is never
// null, as handlers start lists empty.
func (s *schemas) top(t reflect.Type) any {
	if t.Kind() == reflect.Slice {
		return map[string]any{"type": "array", "items": s.of(t.Elem())}
	}
	return s.of(t)
}

func (s *schemas) of(t reflect.Type) any {
	switch t {
	case reflect.TypeFor[time.Time]():
		return map[string]any{"type": "string", "format": "date-time"}
	case reflect.TypeFor[model.PartialDate]():
		return map[string]any{"type": "string", "description": "a date whose form is its precision: 2023-08-26, 2023-08, 2023-Q3, 2023-summer, 2023-late, 2023; empty when unknown"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return nullable(s.of(t.Elem()))
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": []any{"array", "null"}, "items": s.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": []any{"object", "null"}, "additionalProperties": s.of(t.Elem())}
	case reflect.Interface:
		return map[string]any{}
	case reflect.Struct:
		if t.Name() == "" {
			return s.object(t)
		}
		name, ok := s.names[t]
		if !ok {
			name = s.name(t)
			s.names[t] = name
			s.defs[name] = s.object(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	panic("api: no JSON schema for " + t.String())
}

// name is a struct's component name: its own, or with its package's
// when another type took it.
func (s *schemas) name(t reflect.Type) string {
	name := strings.ToUpper(t.Name()[:1]) + t.Name()[1:]
	for other, taken := range s.names {
		if taken == name && other != t {
			pkg := t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:]
			return strings.ToUpper(pkg[:1]) + pkg[1:] + name
		}
	}
	return name
}

// object is a struct's schema: its fields as encoding/json writes them
// (embedded structs' fields in line), required unless omitempty.
func (s *schemas) object(t reflect.Type) map[string]any {
	props, required := map[string]any{}, []string{}
	var add func(t reflect.Type)
	add = func(t reflect.Type) {
		for f := range t.Fields() {
			if !f.IsExported() && !f.Anonymous {
				continue
			}
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				add(f.Type)
				continue
			}
			if name == "" {
				name = f.Name
			}
			props[name] = s.of(f.Type)
			if o := strings.Split(opts, ","); !slices.Contains(o, "omitempty") && !slices.Contains(o, "omitzero") {
				required = append(required, name)
			}
		}
	}
	add(t)
	o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 && !s.request {
		slices.Sort(required)
		o["required"] = required
	}
	return o
}

// nullable lets a schema be null too.
func nullable(schema any) any {
	m, ok := schema.(map[string]any)
	if !ok {
		return schema
	}
	if typ, ok := m["type"].(string); ok {
		out := map[string]any{}
		for k, v := range m {
			out[k] = v
		}
		out["type"] = []any{typ, "null"}
		return out
	}
	if _, ok := m["type"].([]any); ok {
		return m // already nullable
	}
	return map[string]any{"anyOf": []any{m, map[string]any{"type": "null"}}}
}

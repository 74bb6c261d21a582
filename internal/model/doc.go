// Package model holds nextseason's plain data types and enums: shows,
// seasons, people, sources and claims. It has no behaviour beyond
// validating its own enum values, and it knows nothing of storage or pages.
package model

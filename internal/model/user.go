package model

import "time"

// Role is what a user may do: viewers follow shows, editors also review
// claims and manage feeds, admins also manage users.
type Role string

const (
	RoleViewer Role = "viewer"
	RoleEditor Role = "editor"
	RoleAdmin  Role = "admin"
)

// ParseRole validates s as a Role.
func ParseRole(s string) (Role, error) {
	return parseEnum("role", s, RoleViewer, RoleEditor, RoleAdmin)
}

// CanEdit reports whether the role may review claims and manage feeds.
func (r Role) CanEdit() bool { return r == RoleEditor || r == RoleAdmin }

// User is an account.
type User struct {
	ID        int64
	Email     string
	Role      Role
	CreatedAt time.Time
}

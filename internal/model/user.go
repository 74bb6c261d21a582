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
	// EmailAlerts: events of immediate follows, and the daily digest,
	// are mailed to Email.
	EmailAlerts bool
	// FeedToken opens the user's private Atom feed and calendar.
	FeedToken string
	// UnsubscribeToken is in every mail's unsubscribe link.
	UnsubscribeToken string
	// DisabledAt is when an operator disabled the account (zero: never):
	// it then signs in nowhere and is sent nothing new.
	DisabledAt time.Time
}

package model

import "time"

// NetflixOriginal is one row of Wikipedia's lists of Netflix original
// programming: what renewal odds learn outcomes from.
type NetflixOriginal struct {
	Title      string
	Premiere   time.Time // of the show (its first season)
	Finale     time.Time // zero while it runs
	Seasons    int       // 0 when the list gives none
	Genre      string
	Language   string
	Ended      bool   // from the list of ended programming
	Excluded   string // why the row cannot teach renewal odds, if it cannot
	Miniseries bool
	// Listed is the day the list was read: outcomes after it are not in it.
	Listed time.Time
}

package facts

import "github.com/nextseason/nextseason/internal/model"

// TimelineDay is a day of an outlook's timeline: what became known that
// day, each statement once, citing every claim that made it.
type TimelineDay struct {
	Date    model.PartialDate `json:"date"`
	Entries []TimelineItem    `json:"entries"`
}

// TimelineItem is one statement on a day, with all its claims.
type TimelineItem struct {
	Summary  string     `json:"summary"`
	Evidence []Evidence `json:"evidence"`
}

// ByDay groups a timeline by day, merging entries that say the same thing
// on the same day. It keeps the timeline's order.
func ByDay(entries []TimelineEntry) []TimelineDay {
	var out []TimelineDay
	for _, e := range entries {
		if len(out) == 0 || out[len(out)-1].Date != e.Date {
			out = append(out, TimelineDay{Date: e.Date})
		}
		day := &out[len(out)-1]
		merged := false
		for i := range day.Entries {
			if day.Entries[i].Summary == e.Summary {
				day.Entries[i].Evidence = append(day.Entries[i].Evidence, e.Evidence)
				merged = true
				break
			}
		}
		if !merged {
			day.Entries = append(day.Entries, TimelineItem{Summary: e.Summary, Evidence: []Evidence{e.Evidence}})
		}
	}
	return out
}

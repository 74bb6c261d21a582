package facts

import "testing"

func TestByDayMergesDuplicates(t *testing.T) {
	e := func(date, summary string, id int64) TimelineEntry {
		return TimelineEntry{Date: day(date), Summary: summary, Evidence: Evidence{ID: id}}
	}
	days := ByDay([]TimelineEntry{
		e("2022-09-01", "season 2: Awaiting decision", 1),
		e("2022-09-01", "season 2: Awaiting decision", 2),
		e("2022-09-01", "season 2 plot: more Ingrid", 3),
		e("2022-10-31", "season 2: Canceled", 4),
	})
	if len(days) != 2 || days[0].Date.String() != "2022-09-01" || days[1].Date.String() != "2022-10-31" {
		t.Fatalf("days %+v, want 2022-09-01 and 2022-10-31", days)
	}
	first := days[0].Entries
	if len(first) != 2 || first[0].Summary != "season 2: Awaiting decision" || len(first[0].Evidence) != 2 || first[1].Summary != "season 2 plot: more Ingrid" {
		t.Errorf("September 1: %+v, want the two same claims merged with both cited, then the plot", first)
	}
}

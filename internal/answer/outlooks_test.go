package answer_test

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/dbtest"
)

// TestOutlooksShareAnswersInFlight: many identical requests at once all
// get the answer a request of its own gets, a request whose client has
// gone is not answered, and a bad request fails for every one asking.
func TestOutlooksShareAnswersInFlight(t *testing.T) {
	st := demoStore(t)
	ctx := t.Context()
	req := answer.Request{Show: "partner-track", Season: "2", AsOf: "2022-09-20"}
	want, err := answer.Outlook(ctx, st, req, dbtest.Clock())
	if err != nil {
		t.Fatal(err)
	}
	s := &answer.Outlooks{Store: st}
	gone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Outlook(gone, req, dbtest.Clock()); !errors.Is(err, context.Canceled) {
		t.Errorf("a request whose client went away: %v, want context.Canceled", err)
	}
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			got, err := s.Outlook(ctx, req, dbtest.Clock())
			if err != nil || !reflect.DeepEqual(got.Outlook, want) {
				t.Errorf("request %d: %v; want the answer a request of its own gets", i, err)
			}
			bad := req
			bad.Season = "x"
			if _, err := s.Outlook(ctx, bad, dbtest.Clock()); answer.FailureOf(err) != answer.Invalid {
				t.Errorf("request %d for season x: %v, want invalid", i, err)
			}
		})
	}
	wg.Wait()
}

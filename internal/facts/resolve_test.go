package facts

import (
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

func day(s string) model.PartialDate {
	d, err := model.ParsePartialDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// renewal makes an accepted renewal claim about season 2.
func renewal(id int64, status model.RenewalStatus, tier model.Tier, stated string) model.Claim {
	return model.Claim{
		ID: id, Season: 2, Kind: model.KindRenewal, Status: status, State: model.StateAccepted,
		StatedAt: day(stated), Source: model.Source{URL: "https://example.com/" + string(tier) + stated, Tier: tier},
	}
}

func TestResolveRenewal(t *testing.T) {
	tests := []struct {
		name     string
		claims   []model.Claim
		want     model.RenewalStatus
		winner   int64
		disputed bool
	}{
		{
			name: "higher tier wins over a newer lower tier",
			claims: []model.Claim{
				renewal(1, model.StatusRenewed, model.TierOfficial, "2023-01-10"),
				renewal(2, model.StatusCanceled, model.TierRumor, "2023-02-01"),
			},
			want: model.StatusRenewed, winner: 1,
		},
		{
			name: "same tier: the newer statement wins",
			claims: []model.Claim{
				renewal(1, model.StatusRenewed, model.TierTrade, "2023-01-10"),
				renewal(2, model.StatusCanceled, model.TierTrade, "2023-06-01"),
			},
			want: model.StatusCanceled, winner: 2,
		},
		{
			name: "same tier, same day, different answers: disputed",
			claims: []model.Claim{
				renewal(1, model.StatusRenewed, model.TierTrade, "2023-01-10"),
				renewal(2, model.StatusCanceled, model.TierTrade, "2023-01-10"),
			},
			want: model.StatusCanceled, winner: 2, disputed: true,
		},
		{
			name: "same tier, same day, same answer: not disputed",
			claims: []model.Claim{
				renewal(1, model.StatusRenewed, model.TierTrade, "2023-01-10"),
				renewal(2, model.StatusRenewed, model.TierTrade, "2023-01-10"),
			},
			want: model.StatusRenewed, winner: 2,
		},
		{
			name: "a later decision outranks an earlier 'no decision yet' from a higher tier",
			claims: []model.Claim{
				renewal(1, model.StatusAwaitingDecision, model.TierInterview, "2022-09-01"),
				renewal(2, model.StatusCanceled, model.TierReport, "2022-10-31"),
			},
			want: model.StatusCanceled, winner: 2,
		},
		{
			name: "an earlier decision from a lower tier does not outrank a later 'no decision yet'",
			claims: []model.Claim{
				renewal(1, model.StatusRenewed, model.TierRumor, "2022-09-01"),
				renewal(2, model.StatusAwaitingDecision, model.TierOfficial, "2022-10-01"),
			},
			want: model.StatusAwaitingDecision, winner: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := ResolveRenewal(tt.claims)
			if !ok {
				t.Fatal("no resolution")
			}
			if r.Winner.Status != tt.want || r.Winner.ID != tt.winner || (len(r.Disputed) > 0) != tt.disputed {
				t.Errorf("got %s from claim %d (disputed %v), want %s from claim %d (disputed %v)",
					r.Winner.Status, r.Winner.ID, len(r.Disputed) > 0, tt.want, tt.winner, tt.disputed)
			}
		})
	}
	if _, ok := ResolveRenewal(nil); ok {
		t.Error("no claims should resolve to nothing")
	}
}

func TestResolvePremiereNarrowingIsNotADispute(t *testing.T) {
	window := model.Claim{ID: 1, Kind: model.KindPremiere, Date: day("2023-summer"), StatedAt: day("2023-03-01"), Source: model.Source{Tier: model.TierTrade}}
	exact := model.Claim{ID: 2, Kind: model.KindPremiere, Date: day("2023-08-26"), StatedAt: day("2023-03-01"), Source: model.Source{Tier: model.TierTrade}}
	other := model.Claim{ID: 3, Kind: model.KindPremiere, Date: day("2023-10-01"), StatedAt: day("2023-03-01"), Source: model.Source{Tier: model.TierTrade}}
	r, _ := ResolvePremiere([]model.Claim{window, exact})
	if len(r.Disputed) != 0 {
		t.Errorf("a day inside the announced window was reported as a dispute: %+v", r.Disputed)
	}
	r, _ = ResolvePremiere([]model.Claim{window, exact, other})
	if len(r.Disputed) == 0 {
		t.Error("a date outside the window from a source of the same rank should dispute it")
	}
}

func TestKnownHonoursStateAndDate(t *testing.T) {
	accepted := renewal(1, model.StatusRenewed, model.TierTrade, "2023-01-10")
	rejected := renewal(2, model.StatusCanceled, model.TierTrade, "2023-01-10")
	rejected.State = model.StateRejected
	proposed := renewal(3, model.StatusCanceled, model.TierTrade, "2023-01-10")
	proposed.State = model.StateProposed
	later := renewal(4, model.StatusCanceled, model.TierTrade, "2023-05-10")
	got := Known([]model.Claim{accepted, rejected, proposed, later}, day("2023-03-01"))
	if len(got) != 1 || got[0].ID != 1 {
		t.Errorf("Known = %+v, want only claim 1", got)
	}
}

func TestProviderStatus(t *testing.T) {
	for in, want := range map[string]model.RenewalStatus{
		"Running":          model.StatusRenewed,
		"Ended":            model.StatusEndedFinalSeason,
		"To Be Determined": model.StatusAwaitingDecision,
		"In Development":   model.StatusInDevelopment,
		"":                 model.StatusUnknown,
		"Pilot":            model.StatusUnknown,
	} {
		if got := ProviderStatus(in); got != want {
			t.Errorf("ProviderStatus(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestOutlookFallsBackOnProvider(t *testing.T) {
	seen := time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)
	d := ShowData{Show: model.Show{Title: "Example", TVmazeID: 7, ProviderStatus: "To Be Determined", ProviderSeenAt: seen, Premiered: day("2021-04-01")},
		Seasons: []model.Season{{Number: 1, Premiere: day("2021-04-01")}, {Number: 2, Premiere: day("2022-04-01")}}}
	o, err := ComposeOutlook(d, 3, day("2023-08-01"))
	if err != nil {
		t.Fatal(err)
	}
	if o.Renewal.Status != model.StatusAwaitingDecision || o.Renewal.Evidence[0].Source.Tier != model.TierProvider {
		t.Errorf("season 3: %s from %+v, want awaiting_decision from the provider", o.Renewal.Status, o.Renewal.Evidence)
	}
	if o.PreviousPremiere == nil || o.PreviousPremiere.Date.String() != "2022-04-01" {
		t.Errorf("previous premiere %+v, want season 2's, 2022-04-01", o.PreviousPremiere)
	}
	// Before the provider's record was current, its status is not known.
	o, _ = ComposeOutlook(d, 3, day("2023-01-01"))
	if o.Renewal.Status != model.StatusUnknown {
		t.Errorf("as of before the provider data: %s, want unknown", o.Renewal.Status)
	}
	// A season that has premiered happened.
	o, _ = ComposeOutlook(d, 2, day("2023-08-01"))
	if o.Renewal.Status != model.StatusRenewed {
		t.Errorf("season 2, which aired: %s, want renewed", o.Renewal.Status)
	}
	// A claim outranks the provider.
	d.Claims = []model.Claim{renewal(1, model.StatusCanceled, model.TierTrade, "2023-07-15")}
	d.Claims[0].Season = 3
	o, _ = ComposeOutlook(d, 3, day("2023-08-01"))
	if o.Renewal.Status != model.StatusCanceled || o.Renewal.Since == nil || o.Renewal.Since.String() != "2023-07-15" {
		t.Errorf("with a trade claim: %s since %v, want canceled since 2023-07-15", o.Renewal.Status, o.Renewal.Since)
	}
	if _, err := ComposeOutlook(d, 5, day("2023-08-01")); err == nil {
		t.Error("season 5 of a show with two seasons should have no outlook")
	}
}

package facts

import "github.com/nextseason/nextseason/internal/model"

// TVmaze's show statuses, verbatim.
const (
	TVmazeRunning        = "Running"
	TVmazeEnded          = "Ended"
	TVmazeToBeDetermined = "To Be Determined"
	TVmazeInDevelopment  = "In Development"
)

// ProviderStatus maps a TVmaze show status to the renewal status of the
// show's next season, used when no claim says more:
//
//   - Running: the show goes on, so renewed;
//   - To Be Determined: awaiting decision;
//   - In Development: in development;
//   - Ended: ended_final_season. TVmaze does not say whether a show was
//     canceled or concluded; "no further season" is all it asserts, and the
//     evidence says so.
//
// Anything else is unknown.
func ProviderStatus(tvmazeStatus string) model.RenewalStatus {
	switch tvmazeStatus {
	case TVmazeRunning:
		return model.StatusRenewed
	case TVmazeToBeDetermined:
		return model.StatusAwaitingDecision
	case TVmazeInDevelopment:
		return model.StatusInDevelopment
	case TVmazeEnded:
		return model.StatusEndedFinalSeason
	}
	return model.StatusUnknown
}

// Package client is a Go client of nextseason's JSON API (/api/v1),
// written on its OpenAPI document (api/openapi.json): one method per
// operation, answering the very Go types the server writes (the type
// names below are aliases of them). The server's tests call the API
// through it, so it moves with the API.
//
//	c := client.New("https://tv.example", os.Getenv("NEXTSEASON_TOKEN"), nil)
//	o, err := c.Outlook(ctx, "partner-track", 2, "")
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/api"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/imports"
	"github.com/nextseason/nextseason/internal/recommend"
)

// What the API answers and takes.
type (
	ShowHit        = api.ShowHit
	Show           = api.Show
	Claim          = api.Claim
	Outlook        = facts.Outlook
	Odds           = answer.OddsAnswer
	Me             = api.Me
	Follow         = api.FollowView
	FollowRequest  = api.FollowRequest
	Event          = api.EventView
	Webhook        = api.WebhookView
	Delivery       = api.SentView
	Recommendation = recommend.Recommendation
	QueuedClaim    = api.QueuedClaim
	Decision       = api.Decision
	Feed           = api.Feed
	Export         = imports.Export
	ImportReport   = imports.Report
)

// Error is an answer other than success: its status, and the API's
// error code and message.
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string {
	return fmt.Sprintf("nextseason API: %d %s: %s", e.Status, e.Code, e.Message)
}

// IsStatus reports whether err is an API answer with that status.
func IsStatus(err error, status int) bool {
	var e *Error
	return errors.As(err, &e) && e.Status == status
}

// Client calls one nextseason.
type Client struct {
	base  string
	token string
	http  *http.Client
}

// New makes a client of the nextseason at baseURL, sending token (an API
// token; "" for the public operations) as a bearer token, through hc
// (nil: a client with a 30-second timeout).
func New(baseURL, token string, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	return &Client{base: strings.TrimRight(baseURL, "/"), token: token, http: hc}
}

// maxAnswer bounds an answer's body.
const maxAnswer = 32 << 20

// call sends a request and decodes a success's JSON into out (nil: the
// body is dropped); any other status is an *Error.
func (c *Client) call(ctx context.Context, method, path string, query url.Values, body, out any) error {
	raw, err := c.send(ctx, method, path, query, body)
	if err != nil || out == nil {
		return err
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("nextseason API: %s %s: the answer is not what was expected: %w", method, path, err)
	}
	return nil
}

// send sends a request and returns a success's body.
func (c *Client) send(ctx context.Context, method, path string, query url.Values, body any) ([]byte, error) {
	var in io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		in = bytes.NewReader(b)
	}
	u := c.base + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, in)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return raw, nil
	}
	e := &Error{Status: resp.StatusCode, Message: http.StatusText(resp.StatusCode)}
	var apiErr httpx.APIError
	if json.Unmarshal(raw, &apiErr) == nil && apiErr.Error.Code != "" {
		e.Code, e.Message = apiErr.Error.Code, apiErr.Error.Message
	}
	return nil, e
}

func seasonPath(slug string, season int, what string) string {
	return "/api/v1/shows/" + url.PathEscape(slug) + "/seasons/" + strconv.Itoa(season) + "/" + what
}

func asOfQuery(asOf string) url.Values {
	if asOf == "" {
		return nil
	}
	return url.Values{"as_of": {asOf}}
}

// SearchShows finds shows by what a person typed, best first; limit 0
// takes the server's default.
func (c *Client) SearchShows(ctx context.Context, q string, limit int) ([]ShowHit, error) {
	query := url.Values{"q": {q}}
	if limit > 0 {
		query.Set("limit", strconv.Itoa(limit))
	}
	var out []ShowHit
	return out, c.call(ctx, "GET", "/api/v1/shows", query, nil, &out)
}

// Show is a show with its seasons, by slug or title.
func (c *Client) Show(ctx context.Context, slug string) (Show, error) {
	var out Show
	return out, c.call(ctx, "GET", "/api/v1/shows/"+url.PathEscape(slug), nil, nil, &out)
}

// Claims lists every claim about a show, in any review state.
func (c *Client) Claims(ctx context.Context, slug string) ([]Claim, error) {
	var out []Claim
	return out, c.call(ctx, "GET", "/api/v1/shows/"+url.PathEscape(slug)+"/claims", nil, nil, &out)
}

// Outlook is everything known about a season as of asOf (YYYY-MM-DD;
// "" is today).
func (c *Client) Outlook(ctx context.Context, slug string, season int, asOf string) (Outlook, error) {
	var out Outlook
	return out, c.call(ctx, "GET", seasonPath(slug, season, "outlook"), asOfQuery(asOf), nil, &out)
}

// Odds are a season's renewal odds as of asOf, or its decision.
func (c *Client) Odds(ctx context.Context, slug string, season int, asOf string) (Odds, error) {
	var out Odds
	return out, c.call(ctx, "GET", seasonPath(slug, season, "odds"), asOfQuery(asOf), nil, &out)
}

// Me is the token's account.
func (c *Client) Me(ctx context.Context) (Me, error) {
	var out Me
	return out, c.call(ctx, "GET", "/api/v1/me", nil, nil, &out)
}

// SetEmailAlerts turns the account's mail on or off.
func (c *Client) SetEmailAlerts(ctx context.Context, on bool) (Me, error) {
	var out Me
	return out, c.call(ctx, "PATCH", "/api/v1/me", nil, api.PatchMeRequest{EmailAlerts: &on}, &out)
}

// NewFeedToken replaces the account's feed token: the old calendar and
// feed URLs stop working.
func (c *Client) NewFeedToken(ctx context.Context) (Me, error) {
	var out Me
	return out, c.call(ctx, "POST", "/api/v1/me/feed-token", nil, nil, &out)
}

// Calendar is the private iCalendar of the account whose feed token is
// given.
func (c *Client) Calendar(ctx context.Context, feedToken string) ([]byte, error) {
	return c.send(ctx, "GET", "/api/v1/me/calendar.ics", url.Values{"token": {feedToken}}, nil)
}

// AtomFeed is the private Atom feed of the account whose feed token is
// given.
func (c *Client) AtomFeed(ctx context.Context, feedToken string) ([]byte, error) {
	return c.send(ctx, "GET", "/api/v1/me/feed.atom", url.Values{"token": {feedToken}}, nil)
}

// Follows lists the account's follows of shows and people.
func (c *Client) Follows(ctx context.Context) ([]Follow, error) {
	var out []Follow
	return out, c.call(ctx, "GET", "/api/v1/me/follows", nil, nil, &out)
}

// Follow follows a show (or changes the follow), or a person.
func (c *Client) Follow(ctx context.Context, f FollowRequest) (Follow, error) {
	var out Follow
	return out, c.call(ctx, "POST", "/api/v1/me/follows", nil, f, &out)
}

// Unfollow ends a follow of a show or a person.
func (c *Client) Unfollow(ctx context.Context, f FollowRequest) error {
	return c.call(ctx, "DELETE", "/api/v1/me/follows", nil, f, nil)
}

// Events lists changes about followed shows and people, newest first;
// limit 0 takes the server's default.
func (c *Client) Events(ctx context.Context, limit int) ([]Event, error) {
	var query url.Values
	if limit > 0 {
		query = url.Values{"limit": {strconv.Itoa(limit)}}
	}
	var out []Event
	return out, c.call(ctx, "GET", "/api/v1/me/events", query, nil, &out)
}

// Webhooks lists the account's webhook endpoints.
func (c *Client) Webhooks(ctx context.Context) ([]Webhook, error) {
	var out []Webhook
	return out, c.call(ctx, "GET", "/api/v1/me/webhooks", nil, nil, &out)
}

// AddWebhook adds an endpoint; the answer holds its signing secret, shown
// only this once.
func (c *Client) AddWebhook(ctx context.Context, endpoint string) (Webhook, error) {
	var out Webhook
	return out, c.call(ctx, "POST", "/api/v1/me/webhooks", nil, api.WebhookRequest{URL: endpoint}, &out)
}

// DeleteWebhook deletes an endpoint.
func (c *Client) DeleteWebhook(ctx context.Context, id int64) error {
	return c.call(ctx, "DELETE", "/api/v1/me/webhooks/"+strconv.FormatInt(id, 10), nil, nil, nil)
}

// TestWebhook queues a signed test to an endpoint (Webhooks shows how it
// went).
func (c *Client) TestWebhook(ctx context.Context, id int64) error {
	return c.call(ctx, "POST", "/api/v1/me/webhooks/"+strconv.FormatInt(id, 10)+"/test", nil, nil, nil)
}

// TestMail queues a test mail to the account.
func (c *Client) TestMail(ctx context.Context) error {
	return c.call(ctx, "POST", "/api/v1/me/test-mail", nil, nil, nil)
}

// Deliveries is the account's delivery history, newest first.
func (c *Client) Deliveries(ctx context.Context) ([]Delivery, error) {
	var out []Delivery
	return out, c.call(ctx, "GET", "/api/v1/me/deliveries", nil, nil, &out)
}

// RecommendationOptions shape Recommendations; zero values take the
// server's defaults.
type RecommendationOptions struct {
	Limit              int
	CompleteOnly       bool
	NoOneSeasonCancels bool
	BoostRenewed       bool
}

// Recommendations are shows recommended to the account, with reasons.
func (c *Client) Recommendations(ctx context.Context, o RecommendationOptions) ([]Recommendation, error) {
	query := url.Values{}
	if o.Limit > 0 {
		query.Set("limit", strconv.Itoa(o.Limit))
	}
	for name, on := range map[string]bool{"complete_only": o.CompleteOnly, "no_one_season_cancels": o.NoOneSeasonCancels, "boost_renewed": o.BoostRenewed} {
		if on {
			query.Set(name, "true")
		}
	}
	var out []Recommendation
	return out, c.call(ctx, "GET", "/api/v1/me/recommendations", query, nil, &out)
}

// ExportFollows is the account's follows, people, webhook URLs and mail
// setting, as Import reads them back.
func (c *Client) ExportFollows(ctx context.Context) (Export, error) {
	var out Export
	return out, c.call(ctx, "GET", "/api/v1/me/export", nil, nil, &out)
}

// Import follows what file lists (nextseason's export, or a JSON file of
// Trakt's export, as read from disk); dry, it only says what it would do.
func (c *Client) Import(ctx context.Context, file []byte, dryRun bool) (ImportReport, error) {
	var query url.Values
	if dryRun {
		query = url.Values{"dry_run": {"true"}}
	}
	var out ImportReport
	return out, c.call(ctx, "POST", "/api/v1/me/import", query, json.RawMessage(file), &out)
}

// ReviewQueue lists the claims waiting for an editor.
func (c *Client) ReviewQueue(ctx context.Context) ([]QueuedClaim, error) {
	var out []QueuedClaim
	return out, c.call(ctx, "GET", "/api/v1/review", nil, nil, &out)
}

// Accept accepts a claim; d.Show links it to another show.
func (c *Client) Accept(ctx context.Context, id int64, d Decision) (Claim, error) {
	var out Claim
	return out, c.call(ctx, "POST", "/api/v1/claims/"+strconv.FormatInt(id, 10)+"/accept", nil, d, &out)
}

// Reject rejects a claim.
func (c *Client) Reject(ctx context.Context, id int64) (Claim, error) {
	var out Claim
	return out, c.call(ctx, "POST", "/api/v1/claims/"+strconv.FormatInt(id, 10)+"/reject", nil, Decision{}, &out)
}

// Feeds lists the news feeds polled.
func (c *Client) Feeds(ctx context.Context) ([]Feed, error) {
	var out []Feed
	return out, c.call(ctx, "GET", "/api/v1/feeds", nil, nil, &out)
}

// AddFeed subscribes to a news feed of a source tier (official, trade,
// interview, report, rumor).
func (c *Client) AddFeed(ctx context.Context, feedURL, tier string) (Feed, error) {
	var out Feed
	return out, c.call(ctx, "POST", "/api/v1/feeds", nil, api.FeedRequest{URL: feedURL, Tier: tier}, &out)
}

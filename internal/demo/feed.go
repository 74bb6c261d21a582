package demo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/nextseason/nextseason/internal/feeds"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// FeedURL is the address of the demo's bundled feed (data/feed.xml). Its
// host is under .invalid, which resolves nowhere: only FeedTransport
// answers it, so the demo polls a feed without reaching the internet or
// loosening the checks on the addresses feeds may reach.
const FeedURL = "https://demo-feed.nextseason.invalid/news.xml"

// SubscribeFeed subscribes the store to the bundled feed, at the report
// tier: its claims wait for an editor. Subscribing again changes nothing.
// It returns a line saying what it did.
func SubscribeFeed(ctx context.Context, st *store.Store) (string, error) {
	f, err := feeds.Subscribe(ctx, st, FeedURL, string(model.TierReport))
	if errors.Is(err, feeds.ErrSubscribed) {
		return "feed.xml: already subscribed", nil
	}
	if err != nil {
		return "", err
	}
	return "feed.xml: subscribed as feed " + strconv.FormatInt(f.ID, 10) + " (" + FeedURL + ")", nil
}

// FeedTransport answers GET requests for FeedURL with the bundled feed
// (with an ETag, so a conditional request gets 304) and passes every
// other request to next.
func FeedTransport(next http.RoundTripper) http.RoundTripper {
	body := mustRead("data/feed.xml")
	sum := sha256.Sum256(body)
	return feedTransport{next: next, body: body, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
}

type feedTransport struct {
	next http.RoundTripper
	body []byte
	etag string
}

func (t feedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.String() != FeedURL {
		return t.next.RoundTrip(req)
	}
	if req.Body != nil {
		req.Body.Close()
	}
	resp := &http.Response{
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Request: req,
		Header: http.Header{"Etag": {t.etag}, "Content-Type": {"application/rss+xml; charset=utf-8"}},
	}
	switch {
	case req.Method != http.MethodGet:
		resp.StatusCode, resp.Body = http.StatusMethodNotAllowed, http.NoBody
	case req.Header.Get("If-None-Match") == t.etag:
		resp.StatusCode, resp.Body = http.StatusNotModified, http.NoBody
	default:
		resp.StatusCode, resp.Body, resp.ContentLength = http.StatusOK, io.NopCloser(bytes.NewReader(t.body)), int64(len(t.body))
	}
	resp.Status = strconv.Itoa(resp.StatusCode) + " " + http.StatusText(resp.StatusCode)
	return resp, nil
}

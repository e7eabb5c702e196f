package articles

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Defaults of FetchOptions.
const (
	DefaultFetchTimeout  = 30 * time.Second
	DefaultFetchMaxBytes = 32 << 20
	DefaultUserAgent     = "diplograph (article loader; +https://github.com/diplograph/diplograph)"
)

// FetchOptions tunes the loading of http and https addresses. Its zero
// value uses the defaults.
type FetchOptions struct {
	Client    *http.Client  // the client; http.DefaultClient when nil
	Timeout   time.Duration // the whole request, body included; DefaultFetchTimeout when 0
	MaxBytes  int64         // largest body; DefaultFetchMaxBytes when 0 or less
	UserAgent string        // the User-Agent header; DefaultUserAgent when empty
}

// fetch GETs an address and returns its body, cut off past MaxBytes, and
// the kind its Content-Type or extension names ("" when neither does).
func fetch(ctx context.Context, addr string, o FetchOptions) (io.ReadCloser, Kind, error) {
	bad := func(format string, args ...any) error {
		return &InputError{Path: addr, Err: ErrFetch, Reason: fmt.Sprintf(format, args...)}
	}
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" {
		return nil, "", bad("not a web address: %v", err)
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultFetchTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultFetchMaxBytes
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	client := o.Client
	if client == nil {
		client = http.DefaultClient
	}
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		cancel()
		return nil, "", bad("%v", err)
	}
	req.Header.Set("User-Agent", o.UserAgent)
	req.Header.Set("Accept", "text/html, application/rss+xml, application/atom+xml, "+
		"application/feed+json, application/json, text/csv, text/plain;q=0.9, */*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		cancel()
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, "", bad("no answer within %v", o.Timeout)
		}
		return nil, "", bad("%v", unwrapURLError(err))
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		cancel()
		return nil, "", bad("the server answered %s", resp.Status)
	}
	if resp.ContentLength > o.MaxBytes {
		resp.Body.Close()
		cancel()
		return nil, "", bad("the body is %d bytes, over the limit of %d", resp.ContentLength,
			o.MaxBytes)
	}
	kind := kindOfContentType(resp.Header.Get("Content-Type"))
	if kind == "" {
		if k, _, ok := kindOfName(u.Path); ok {
			kind = k
		}
	}
	body := &fetched{r: resp.Body, left: o.MaxBytes, addr: addr, timeout: o.Timeout,
		close: func() { resp.Body.Close(); cancel() }}
	return body, kind, nil
}

// fetched is a response body that fails past its size limit and names
// a timeout as such.
type fetched struct {
	r       io.Reader
	left    int64
	addr    string
	timeout time.Duration
	close   func()
}

func (f *fetched) Read(p []byte) (int, error) {
	tooLarge := &InputError{Path: f.addr, Err: ErrTooLarge,
		Reason: "the body is over the fetch limit"}
	if f.left < 0 {
		return 0, tooLarge
	}
	n, err := f.r.Read(p[:min(int64(len(p)), f.left+1)])
	f.left -= int64(n)
	if f.left < 0 {
		return n - 1, tooLarge
	}
	if errors.Is(err, context.DeadlineExceeded) {
		err = &InputError{Path: f.addr, Err: ErrFetch,
			Reason: fmt.Sprintf("the body did not arrive within %v", f.timeout)}
	}
	return n, err
}

func (f *fetched) Close() error { f.close(); return nil }

// unwrapURLError drops the "Get URL:" prefix of an *url.Error.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// healthCmd is `diplograph health`: it asks a running server whether it is
// ready (/readyz: the store answers) or, with --live, only up (/healthz),
// and exits 0 when it is, 1 with the reason when not. It is the container
// healthcheck: distroless images have no shell or curl.
func healthCmd(ctx context.Context, args []string) int {
	fs := newFlags("health", "[--addr HOST:PORT] [--live] [--timeout 5s]")
	addr := fs.String("addr", envOr("DIPLOGRAPH_ADDR", "127.0.0.1:8080"),
		"address the server listens on (0.0.0.0 and :: are probed on loopback)")
	live := fs.Bool("live", false, "check only that the process answers (/healthz), not the store")
	timeout := fs.Duration("timeout", 5*time.Second, "give up after this long")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	path := "/readyz"
	if *live {
		path = "/healthz"
	}
	url, err := probeURL(*addr, path)
	if err != nil {
		return fail(err)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	if err := probe(ctx, url); err != nil {
		return fail(fmt.Errorf("health: %w", err))
	}
	fmt.Println("ok", url)
	return 0
}

// probeURL turns a listen address into the URL to probe: a wildcard or
// empty host is reached on loopback.
func probeURL(addr, path string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("health: address %q: want HOST:PORT: %w", addr, err)
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + path, nil
}

// probe GETs url and returns nil on 200, else an error naming the status
// and the server's reason.
func probe(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s: %s", url, resp.Status, strings.TrimSpace(string(body)))
	}
	return nil
}

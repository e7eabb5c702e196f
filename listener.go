package main

import (
	"log/slog"
	"net"
	"os"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

// limitListener accepts at most n connections at once: past that, Accept
// waits until one closes, and the rest queue in the kernel's backlog. The
// gauge counts the open connections.
func limitListener(l net.Listener, n int, open prometheus.Gauge) net.Listener {
	if n <= 0 {
		return l
	}
	return &capped{Listener: l, slots: make(chan struct{}, n), open: open,
		closed: make(chan struct{})}
}

type capped struct {
	net.Listener
	slots     chan struct{}
	open      prometheus.Gauge
	warn      sync.Once
	closed    chan struct{}
	closeOnce sync.Once
}

// Close stops the listener, and an Accept waiting for a free slot.
func (c *capped) Close() error {
	c.closeOnce.Do(func() { close(c.closed) })
	return c.Listener.Close()
}

func (c *capped) Accept() (net.Conn, error) {
	select {
	case c.slots <- struct{}{}:
	default:
		c.warn.Do(func() {
			slog.Warn("connection limit reached; new connections wait", "limit", cap(c.slots))
		})
		select {
		case c.slots <- struct{}{}:
		case <-c.closed:
			return nil, net.ErrClosed
		}
	}
	conn, err := c.Listener.Accept()
	if err != nil {
		<-c.slots
		return nil, err
	}
	c.open.Inc()
	return &cappedConn{Conn: conn, release: func() { c.open.Dec(); <-c.slots }}, nil
}

type cappedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *cappedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}

// setupLogging makes slog write text or JSON lines to stderr.
func setupLogging(format string) error {
	var h slog.Handler
	switch format {
	case "text", "":
		h = slog.NewTextHandler(os.Stderr, nil)
	case "json":
		h = slog.NewJSONHandler(os.Stderr, nil)
	default:
		return &flagError{flag: "log-format", value: format, want: "text or json"}
	}
	slog.SetDefault(slog.New(h))
	return nil
}

// flagError is a flag value that is not one of the accepted ones.
type flagError struct{ flag, value, want string }

func (e *flagError) Error() string {
	return "--" + e.flag + " " + e.value + ": want " + e.want
}

package graph

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// wsConn is the state of one websocket connection, kept in its context:
// the subscriptions it holds, and how to end it.
type wsConn struct {
	mu       sync.Mutex
	subs     int
	max      int
	idleFrom time.Time // when the last subscription ended; zero while any runs
	cancel   context.CancelFunc
	raw      net.Conn // the TCP connection, when the server recorded it
	done     chan struct{}
}

const wsConnKey ctxKey = iota + 200

type netConnKey struct{}

// WithNetConn records c in ctx; set it as http.Server.ConnContext so that a
// websocket whose writes are stuck on a client that never reads can be
// closed at the TCP level.
func WithNetConn(ctx context.Context, c net.Conn) context.Context {
	return context.WithValue(ctx, netConnKey{}, c)
}

// websockets wraps the handler of websocket upgrades: it clears the read
// and write deadlines the http.Server set (the websocket's own keep-alive
// takes over), caps the subscriptions of the connection, and closes a
// connection that has held no subscription for idle.
func websockets(next http.Handler, perConn int, idle time.Duration, gauge func(int)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Header.Get("Upgrade") == "" {
			next.ServeHTTP(w, req)
			return
		}
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Time{})
		_ = rc.SetWriteDeadline(time.Time{})
		ctx, cancel := context.WithCancel(req.Context())
		c := &wsConn{max: perConn, idleFrom: time.Now(), cancel: cancel,
			done: make(chan struct{})}
		defer c.stop()
		c.raw, _ = req.Context().Value(netConnKey{}).(net.Conn)
		defer close(c.done)
		if gauge != nil {
			gauge(1)
			defer gauge(-1)
		}
		go c.watchIdle(idle)
		next.ServeHTTP(w, req.WithContext(context.WithValue(ctx, wsConnKey, c)))
	})
}

// watchIdle ends the connection once it has held no subscription for idle.
func (c *wsConn) watchIdle(idle time.Duration) {
	t := time.NewTicker(max(idle/4, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-t.C:
			c.mu.Lock()
			expired := c.subs == 0 && time.Since(c.idleFrom) > idle
			c.mu.Unlock()
			if expired {
				c.kill(2 * time.Second)
				return
			}
		}
	}
}

// acquire counts one more subscription on the connection of ctx, if any,
// and returns its release.
func acquire(ctx context.Context) (func(), error) {
	c, _ := ctx.Value(wsConnKey).(*wsConn)
	if c == nil {
		return func() {}, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.subs >= c.max {
		return nil, fmt.Errorf("%w: a connection may hold %d", ErrTooManySubscriptions, c.max)
	}
	c.subs++
	var once sync.Once
	return func() {
		once.Do(func() {
			c.mu.Lock()
			c.subs--
			if c.subs == 0 {
				c.idleFrom = time.Now()
			}
			c.mu.Unlock()
		})
	}, nil
}

// connOf returns the websocket connection of ctx, or nil.
func connOf(ctx context.Context) *wsConn {
	c, _ := ctx.Value(wsConnKey).(*wsConn)
	return c
}

// stop cancels the connection's context.
func (c *wsConn) stop() { c.cancel() }

// kill ends the connection: its context is cancelled, which makes gqlgen
// close the websocket, and if it has not ended after grace (a write stuck
// on a peer that does not read), the TCP connection is closed under it.
func (c *wsConn) kill(grace time.Duration) {
	c.stop()
	if c.raw == nil {
		return
	}
	go func() {
		select {
		case <-c.done:
		case <-time.After(grace):
			c.raw.Close()
		}
	}()
}

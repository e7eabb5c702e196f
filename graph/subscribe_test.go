package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// wsClient speaks graphql-transport-ws to a test server.
type wsClient struct {
	t *testing.T
	c *websocket.Conn
}

type wsMsg struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func dialWS(t *testing.T, srv *httptest.Server) *wsClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http"),
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	c.SetReadLimit(1 << 20)
	t.Cleanup(func() { c.CloseNow() })
	w := &wsClient{t: t, c: c}
	w.send(wsMsg{Type: "connection_init"})
	if m := w.read(); m.Type != "connection_ack" {
		t.Fatalf("after connection_init got %+v; want connection_ack", m)
	}
	return w
}

func (w *wsClient) send(m wsMsg) {
	w.t.Helper()
	b, _ := json.Marshal(m)
	if err := w.c.Write(context.Background(), websocket.MessageText, b); err != nil {
		w.t.Fatalf("write: %v", err)
	}
}

// read returns the next message other than a ping (answered) or pong; a
// closed connection is a message of type "closed: …".
func (w *wsClient) read() wsMsg {
	w.t.Helper()
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, b, err := w.c.Read(ctx)
		cancel()
		if err != nil {
			return wsMsg{Type: "closed: " + err.Error()}
		}
		var m wsMsg
		if err := json.Unmarshal(b, &m); err != nil {
			w.t.Fatalf("message %s: %v", b, err)
		}
		switch m.Type {
		case "ping":
			w.send(wsMsg{Type: "pong"})
		case "pong":
		default:
			return m
		}
	}
}

func (w *wsClient) subscribe(id string) {
	w.send(wsMsg{ID: id, Type: "subscribe",
		Payload: json.RawMessage(`{"query": "subscription { relationAdded { id } }"}`)})
}

func wsServer(t *testing.T, r func(*graph.Resolver), o graph.Options) (*httptest.Server, *api) {
	t.Helper()
	a := embeddedAPI(t, o)
	if r != nil {
		r(a.r)
	}
	srv := httptest.NewUnstartedServer(a.h)
	srv.Config.ConnContext = graph.WithNetConn
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, a
}

// relations returns n distinct relations.
func relations(n int) []schema.Relation {
	out := make([]schema.Relation, n)
	for i := range out {
		out[i] = schema.Relation{ID: fmt.Sprintf("relation:%d", i), Type: schema.Met,
			Source: "a", Target: "b"}
	}
	return out
}

// waitSubs waits until the broker holds n subscriptions.
func waitSubs(t *testing.T, b *graph.Broker, n int) {
	t.Helper()
	for start := time.Now(); b.Len() != n; time.Sleep(10 * time.Millisecond) {
		if time.Since(start) > 10*time.Second {
			t.Fatalf("broker holds %d subscriptions; want %d", b.Len(), n)
		}
	}
}

func TestSubscriptionCaps(t *testing.T) {
	srv, a := wsServer(t, func(r *graph.Resolver) { r.Events = graph.NewBrokerLimit(12) },
		graph.Options{SubscriptionsPerConn: 10})
	w := dialWS(t, srv)
	for i := range 11 {
		w.subscribe(fmt.Sprint(i))
	}
	if m := w.read(); !strings.Contains(string(m.Payload), graph.CodeLimit) {
		t.Errorf("11th subscription on one connection: %s %s; want an error coded %s", m.Type,
			m.Payload, graph.CodeLimit)
	}
	waitSubs(t, a.r.Events, 10)
	w2 := dialWS(t, srv)
	for i := range 3 {
		w2.subscribe(fmt.Sprint(i))
	}
	if m := w2.read(); !strings.Contains(string(m.Payload), "the server holds its limit") {
		t.Errorf("13th subscription on the server: %s %s; want it refused", m.Type, m.Payload)
	}
	waitSubs(t, a.r.Events, 12)
}

// TestFastReaderGetsEveryRelation is the reproduction of a reader that
// silently missed 277 of 380 relations published at once.
func TestFastReaderGetsEveryRelation(t *testing.T) {
	srv, a := wsServer(t, nil, graph.Options{})
	w := dialWS(t, srv)
	w.subscribe("1")
	waitSubs(t, a.r.Events, 1)
	a.r.Events.Publish(relations(380))
	for i := range 380 {
		if m := w.read(); m.Type != "next" {
			t.Fatalf("message %d: %+v; want the next relation", i, m)
		}
	}
}

// TestSlowConsumerIsToldAndDropped: a subscriber that falls behind by more
// than the broker's buffer is ended with SUBSCRIPTION_DROPPED, never left
// to miss relations silently, and the broker stops holding it.
func TestSlowConsumerIsToldAndDropped(t *testing.T) {
	srv, a := wsServer(t, nil, graph.Options{})
	w := dialWS(t, srv)
	w.subscribe("1")
	waitSubs(t, a.r.Events, 1)
	a.r.Events.Publish(relations(3000)) // far more than any buffer, all at once
	waitSubs(t, a.r.Events, 0)
	got, dropped := 0, false
	for !dropped {
		m := w.read()
		switch {
		case m.Type == "next":
			got++
		case m.Type == "error" && strings.Contains(string(m.Payload), graph.CodeDropped):
			dropped = true
		default:
			t.Fatalf("after %d relations: %+v; want more or the drop signal", got, m)
		}
	}
	if got >= 3000 {
		t.Errorf("got all %d relations; want the subscriber dropped", got)
	}
}

// TestNonReadingClientsAreBounded is the reproduction of clients that
// subscribe and never read (100 × 100 took the server from 78 MB to
// 916 MB): each connection holds at most 10 subscriptions, a subscriber
// behind by the broker's buffer is dropped, and each is told.
func TestNonReadingClientsAreBounded(t *testing.T) {
	srv, a := wsServer(t, nil, graph.Options{})
	before := heapAfterGC()
	var clients []*wsClient
	for range 20 {
		w := dialWS(t, srv)
		for i := range 100 {
			w.subscribe(fmt.Sprint(i))
		}
		clients = append(clients, w)
	}
	waitSubs(t, a.r.Events, 200)
	for range 10 {
		a.r.Events.Publish(relations(200))
	}
	waitSubs(t, a.r.Events, 0)
	grown := int64(heapAfterGC()) - int64(before)
	t.Logf("heap growth with 20 clients × 100 subscriptions not reading: %d MB", grown>>20)
	if grown > 100<<20 {
		t.Errorf("heap grew %d MB; want under 100 MB", grown>>20)
	}
	for i, w := range clients[:3] {
		drops, closed := 0, false
		for drops < 10 && !closed {
			m := w.read()
			closed = strings.HasPrefix(m.Type, "closed")
			if m.Type == "error" && strings.Contains(string(m.Payload), graph.CodeDropped) {
				drops++
			}
		}
		if drops < 10 && !closed {
			t.Errorf("client %d was told of %d drops of its 10 subscriptions and not "+
				"disconnected; want all told, or the connection closed", i, drops)
		}
	}
}

// TestIdleWebsocketClosed: a websocket that holds no subscription is
// closed after the idle timeout instead of being held forever.
func TestIdleWebsocketClosed(t *testing.T) {
	srv, _ := wsServer(t, nil, graph.Options{WSIdleTimeout: 300 * time.Millisecond})
	w := dialWS(t, srv)
	start := time.Now()
	if m := w.read(); !strings.HasPrefix(m.Type, "closed") {
		t.Fatalf("idle websocket got %+v; want it closed", m)
	}
	if took := time.Since(start); took > 8*time.Second {
		t.Errorf("idle websocket closed after %v; want soon after 300 ms", took)
	}
}

// TestClientStopWhileDropped: a client that stops a subscription (complete)
// just as the server drops it for falling behind gets one clean end, and the
// connection goes on. The stop is swept across the moment of the drop; under
// -race this caught the drop error being written by the resolver while
// gqlgen, woken by the stop, read it.
func TestClientStopWhileDropped(t *testing.T) {
	srv, a := wsServer(t, nil, graph.Options{})
	w := dialWS(t, srv)
	for i := range 40 {
		id := fmt.Sprint(i)
		w.subscribe(id)
		waitSubs(t, a.r.Events, 1)
		a.r.Events.Publish(relations(2000))
		stopAt := 495 + i // about where the buffered relations run out
		for got, ended := 0, false; !ended; {
			m := w.read()
			switch {
			case m.Type == "next" && m.ID == id:
				if got++; got == stopAt {
					w.send(wsMsg{ID: id, Type: "complete"})
				}
			case m.Type == "complete" && m.ID == id:
				ended = true
			case m.Type == "error" && m.ID == id &&
				strings.Contains(string(m.Payload), graph.CodeDropped):
				ended = true
			default:
				t.Fatalf("subscription %s after %d relations: %+v; want more, its end or "+
					"the drop signal", id, got, m)
			}
		}
		waitSubs(t, a.r.Events, 0)
	}
}

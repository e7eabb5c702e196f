package graph

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// maxClients bounds the client addresses the rate limiter remembers; past
// it, the least recently seen are forgotten.
const maxClients = 10_000

// rateLimiter allows each client address (the connection's remote IP) a
// token-bucket rate of requests; others are answered 429 with a
// Retry-After header and a GraphQL error coded LIMIT_EXCEEDED.
type rateLimiter struct {
	mu      sync.Mutex
	rate    rate.Limit
	burst   int
	clients map[string]*client
}

type client struct {
	lim  *rate.Limiter
	seen time.Time
}

func newRateLimiter(perSecond float64, burst int) *rateLimiter {
	return &rateLimiter{rate: rate.Limit(perSecond), burst: burst, clients: map[string]*client{}}
}

func (l *rateLimiter) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method == http.MethodOptions || l.allow(clientIP(req)) {
			next.ServeHTTP(w, req)
			return
		}
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(1/float64(l.rate)))))
		writeGraphQLError(w, http.StatusTooManyRequests, CodeLimit,
			fmt.Sprintf("rate limit of %g requests per second exceeded", float64(l.rate)))
	})
}

func (l *rateLimiter) allow(ip string) bool {
	now := time.Now()
	l.mu.Lock()
	c := l.clients[ip]
	if c == nil {
		if len(l.clients) >= maxClients {
			l.forgetOldest(now)
		}
		c = &client{lim: rate.NewLimiter(l.rate, l.burst)}
		l.clients[ip] = c
	}
	c.seen = now
	l.mu.Unlock()
	return c.lim.AllowN(now, 1)
}

// forgetOldest drops the clients idle long enough to have a full bucket,
// or, if none is, the older half.
func (l *rateLimiter) forgetOldest(now time.Time) {
	full := time.Duration(float64(l.burst)/float64(l.rate)*float64(time.Second)) + time.Second
	for ip, c := range l.clients {
		if now.Sub(c.seen) > full {
			delete(l.clients, ip)
		}
	}
	for ip := range l.clients {
		if len(l.clients) < maxClients/2 {
			break
		}
		delete(l.clients, ip)
	}
}

// clientIP is the host part of the request's remote address.
func clientIP(req *http.Request) string {
	host, _, err := net.SplitHostPort(req.RemoteAddr)
	if err != nil {
		return req.RemoteAddr
	}
	return host
}

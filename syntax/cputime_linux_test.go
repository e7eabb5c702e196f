package syntax

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time the calling thread has used, so that a
// benchmark on a busy machine can report what it costs rather than how long
// it waited for a core (callers lock the goroutine to its thread).
func threadCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_THREAD, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}

package articles

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonl reads one JSON object per line as a stream; blank lines are
// skipped and a line over MaxRecord is reported and passed over.
func (rd *reader) jsonl(r io.Reader) {
	br := bufio.NewReaderSize(r, 64<<10)
	max := rd.opts.maxRecord()
	var buf []byte
	offset := 0
	for n := 1; ; n++ {
		if rd.done() {
			return
		}
		buf = buf[:0]
		size, long := 0, false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			size += len(chunk)
			if !long && len(buf)+len(chunk) <= max+2 {
				buf = append(buf, chunk...)
			} else {
				long, buf = true, buf[:0]
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		start := offset
		offset += size
		if err == nil {
			size-- // the newline
		}
		if err != nil && err != io.EOF {
			rd.fail(err, n, 0, "%s", reasonOf(err))
			return
		}
		line := bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
		switch {
		case long:
			if !rd.fail(ErrTooLarge, n, 0, "line is %d bytes, over the limit of %d",
				size, max) {
				return
			}
		case len(bytes.TrimSpace(line)) == 0:
		default:
			if !rd.jsonLine(line, n, start) {
				return
			}
		}
		if err == io.EOF {
			return
		}
	}
}

// jsonLine reads line n, which starts at byte start, reporting whether to go on.
func (rd *reader) jsonLine(line []byte, n, start int) bool {
	if n == 1 {
		line = bytes.TrimPrefix(line, []byte("\uFEFF"))
	}
	if err := checkUTF8(rd.path, n, start, line); err != nil {
		return rd.yield(Article{}, err)
	}
	if t := bytes.TrimSpace(line); t[0] != '{' {
		return rd.fail(ErrMalformed, n, 0, "want one JSON object, got %q…", t[:min(len(t), 10)])
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return rd.fail(fmt.Errorf("%w: %w", ErrMalformed, err), n, 0,
				"malformed JSON at column %d: %v", se.Offset, err)
		}
		return rd.fail(fmt.Errorf("%w: %w", ErrMalformed, err), n, 0, "malformed JSON: %v", err)
	}
	a, err := rd.record(m, n, 0)
	return rd.yield(a, err)
}

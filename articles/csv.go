package articles

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// csv reads a CSV or TSV file as a stream: a header row, then one article
// per record ("file:LINE", the line the record starts on). Columns are found
// by their common names (title or headline, body or text or content,
// published or date…) or by Options.Fields. A record over MaxRecord ends
// the reading, since the rest of the file cannot be told apart from it.
func (rd *reader) csv(r io.Reader, sep rune) {
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, _ := br.Peek(3); string(bom) == "\uFEFF" {
		br.Discard(3)
	}
	lim := &limitReader{r: br}
	lim.reset(int64(rd.opts.maxRecord()))
	cr := csv.NewReader(lim)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = sep == '\t'
	header, err := cr.Read()
	if err == io.EOF {
		rd.fail(ErrEmpty, 0, 0, "file is empty")
		return
	}
	if err != nil {
		rd.csvError(err, lim, 1)
		return
	}
	header = append([]string(nil), header...)
	cols, err := rd.opts.Fields.columns(header)
	if err != nil {
		rd.fail(ErrMalformed, 1, 0, "%v", err)
		return
	}
	if _, ok := cols["body"]; !ok {
		rd.fail(ErrMalformed, 1, 0, "the first row is not a header naming a body column: %s",
			noBody(cols, header))
		return
	}
	index := map[string]int{}
	for i, h := range header {
		if _, dup := index[h]; !dup {
			index[h] = i
		}
	}
	for {
		if rd.done() {
			return
		}
		lim.reset(int64(rd.opts.maxRecord()))
		rec, err := cr.Read()
		if err == io.EOF {
			return
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if lim.hit || !errors.As(err, &pe) {
				rd.csvError(err, lim, line)
				return
			}
			if !rd.fail(ErrMalformed, pe.StartLine, 0, "malformed record: %v", pe.Err) {
				return
			}
			continue
		}
		size := 0
		for _, f := range rec {
			size += len(f)
		}
		if size > rd.opts.maxRecord() {
			if !rd.fail(ErrTooLarge, line, 0, "record is %d bytes, over the limit of %d", size,
				rd.opts.maxRecord()) {
				return
			}
			continue
		}
		if !rd.csvRecord(rec, line, cols, index, header) {
			return
		}
	}
}

// csvRecord turns one record into an article, reporting whether to go on.
func (rd *reader) csvRecord(rec []string, line int, cols map[string]string,
	index map[string]int, header []string,
) bool {
	for i, f := range rec {
		if !utf8.ValidString(f) {
			return rd.fail(ErrInvalidUTF8, line, 0, "column %q is not valid UTF-8", header[i])
		}
	}
	get := func(f string) string {
		c, ok := cols[f]
		if !ok || index[c] >= len(rec) {
			return ""
		}
		return rec[index[c]]
	}
	a, ok := fromFields(rd.path+":"+strconv.Itoa(line), get)
	if !ok {
		return rd.fail(ErrNoBody, line, 0, "%s", noBody(cols, header))
	}
	return rd.yield(a, nil)
}

// csvError reports an error that ends the reading of the file.
func (rd *reader) csvError(err error, lim *limitReader, line int) {
	if lim.hit {
		rd.fail(ErrTooLarge, line, 0, "record is over the limit of %d bytes; the rest of the "+
			"file is not read", rd.opts.maxRecord())
		return
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		rd.fail(ErrMalformed, pe.StartLine, 0, "malformed CSV: %v", pe.Err)
		return
	}
	rd.fail(err, line, 0, "%s", reasonOf(err))
}

package export

import (
	"bufio"
	"encoding/xml"
	"strconv"
	"strings"
)

// xmlWriter writes XML text to a buffered writer, escaping values.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

// raw writes s as it is.
func (x *xmlWriter) raw(parts ...string) {
	for _, s := range parts {
		if x.err == nil {
			_, x.err = x.w.WriteString(s)
		}
	}
}

// esc writes s escaped for an attribute value or text, dropping the
// characters XML 1.0 cannot hold.
func (x *xmlWriter) esc(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(strings.ToValidUTF8(s, "\uFFFD")))
	}
}

// attr writes ` name="value"`.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" ", name, `="`)
	x.esc(value)
	x.raw(`"`)
}

// float renders a float the shortest way that reads back the same.
func float(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

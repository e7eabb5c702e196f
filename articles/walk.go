package articles

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Input is one thing to read: a file, standard input ("-") or a web address.
type Input struct {
	Name string // the path, "-" or the address
	Kind Kind   // its kind, or "" when it is found from the content
	Gzip bool   // whether the file is gzipped (by its name; content is checked too)
	Size int64  // its size in bytes, or -1 when unknown
}

// isURL reports whether s is a web address Read fetches.
func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Walk expands paths into the inputs to read, in order: "-" is standard
// input, an http or https address is fetched, a folder gives its files
// recursively in name order (hidden files and folders are left out), and a
// file is kept as given. Each file is listed once.
//
// What cannot be read comes back as an *InputError, and the other paths are
// still walked: a path that does not exist or cannot be opened, a file whose
// kind is not understood (ErrUnsupported), and anything that is not a
// regular file, such as a named pipe, a socket or a device (ErrUnsupported;
// pipes are read through "-"). With opts.Kind set every regular file is read
// as that kind, whatever its extension.
func Walk(paths []string, opts Options) ([]Input, []error) {
	var ins []Input
	var errs []error
	seen := map[string]bool{}
	add := func(p string, info fs.FileInfo) {
		key := filepath.Clean(p)
		if seen[key] {
			return
		}
		seen[key] = true
		if !info.Mode().IsRegular() {
			errs = append(errs, &InputError{Path: p, Err: ErrUnsupported,
				Reason: "not a regular file: " + modeName(info.Mode())})
			return
		}
		k, gz, ok := kindOfName(p)
		if opts.Kind != "" {
			k, ok = opts.Kind, true
		}
		if !ok {
			errs = append(errs, &InputError{Path: p, Err: ErrUnsupported,
				Reason: fmt.Sprintf("unsupported kind of file %q (want %s, or --format)",
					filepath.Ext(p), KindNames())})
			return
		}
		ins = append(ins, Input{Name: p, Kind: k, Gzip: gz, Size: info.Size()})
	}
	for _, root := range paths {
		switch {
		case root == "-":
			ins = append(ins, Input{Name: "-", Kind: opts.Kind, Size: -1})
			continue
		case isURL(root):
			ins = append(ins, Input{Name: root, Kind: opts.Kind, Size: -1})
			continue
		}
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, &InputError{Path: root, Reason: reasonOf(err), Err: err})
			continue
		}
		if !info.IsDir() {
			add(root, info)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &InputError{Path: p, Reason: reasonOf(err), Err: err})
				return nil
			}
			hidden := p != root && strings.HasPrefix(d.Name(), ".")
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case d.IsDir() || hidden:
				return nil
			}
			info, err := os.Stat(p) // follows a symbolic link to its file
			if err != nil {
				errs = append(errs, &InputError{Path: p, Reason: reasonOf(err), Err: err})
				return nil
			}
			if !info.IsDir() {
				add(p, info)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &InputError{Path: root, Reason: reasonOf(err), Err: err})
		}
	}
	return ins, errs
}

// modeName names a file type that is not a regular file. Opening a named
// pipe would wait for a writer; a pipe's content is read through "-".
func modeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	}
	return "(" + m.Type().String() + ")"
}

// reasonOf returns the message of err without the path an *fs.PathError adds.
func reasonOf(err error) string {
	var ie *InputError
	if errors.As(err, &ie) {
		return ie.Reason
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

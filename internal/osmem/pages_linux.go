//go:build linux

package osmem

import (
	"bufio"
	"bytes"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// SmallPages asks Linux to map this process's memory in pages of 4 KiB
// from now on (prctl PR_SET_THP_DISABLE) and lets go of the program's own
// clean read-only pages already mapped, which come back small as they are
// touched. Linux may keep a program file in its page cache as folios of
// 2 MiB and map them whole: then every 2 MiB of the program's code and
// tables of which one byte was read counts whole in the window's memory,
// and how much of it does depends on how the file happened to be cached
// (46-49 MB of the 84 MB program, 35-41 MB of it in such pages; 45 MB
// in pages of 4 KiB, run after run). Only
// mappings with no page of their own are let go (code, tables: read back
// from the page cache, never lost), never one the loader has written to
// (the relocated pointers of a cgo program, read-only once written). It
// returns how many bytes of mappings it let go, and an error when the
// kernel refused (the process then keeps working as before).
func SmallPages() (int, error) {
	if err := unix.Prctl(unix.PR_SET_THP_DISABLE, 1, 0, 0, 0); err != nil {
		return 0, err
	}
	dropped, err := dropProgramPages()
	if err == nil {
		err = dropProgramCache()
	}
	return dropped, err
}

// dropProgramCache asks Linux to drop the program's file from its page
// cache, but for the pages mapped now (those just let go of are not): they
// are read again from the disk as they are touched. A program file
// freshly written, by the linker or by whoever installed it, sits in the
// page cache as large folios, and a page touched maps its whole folio:
// the same build counted 37 MB of its binary in the window fresh from the
// linker, 28 MB so dropped and 25 MB read from the disk after a restart
// (and up to 60 MB on another machine). The cost is reading what the
// window uses of the program (some 25 MB) from the disk once.
func dropProgramCache() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return dropFileCache(exe)
}

// dropFileCache asks Linux to drop file from its page cache, but for the
// pages mapped now. Pages not yet written back are not dropped: a file
// just written (a program just built or installed) is written first.
func dropFileCache(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.Fdatasync(int(f.Fd())); err != nil {
		return err
	}
	return unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED)
}

// dropProgramPages lets go of the program's own clean read-only pages
// mapped now; they come back from the page cache as they are touched. It
// returns how many bytes of mappings it let go.
func dropProgramPages() (int, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return 0, err
	}
	dropped := 0
	for _, m := range cleanMappings(smaps, exe) {
		// A raw call: the range is the process's own mapping, not a Go slice.
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, m.start, m.end-m.start, unix.MADV_DONTNEED); errno != 0 {
			return dropped, errno
		}
		dropped += int(m.end - m.start)
	}
	return dropped, nil
}

// mapping is a range of addresses from /proc/self/smaps.
type mapping struct{ start, end uintptr }

// cleanMappings are, in the text of /proc/self/smaps, the private
// mappings of file that are not writable and hold no anonymous page (no
// page written since it was mapped, by the loader or anyone).
func cleanMappings(smaps []byte, file string) []mapping {
	var out []mapping
	var cur *mapping // the mapping whose fields are being read, if a candidate
	sc := bufio.NewScanner(bytes.NewReader(smaps))
	for sc.Scan() {
		line := sc.Bytes()
		f := bytes.Fields(line)
		if len(f) == 0 {
			continue
		}
		if !bytes.HasSuffix(f[0], []byte(":")) { // a mapping's header
			cur = nil
			if m, ok := candidate(f, file); ok {
				cur = &m
			}
			continue
		}
		if cur != nil && string(f[0]) == "Anonymous:" {
			if len(f) >= 2 && string(f[1]) == "0" {
				out = append(out, *cur)
			}
			cur = nil
		}
	}
	return out
}

// candidate tells a header of smaps (range, permissions, offset, device,
// inode, path) that maps file private and read-only.
func candidate(f [][]byte, file string) (mapping, bool) {
	if len(f) != 6 || string(f[5]) != file || len(f[1]) != 4 || f[1][1] == 'w' || f[1][3] != 'p' {
		return mapping{}, false
	}
	lo, hi, ok := bytes.Cut(f[0], []byte("-"))
	if !ok {
		return mapping{}, false
	}
	start, err1 := strconv.ParseUint(string(lo), 16, 64)
	end, err2 := strconv.ParseUint(string(hi), 16, 64)
	if err1 != nil || err2 != nil || end <= start {
		return mapping{}, false
	}
	return mapping{uintptr(start), uintptr(end)}, true
}

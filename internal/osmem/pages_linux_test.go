//go:build linux

package osmem

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// TestCleanMappings: of /proc/self/smaps, only the private mappings of the
// program that are not writable and hold no page of their own are let go;
// never its data, the pointers the loader relocated (read-only after, but
// written: Anonymous above 0), the heap, other files or shared mappings.
func TestCleanMappings(t *testing.T) {
	smaps := []byte(`00400000-01a00000 r-xp 00000000 fd:00 123 /opt/sportello/bin/sportello
Size:              20480 kB
Rss:                4096 kB
Anonymous:             0 kB
01a00000-03200000 r--p 01600000 fd:00 123 /opt/sportello/bin/sportello
Size:              24576 kB
Anonymous:             0 kB
03200000-03210000 r--p 02e00000 fd:00 123 /opt/sportello/bin/sportello
Size:                 64 kB
Anonymous:            64 kB
03210000-03300000 rw-p 02e10000 fd:00 123 /opt/sportello/bin/sportello
Anonymous:             0 kB
03300000-03400000 rw-p 00000000 00:00 0
Anonymous:          1024 kB
04000000-04100000 r--s 00000000 fd:00 123 /opt/sportello/bin/sportello
Anonymous:             0 kB
7f0000000000-7f0000100000 r-xp 00000000 fd:00 456 /usr/lib/libc.so.6
Anonymous:             0 kB
7f0000200000-7f0000300000 r--p 00000000 fd:00 789 /opt/sportello/bin/sportello (deleted)
Anonymous:             0 kB
7f0000400000-7f0000500000 r--p 00000000 fd:00 123 /opt/sportello/bin/sportello
Size:               1024 kB
zzzz-7f0000600000 r--p 00000000 fd:00 123 /opt/sportello/bin/sportello
Anonymous:             0 kB
7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0 [stack]
Anonymous:           132 kB
`)
	got := cleanMappings(smaps, "/opt/sportello/bin/sportello")
	want := []mapping{{0x400000, 0x1a00000}, {0x1a00000, 0x3200000}}
	if !slices.Equal(got, want) {
		t.Errorf("got %x, want %x", got, want)
	}
}

// TestSmallPages: the program's clean read-only pages are let go and come
// back as they are touched (the test goes on running its code, reading its
// tables and calling through the pointers the loader relocated), and Linux
// maps the process in small pages from then on.
func TestSmallPages(t *testing.T) {
	dropped, err := SmallPages()
	if err != nil {
		t.Skipf("this kernel refused to map the process in small pages (%v): nothing to test", err)
	}
	if dropped == 0 {
		t.Error("no read-only page of the test program was let go")
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	if i := bytes.Index(status, []byte("THP_enabled:")); i >= 0 && !bytes.HasPrefix(bytes.TrimLeft(status[i+len("THP_enabled:"):], " \t"), []byte("0")) {
		t.Errorf("after SmallPages the process still allows large pages: %.20s", status[i:])
	}
	Release() // glibc's malloc_trim, through cgo's relocated pointers
	if got := cleanMappings([]byte("1000-2000 r-xp 0 0 0 /x\nAnonymous: 0 kB\n"), "/x"); len(got) != 1 {
		t.Errorf("after SmallPages: %v", got)
	}
}

// TestReleaseLetsGoOfTheProgramsPages: Release lets go of the program's
// clean pages too, as SmallPages does at start: the font files a window
// parsed in place (16 MB of the binary's tables once every script was
// drawn) no longer count in its memory. Which of them stay out depends on
// what runs next (Linux maps a program's pages back in blocks around each
// one read, and the race detector reads its tables at every call), so the
// test asks how much was let go, not what stays out.
func TestReleaseLetsGoOfTheProgramsPages(t *testing.T) {
	if dropped := release(); dropped == 0 {
		t.Error("Release let go of none of the program's pages")
	}
}

// TestDropFileCache: a file freshly written is dropped from the page
// cache, to be read again from the disk, as the window does with its
// program at start (a program file freshly written is cached in large
// folios, each mapped whole as soon as one of its pages is read; what is
// mapped is never dropped). mincore on a mapping of the file tells which
// of its pages are cached.
func TestDropFileCache(t *testing.T) {
	dir := t.TempDir()
	var fs unix.Statfs_t
	if err := unix.Statfs(dir, &fs); err != nil {
		t.Fatal(err)
	}
	if fs.Type == unix.TMPFS_MAGIC {
		t.Skipf("%s is in memory (tmpfs): the page cache is the file, nothing to drop", dir)
	}
	file := filepath.Join(dir, "program")
	if err := os.WriteFile(file, bytes.Repeat([]byte("sportello"), 1<<19), 0o600); err != nil {
		t.Fatal(err)
	}
	before := cachedPages(t, file)
	if before == 0 {
		t.Skipf("this system did not keep the file just written (%s) in its page cache: nothing to drop", dir)
	}
	if err := dropFileCache(file); err != nil {
		t.Fatal(err)
	}
	if after := cachedPages(t, file); after >= before {
		t.Errorf("%d pages of the file cached before, %d after", before, after)
	}
	if err := dropProgramCache(); err != nil {
		t.Errorf("the program's own file: %v", err)
	}
}

// cachedPages counts the pages of file in the page cache.
func cachedPages(t *testing.T, file string) int {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	m, err := unix.Mmap(int(f.Fd()), 0, int(st.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(m)
	vec := make([]byte, (len(m)+os.Getpagesize()-1)/os.Getpagesize())
	if _, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&m[0])), uintptr(len(m)),
		uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		t.Fatal(errno)
	}
	n := 0
	for _, v := range vec {
		n += int(v & 1)
	}
	return n
}

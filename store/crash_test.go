//go:build unix

package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sportello/model"
)

// crashEnv tells a test binary started by TestKilledMidInterview that it is
// the child that answers questions.
const crashEnv = "SPORTELLO_CRASH_CHILD_DB"

// TestCrashChild is the child process: it answers questions in an interview
// in progress, one transaction each, and prints "ack ID VALUE" after each
// commit, until it is killed. It does nothing in a normal test run.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("helper process: runs only when TestKilledMidInterview starts it")
	}
	ctx := context.Background()
	d, err := UnlockRecovery(path, Options{BusyTimeout: 5 * time.Second}, os.Getenv(crashEnv+"_KEY"))
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	cases, _ := d.db.QueryContext(ctx, "SELECT id FROM interviews WHERE status = 'in_progress'")
	var ivID int64
	for cases.Next() {
		cases.Scan(&ivID)
	}
	cases.Close()
	out := bufio.NewWriter(os.Stdout)
	for i := 0; ; i++ {
		id := fmt.Sprintf("q%d.%d", os.Getpid(), i)
		value := strings.Repeat("risposta ", 1+i%7) + fmt.Sprint(i)
		if err := d.SaveAnswer(ctx, ivID, id, value); err != nil {
			fmt.Println("save failed:", err)
			os.Exit(4)
		}
		fmt.Fprintf(out, "ack %s %s\n", id, value)
		out.Flush()
	}
}

// TestKilledMidInterview kills the answering child with SIGKILL at random
// moments, many times, and checks after each death that every answer it
// acknowledged is in the database and the database is sound.
func TestKilledMidInterview(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills 12 processes; skipped with -short")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "crash.db")
	d := openTest(t, path)
	p := &model.Person{FamilyName: "Tesfaye"}
	if err := d.CreatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	cases, _ := d.CasesOf(ctx, p.ID)
	iv := &model.Interview{CaseID: cases[0].ID, Kind: model.InterviewIntake, Place: model.PlaceDesk}
	if err := d.StartInterview(ctx, iv, 0); err != nil {
		t.Fatal(err)
	}
	d.Close()

	rng := rand.New(rand.NewPCG(7, 11))
	acked := map[string]string{}
	for round := 0; round < 12; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		recovery, _ := recoveryKeys.Load(path)
		cmd.Env = append(os.Environ(), crashEnv+"="+path, crashEnv+"_KEY="+recovery.(string))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Kill after a random number of acknowledged answers and a random
		// extra delay, so the kill lands anywhere, mid-transaction too.
		want := 1 + rng.IntN(40)
		got := 0
		timeout := time.After(30 * time.Second)
	read:
		for got < want {
			select {
			case l, ok := <-lines:
				if !ok {
					break read
				}
				if f := strings.SplitN(l, " ", 3); len(f) == 3 && f[0] == "ack" {
					acked[f[1]] = f[2]
					got++
				} else {
					t.Fatalf("child said %q", l)
				}
			case <-timeout:
				t.Fatal("the child answered nothing for 30 s")
			}
		}
		time.Sleep(time.Duration(rng.IntN(3000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for l := range lines { // answers acknowledged before the kill landed
			if f := strings.SplitN(l, " ", 3); len(f) == 3 && f[0] == "ack" {
				acked[f[1]] = f[2]
			}
		}
		cmd.Wait()

		check, err := openTestErr(path)
		if err != nil {
			t.Fatalf("round %d: the database does not open after the kill: %v", round, err)
		}
		ivs, err := check.InterviewsOf(ctx, cases[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		stored := map[string]string{}
		for _, a := range ivs[0].Answers {
			stored[a.QuestionID] = a.Value
		}
		for id, v := range acked {
			if stored[id] != v {
				t.Fatalf("round %d: acknowledged answer %s = %q is %q in the database", round, id, v, stored[id])
			}
		}
		if _, problems, err := check.Check(ctx); err != nil || len(problems) > 0 {
			t.Fatalf("round %d: integrity: %v %v", round, problems, err)
		}
		check.Close()
	}
	if len(acked) < 12 {
		t.Fatalf("only %d answers acknowledged in all", len(acked))
	}
	t.Logf("%d acknowledged answers, all found after 12 kills", len(acked))
}

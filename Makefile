# Sportello: build, run and test. `make run` and `make test` first install the
# Debian/Ubuntu packages the build needs (with sudo when not root).

GO       ?= go
BIN      := bin/sportello
VERSION  := 0.1.0
LDFLAGS  := -X main.Version=$(VERSION)
# no_emoji: Fyne's colour emoji font (4 MB) is parsed for every text style
# and held, 16 MB of a window that must stay under 200 MB; an emoji in a
# note is kept as typed and drawn as a box, as the printed documents do.
TAGS     := no_emoji
DEMO_DB  ?= $(CURDIR)/demo/sportello-demo.db

# Packages for cgo, SQLite and Fyne's OpenGL/X11/Wayland window.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev libwayland-dev
# Tools the tests use (pdftotext and pdffonts for the printouts, age for an export, zbarimg for the recovery sheet's QR code).
TEST_PKGS  := poppler-utils age zbar-tools
# What `make screenshots` needs: a virtual X server and a screen grabber.
SHOT_PKGS  := xvfb imagemagick xdotool

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build demo windows lint screenshots deps test-deps shot-deps bench clean

# deps installs only what is missing, and says what it installs.
define install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if command -v apt-get >/dev/null 2>&1; then \
			echo "Installing system packages:$$missing"; \
			$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
		else echo "Please install:$$missing (not a Debian/Ubuntu system)"; exit 1; fi; \
	fi
endef

deps:
	$(call install,$(BUILD_PKGS))

test-deps: deps
	$(call install,$(TEST_PKGS))

shot-deps: deps
	$(call install,$(SHOT_PKGS))

build: deps
	$(GO) build -tags "$(TAGS)" -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/sportello

run: build
	./$(BIN)

demo: build
	@mkdir -p $(dir $(DEMO_DB))
	./$(BIN) demo --db $(DEMO_DB)
	./$(BIN) --db $(DEMO_DB)

# SQLite is C translated to Go (ncruces/go-sqlite3-wasm): the race detector
# would instrument every load and store of its memory, as it never did the C
# of the earlier cgo driver, and slow it tenfold. Our own code stays checked.
RACE := -race -gcflags='github.com/ncruces/go-sqlite3-wasm/...=-race=false'

# Fyne drops cached renderers a minute after their last use; the window
# tests run longer than that under the race detector, and a golden image
# drawn while the cache is being cleaned can differ. An hour keeps them still.
# The printed documents in 28 languages take about 14 minutes under the race
# detector on 2 cores: 45 minutes per package leaves room on a busy machine.
test: test-deps
	$(GO) vet ./...
	FYNE_CACHE=1h $(GO) test $(RACE) -count=1 -timeout 45m ./...

bench: deps
	$(GO) test -run XXX -bench . -benchtime 20x ./...

lint: deps
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

windows:
	$(call install,gcc-mingw-w64-x86-64)
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -tags "$(TAGS)" -ldflags "$(LDFLAGS) -H windowsgui" -o bin/sportello.exe ./cmd/sportello

screenshots: build shot-deps
	./scripts/screenshots.sh ./$(BIN) docs/screenshots

clean:
	rm -rf bin demo

# SalonDesk — the two commands a newcomer needs:
#   make run    build and open the app on its demo salon
#   make test   vet, format check, race tests, and the real-window test under Xvfb
# Both install the Debian packages they need when run as root (otherwise they print
# the apt-get line to run).

GO        ?= go
TAGS      := migrated_fynedo
# The one version (scripts/version.sh: a tag vX.Y.Z on HEAD, else FyneApp.toml's Version).
VERSION   ?= $(shell scripts/version.sh 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)
BIN       := salondesk
export LANG := ja_JP.UTF-8

# Headers the GLFW driver needs to build (see shared/notes/toolchain.md).
DEB_BUILD := git gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
             libxinerama-dev libxi-dev libxxf86vm-dev
# A real X server and tools for the real-window test, pdftotext for the printout test, and
# a real Japanese IME (fcitx5 + Mozc) for the IME test, a real IMAP server (dovecot),
# a real keychain (gnome-keyring, Secret Service), and a real notification service (dunst),
# as a desktop has one: the tray's desktop notifications must reach something.
DEB_TEST  := xvfb xauth xdotool imagemagick x11-utils poppler-utils dbus fcitx5 fcitx5-mozc \
             dovecot-imapd gnome-keyring libsecret-tools dunst

.PHONY: all run build test unit smoke ime keyring instance bench perf deps deps-test vet fmt-check clean patched idle \
        dist dist-check

all: build

deps:
	@scripts/need-debs.sh $(DEB_BUILD)

deps-test: deps
	@scripts/need-debs.sh $(DEB_TEST)

# GLFW with our IME key patch (docs/ime.md) and Fyne with its idle-loop and font patches
# (docs/idle.md), listed in build/patches.txt: copies in out/ + go.work, all untracked.
patched:
	@scripts/patched-modules.sh

build: deps patched
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

run: build
	./$(BIN) --demo

vet: patched
	$(GO) vet -tags $(TAGS) ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

unit: deps-test patched
	$(GO) test -race -tags $(TAGS) -count=1 ./...

smoke: build deps-test
	scripts/smoke.sh ./$(BIN)

# A real IME (fcitx5 + Mozc) typing into a probe built with patched and unpatched GLFW.
ime: deps-test patched
	scripts/ime-test.sh --both

# The real Secret Service (gnome-keyring under its own D-Bus session), in its own
# go test invocation: keyring.MockInit replaces the provider for a whole test binary.
keyring: deps-test patched
	scripts/keyring-test.sh

# Two starts of the real binary under Xvfb: one process remains, its window raised.
instance: build deps-test
	scripts/instance-test.sh ./$(BIN)

test: deps-test vet fmt-check unit idle keyring instance smoke ime

# The tests our Fyne patches add to its GLFW driver (build/fyne/idle-loop.patch,
# scroll-cull.patch): the loop sleeps, work handed to it while it sleeps runs at once, and
# what a scroll container holds out of view is not painted.
idle: deps-test patched
	scripts/xvfb-session.sh $(GO) test -race -count=1 -run 'IdleLoop|Cull' fyne.io/fyne/v2/internal/driver/glfw

# Idle CPU, resident memory and cold start of the demo on each main screen, beside a bare
# Fyne window (cmd/bareprobe) measured in the same run. Takes ~7 minutes; not part of test.
# The baseline is a bare window on Fyne as published (GOWORK=off: no patched modules);
# the same window on our patched Fyne is measured beside it.
perf: build deps-test
	GOWORK=off $(GO) build -tags $(TAGS) -o out/bareprobe ./cmd/bareprobe
	$(GO) build -tags $(TAGS) -o out/bareprobe-patched ./cmd/bareprobe
	scripts/perf-desk.sh ./$(BIN) out/bareprobe out/bareprobe-patched

bench: deps patched
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./data/ ./ui/schedule/

# Installers (not part of `make test`: the Windows cross-build alone takes minutes).
# dist: dist/SalonDesk-Setup-$(VERSION).exe, the Windows exe, the Linux tarball.
# dist-check: checks them (PE headers, imports, version resource, NSIS layout, the
# tarball's binary in a real window, the installer under wine). See README.
dist:
	scripts/dist.sh

dist-check:
	scripts/dist-check.sh

clean:
	rm -f $(BIN)
	rm -rf out go.work go.work.sum dist

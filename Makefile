# Every target does its own set-up: a fresh machine needs nothing but python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
# Debian packages: CJK fonts and poppler for PDF reports, Chromium for browser tests,
# nginx for the spot-check benchmark (Chromium also measures the portal search in `make bench`).
DEB_SITE := fonts-noto-cjk
DEB_TEST := fonts-noto-cjk poppler-utils chromium
DEB_BENCH := nginx-light
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check bench lint clean golden

$(STAMPS)/venv: pyproject.toml
	@mkdir -p $(STAMPS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

# Installs only what is missing; needs root (or sudo) the first time on a fresh machine.
define deb_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

$(STAMPS)/deb-site:
	@mkdir -p $(STAMPS)
	$(call deb_install,$(DEB_SITE))
	@touch $@

$(STAMPS)/deb-test:
	@mkdir -p $(STAMPS)
	$(call deb_install,$(DEB_TEST))
	@touch $@

# axe-core (the WCAG checks the browser tests inject), pinned by package-lock.json.
$(STAMPS)/npm: package.json package-lock.json
	@mkdir -p $(STAMPS)
	@command -v npm >/dev/null || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(STAMPS)/deb-bench:
	@mkdir -p $(STAMPS)
	$(call deb_install,$(DEB_BENCH))
	@touch $@

site: $(STAMPS)/venv $(STAMPS)/deb-site
	$(BIN)/alliance build

test: $(STAMPS)/venv $(STAMPS)/deb-test $(STAMPS)/npm
	$(BIN)/ruff check generator site_checks tests bench
	$(BIN)/python -m pytest -q

# Rewrites tests/golden/expected/ from today's code: run after a reviewed output change, then
# read the diff (git diff tests/golden) before committing it.
golden: $(STAMPS)/venv
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/golden -q

serve: $(STAMPS)/venv
	$(BIN)/alliance serve $(or $(ID),$(firstword $(notdir $(wildcard alliances/*))))

# Spot-checks the built site on 127.0.0.1 (it must pass), then writes screenshots to look at.
check: site $(STAMPS)/deb-test
	$(BIN)/python -m site_checks.selfcheck
	$(BIN)/python -m generator.site.screenshots --out build/screenshots

bench: $(STAMPS)/venv $(STAMPS)/deb-site $(STAMPS)/deb-bench $(STAMPS)/deb-test
	$(BIN)/python -m bench $(BENCH)

lint: $(STAMPS)/venv
	$(BIN)/ruff check generator site_checks tests bench

clean:
	rm -rf $(VENV) $(STAMPS) site build node_modules

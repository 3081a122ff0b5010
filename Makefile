# Two commands do everything on a fresh clone: `make loadtest` and `make test`.
# Pass flags through ARGS, e.g. make loadtest ARGS="--quick" or make server ARGS="--variant pool".
ARGS ?=

.PHONY: install loadtest test server typecheck clean-reports

# npm ci from the committed lockfile, only when the lockfile is newer than the install.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json

loadtest: install
	@npm run --silent loadtest -- $(ARGS)

test: install
	npm test

typecheck: install
	npm run --silent typecheck

server: install
	@npm run --silent server -- $(ARGS)

# Generated reports only; reports/README.md and reports/examples/ stay.
clean-reports:
	find reports -maxdepth 1 -type f \( -name '*.md' -o -name '*.json' \) ! -name README.md -delete

# Two commands do everything on a fresh clone: `make loadtest` and `make test`.
# Pass flags through ARGS, e.g. make loadtest ARGS="--quick" or make server ARGS="--variant pool".
# Each target runs the program itself (node, not npm run), so a signal sent to it reaches the program.
# make exits 2 whenever a program fails; for the program's own status (see README, "Exit status") run
# the node command line that make prints with `make -n`.
ARGS ?=

.PHONY: install loadtest distributed sweep crossover bench fastapi test server typecheck lint cycles clean-reports

# npm ci from the committed lockfile, only when the lockfile is newer than the install.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json

loadtest: install
	@node --import tsx loadtests/main.ts $(ARGS)

# The load from Locust's master and workers (ARGS="--generators 4", "--generators-external 2 --target ... --allow-remote").
# Installs python3-locust with apt-get when missing.
distributed: install
	@sh loadtests/load/locust/install.sh work/locust/apt.log
	@node --import tsx loadtests/main.ts --engine locust $(ARGS)

# Pool sizes around a predicted knee, 3 runs each, a USL fit and a recommendation (about 2 minutes for the
# default loop, 6 with --blocking-io-ms 100; ARGS="--quick": under 45 s for the default loop).
sweep: install
	@node --import tsx loadtests/sweep/main.ts $(ARGS)

# Where the pool starts to pay: pool ÷ inline over CPU time per request × body size (about 3 minutes; ARGS="--quick": under 45 s).
crossover: install
	@node --import tsx loadtests/crossover/main.ts $(ARGS)

# Optional, not part of loadtest or test: the original FastAPI app's claim tested beside Node, measured
# the same way (about an hour, estimated at its start; ARGS="--quick": under one minute). Installs python3-fastapi and uvicorn
# with apt-get when missing; writes only reports/ and work/.
fastapi: install
	@sh fastapi/install.sh work/fastapi/apt.log
	@node --import tsx fastapi/main.ts $(ARGS)

# How close the pack's own servers come to what the machine allows (about 3 minutes on 2 cores; ARGS="--quick": under a minute).
bench: install
	@node --import tsx bench/main.ts $(ARGS)

test: install
	npm test

typecheck: install
	npm run --silent typecheck

# Biome: formatter (120 columns) and linter; `npx biome check --write .` applies its fixes.
lint: install
	npm run --silent lint

# Import cycles: none at run time anywhere, none even through types in server/.
cycles: install
	npm run --silent cycles

server: install
	@node --import tsx server/main.ts $(ARGS)

# Generated reports only; reports/README.md and reports/examples/ stay.
clean-reports:
	find reports -maxdepth 1 -type f \( -name '*.md' -o -name '*.json' -o -name '*.html' \) ! -name README.md -delete

# Commands only; settings live in pyproject.toml.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: demo test install lock clean train-types

DEMO_DB := .demo/eventwire.duckdb

demo: $(READY)
	$(BIN)/eventwire extract examples/somalia-strikes.txt --format table
	rm -rf .demo && mkdir -p .demo
	$(BIN)/eventwire ingest examples/voa-sample.jsonl --db $(DEMO_DB) --quarantine .demo/quarantine.jsonl
	$(BIN)/eventwire fuse --db $(DEMO_DB)
	$(BIN)/eventwire sql --db $(DEMO_DB) "SELECT n_articles, type, mode, date_first, place_name, fatalities_min, fatalities_max FROM stories WHERE n_articles > 1 ORDER BY n_articles DESC, n_events DESC LIMIT 8"
	$(BIN)/eventwire export --format acled --db $(DEMO_DB) --out .demo/events.csv
	@echo "ACLED-style CSV: .demo/events.csv; explore: $(BIN)/eventwire serve --db $(DEMO_DB)"

test: $(READY)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(BIN)/pytest

install: $(READY)

# The event type model: our sentences written again, then the weights (same seed, same file).
# Reads the PLOVER GSR and PETRARCH2 sets from ../shared/eval (tune halves only where split).
train-types: $(READY)
	$(BIN)/python -m eventwire.training.type_sentences data/type_sentences.jsonl
	$(BIN)/python -m eventwire.training.type_model --sentences data/type_sentences.jsonl --out src/eventwire/data/type_model.npz

$(READY): pyproject.toml requirements.lock src/eventwire/extraction/gazetteer.py src/eventwire/data/places_extra.tsv src/eventwire/data/us_county_points.tsv src/eventwire/data/kenya_divisions.tsv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/eventwire gazetteer --force
	touch $(READY)

lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^eventwire' > requirements.lock

clean:
	rm -rf $(VENV) .demo .mypy_cache .ruff_cache .pytest_cache

# Commands only; settings live in pyproject.toml.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: demo test install lock clean

demo: $(READY)
	$(BIN)/eventwire extract examples/somalia-strikes.txt --format table

test: $(READY)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(BIN)/pytest

install: $(READY)

$(READY): pyproject.toml requirements.lock src/eventwire/extraction/gazetteer.py src/eventwire/data/places_extra.tsv src/eventwire/data/us_county_points.tsv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/eventwire gazetteer --force
	touch $(READY)

lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^eventwire' > requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

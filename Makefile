# Two commands: `make run` and `make test`. Both create .venv and install what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test validate bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Cap Réseaux needs Python 3.11 or newer")'
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create the virtual environment: on Debian, install python3-venv (apt-get install python3-venv)."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

# The database is migrated first, so a read-only data folder is said here in one line.
run: $(VENV)/.runtime
	$(BIN)/python -m wizard db upgrade
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

# pytest exits 5 when no test ran: make fails on any non-zero code, so that cannot pass silently.
test: $(VENV)/.dev
	$(BIN)/python -m pytest

validate: $(VENV)/.runtime
	$(BIN)/python -m wizard validate

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/turn.py
	$(BIN)/python benchmarks/save.py

clean:
	rm -rf $(VENV) .pytest_cache

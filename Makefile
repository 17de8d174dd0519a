# newscompare: `make report` and `make test` are all a new user needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: report test test-quick lint lab notebooks clean-venv fit-env

# (Re)build the virtual environment when it is missing or older than the requirements.
$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	@touch $(STAMP)

report: $(STAMP)
	MPLBACKEND=Agg $(PY) -m newscompare report seeds

# The whole check: about 5 minutes on a busy 2-core machine (4 of them the library tests, whose report
# tests run every notebook). `make test-quick` leaves out the tests marked slow: under 3 minutes.
test: $(STAMP)
	@echo "make test: 1/2 the library tests (pytest tests; about 4 min), then 2/2 the notebooks (nbval; 30 s)"
	MPLBACKEND=Agg $(PY) -m pytest tests
	@echo "make test: 2/2 the committed notebooks against their saved outputs (nbval)"
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg -p no:randomly notebooks

test-quick: $(STAMP)
	MPLBACKEND=Agg $(PY) -m pytest -m "not slow" tests

# Style (pyproject.toml [tool.ruff]: long lines, unused names, import order) on the code and on the
# notebooks' code cells, then the shape of the code (tests/test_layout.py: modules under 500 lines, no
# function over complexity 15 as radon counts it, boolean operators included; no private name used
# across modules) and its layers (tests/test_layers.py). CI runs it before the tests.
lint: $(STAMP)
	$(PY) -m ruff check lib tests benchmarks notebooks
	$(PY) -m pytest -q -p no:randomly tests/test_layout.py tests/test_layers.py

# Jupyter refuses to run as root without --allow-root (containers, CI machines): add it only then.
lab: $(STAMP)
	$(PY) -m jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

# Maintainers: scikit-learn and scipy for refitting the models (benchmarks/loaded_model.py --fit).
fit-env: $(STAMP)
	$(PY) -m pip install --quiet -r requirements-fit.txt

clean-venv:
	rm -rf $(VENV)

# Maintainers: re-execute the committed notebooks in place after a change that alters their outputs.
notebooks: $(STAMP)
	cd notebooks && for nb in [0-9]*.ipynb; do ../$(PY) -m jupyter nbconvert --to notebook --execute --inplace $$nb || exit 1; done

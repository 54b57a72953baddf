"""Migration 8.

Budget tables as published (`db/published_file.py`): the unit (tkr or mnkr) and the
decimals each budget table was printed with, where the plan file declares them (a table
without a row is whole tkr, as every table was before); and the driftredovisning, the
operating statement per unit and year, its figures exactly as printed (NUMERIC: 175.9
reads back as 175.9), any column blank. A line named `total` is the Summa row of its year.
"""

from __future__ import annotations

SQL = """
    CREATE TABLE budget_table_unit (
        table_name TEXT PRIMARY KEY
            CHECK (table_name IN ('operating', 'units', 'investments', 'drift')),
        unit TEXT NOT NULL CHECK (unit IN ('tkr', 'mnkr')),
        decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 3)
    );
    CREATE TABLE drift_line (
        position INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        year INTEGER NOT NULL,
        income NUMERIC,
        costs NUMERIC,
        net_costs NUMERIC,
        grant_amount NUMERIC,
        result NUMERIC,
        disposition NUMERIC,
        opening_result NUMERIC,
        closing_result NUMERIC,
        UNIQUE (name, year)
    );
    """

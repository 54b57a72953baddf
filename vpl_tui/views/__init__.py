"""View-models: what the screens show, worked out without a terminal.

Pure code, as the rest of the core: no Textual, no Rich, no SQL. A screen hands these
modules the records it has read and gets back what to draw (the tree's items under a
filter, the budget's tables, the explanation of a cell); the tests drive them directly.
"""

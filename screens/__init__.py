"""The terminal app (package `vpl_tui.screens`): the only part of vpl that imports Textual.

The screens are at the top: `app` (the Textual App), `plan` (the main screen), `budget`,
`help` and `summary_view`, each with its .tcss beside it. Beside them are the two helpers
every screen, widget and dialog uses: `safe` (plan text shown as text, never markup) and
`keys` (key bindings in the user's language).

- `widgets/`: the plan tree, the detail pane, the footer, the budget's tables and charts.
- `dialogs/`: the status and note dialogs and the command palette's commands.
- `controllers/`: the plan screen's parts that are not widgets (search, changes made
  elsewhere, status changes, the help's keys) and the reads that run in worker threads.

What the screens show is worked out in `vpl_tui.views`, without a terminal.
"""

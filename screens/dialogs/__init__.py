"""Modal dialogs over the plan screen, and the command palette's commands."""

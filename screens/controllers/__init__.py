"""The plan and budget screens' parts that are not widgets.

Each controller holds one concern of a screen (its state and the steps it takes) and
works through the screen it is given; the screen keeps the key bindings, the actions
and the workers, and hands each worker's message to the controller it belongs to.
`reads` holds what runs in a worker thread, on a connection of its own.

Importing this package loads no Textual (`vpl` starts the first read through `reads`
before Textual is imported).
"""

"""Tasks: what a creator asks for (request), its states, the journal that keeps it, when to poll
(schedule) and the engine that walks a task from submit to a verified file."""

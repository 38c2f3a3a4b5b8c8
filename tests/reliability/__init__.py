"""Reliability suite: kill -9 and restart, a fault matrix over every dialect, a corpus of bad inputs,
database faults and secret hygiene. Everything runs against the loopback emulators."""

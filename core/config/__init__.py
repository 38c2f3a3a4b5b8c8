"""What the creator configured: connections, keys (in the OS keyring only) and where files live."""

"""The network: the one HTTP layer every request goes through, and downloads of results."""

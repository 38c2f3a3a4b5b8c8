"""Pictures and video on this machine: input images prepared for a provider, the offline renderer."""

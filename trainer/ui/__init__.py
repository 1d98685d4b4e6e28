"""The Qt user interface: a passive view over the core."""

"""Shared pytest configuration: the `slow` marker (deselect with -m "not slow")."""


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than ~20 s (deselect with -m 'not slow')")

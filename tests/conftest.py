"""The fixtures several test modules share live in ``helpers`` (a plain module, so a
test can also import its functions); registering it here makes them available."""

pytest_plugins = ["helpers"]

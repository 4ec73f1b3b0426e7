"""The steps of ``deploy/hub.py``: settings, system, environment, database, services.

Standard library only: the installer runs with the server's own ``python3``
before any venv exists.
"""

"""Accounts: who may sign in and what they may do.

``roles`` (roles and the ``Actor`` behind a request), ``passwords`` (argon2id),
``tokens`` (API tokens), ``users`` (the service the CLI's ``users`` commands and the
web's sign-in and admin pages share). The SQL is the store's (``store/users.py``).
"""

"""API tokens (accounts/tokens.py)."""

from binational.accounts.tokens import new_api_token, token_digest


def test_tokens_are_random_and_stored_as_digests():
    first, second = new_api_token(), new_api_token()
    assert first != second and first.startswith("bn_") and len(first) > 40
    assert len(token_digest(first)) == 64 and token_digest(first) != token_digest(second)

"""HTTP plumbing every route relies on: signed session cookies, CSRF, security
headers, the sign-in throttle, error pages and JSON errors, and the dependencies
that resolve who is asking."""

"""People's accounts on the web: passwords (argon2), sessions (a sealed cookie), sign-up and log-in with
throttling, and the signed-in person of a request."""

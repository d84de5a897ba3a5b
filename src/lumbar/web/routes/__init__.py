"""The web app's routes: people's pages and the JSON API."""

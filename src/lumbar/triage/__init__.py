"""Triage: findings -> urgency level (danger screen, warning-sign rules) and ranked causes."""

"""PBGDPL plans (one a year per unit, with targets) and outreach activities."""

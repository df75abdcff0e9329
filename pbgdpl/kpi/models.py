"""Indicators, data elements, targets, values, entry/approval/locking, surveys."""

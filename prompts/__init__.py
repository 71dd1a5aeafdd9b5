"""Prompt templates (TOML), shipped inside the wheel as the package `backend.prompts`."""

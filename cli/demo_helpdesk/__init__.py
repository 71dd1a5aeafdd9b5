"""The demo helpdesk page `tandem demo` serves."""

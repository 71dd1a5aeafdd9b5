"""The bundled demo knowledge base (Markdown), shipped inside the wheel as the package `cli.demo_kb`."""

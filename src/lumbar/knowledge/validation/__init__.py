"""The validating side of the knowledge base: its pydantic schema, used only when the YAML files are
read (``lumbar kb check``, the compile step), and what turns a validated item into its run-time class.

A command that reads the compiled knowledge base never imports this package.
"""

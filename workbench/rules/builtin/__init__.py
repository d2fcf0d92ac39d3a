"""The built-in rule kinds, one module each; ``workbench/rules/registry.py`` lists them."""

"""``python -m foiclassify``."""

from foiclassify.cli import main

main()

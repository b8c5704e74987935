"""The shipped ontology, carried in the wheel as ``skillgraph._ontology`` (read through
:mod:`skillgraph.resources`). Data only: the Turtle files beside this file are the one source."""

"""The Textual face of the workbench (issue 5): findings, clusters, documents, timeline and claims
screens over :func:`workbench.pipeline.analyse`, with verdicts recorded in the verdict store."""

"""The schema of lumbar's results: the assessment, the care plan and the interview's steps as pydantic
models, the one definition of each.

:mod:`lumbar.knowledge.validation.generate` writes from these the run-time classes of the same names
(:mod:`lumbar.assessment`, :mod:`lumbar.care.models`, :mod:`lumbar.interview.models`), plain immutable
records that the engines build, so a one-shot assessment imports no pydantic. Only what needs a schema
imports this package: the REST API (its answers and OpenAPI schema), reading a stored or sent result
back (:func:`lumbar.knowledge.validation.convert.validated`), and an interview state sent by a client.
"""

"""Adapters to other tools, each behind its extra; ``import cleantext`` imports none of them.

* :mod:`cleantext.adapters.datatrove`: a datatrove formatter and an over-deletion filter
  (``pip install 'cleantext-articles[datatrove]'``);
* :mod:`cleantext.adapters.hf`: :func:`~cleantext.adapters.hf.clean_batch` for
  ``datasets.Dataset.map(batched=True)`` (``[hf]``), also as :mod:`cleantext.hf`;
* :mod:`cleantext.adapters.spacy`: ``nlp.pipe`` over cleaned texts with the trace kept
  beside each ``Doc`` (``[spacy]``);
* :mod:`cleantext.adapters.pandas`: :func:`~cleantext.adapters.pandas.clean_series`
  (pandas), also as :mod:`cleantext.pandas`.

They use the public API only (:func:`cleantext.clean`, :func:`cleantext.explain`,
:class:`cleantext.Cleaner`, :class:`cleantext.Result`).
"""

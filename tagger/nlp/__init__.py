"""Entities and numbers in news text, with character offsets; the entry point is `tagger.nlp.base`.

Importing this package loads no NLTK: `base.get_analyzer()` builds a back-end on first use.
Layout: base (interface, back-end choice), spans (span rules), tokens (Punkt and span
tokenizer), lexicon_tagger (Brill tagger from TextBlob's data), gazetteer (place, name and
organisation lists), capitals and candidates (which capitalised runs are names), cues and
entity_types (typing), offline and nltk_backend (the two back-ends), numbers (numbers and
dates), resources (NLTK's downloadable models).
"""

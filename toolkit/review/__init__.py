"""The reviewer's room: flags per bead, corrections applied to TEI files (relink), corrections
carried through rebuilds, and the local web app that makes them.

Heavy modules (lxml, Kiwi, the web stack) load inside the functions that need them.
"""

"""The archive for other tools: translation memories (TMX), bitexts (TSV)."""

"""The knowledge base: data files, their schema, the loader and the checker."""

from lumbar.knowledge.loader import KnowledgeBase, load_knowledge

__all__ = ["KnowledgeBase", "load_knowledge"]

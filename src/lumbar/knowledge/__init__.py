"""The knowledge base: data files, their schema, the loader and the checker.

The names below are imported on first use (``lazy_loader``), so importing one module of this package
(the schema, the compiled cache) does not load the loader, YAML and the settings with it.
"""

from typing import TYPE_CHECKING

import lazy_loader

if TYPE_CHECKING:
    from lumbar.knowledge.loader import KnowledgeBase, load_knowledge

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__, submod_attrs={"loader": ["KnowledgeBase", "load_knowledge"]}
)

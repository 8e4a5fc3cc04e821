"""Facts with their sources, and labelled modelling assumptions, as YAML data."""
from wizard.knowledge.load import Knowledge, KnowledgeError, check, default, load

__all__ = ["Knowledge", "KnowledgeError", "check", "default", "load"]

"""Cap Réseaux: a conversation that turns a youth structure's answers into a social-media strategy.

Pipeline: questionnaire (YAML) -> Profile -> engine -> Strategy -> views.
"""

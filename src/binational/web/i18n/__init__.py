"""Interface text in English and Spanish: the labels table, the translator that
reads it, and the names pages show for registry entries and facet values."""

"""binational: institutions between the United States and Mexico."""

"""The only package code that imports streamlit: caching, snapshot access, shared widgets."""

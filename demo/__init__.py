"""Demo content kept outside the production apps: data files and the code that loads them."""

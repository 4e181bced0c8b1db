"""Where writers write: the language server (``medlint lsp``) and the review page
(``medlint serve``), both on :mod:`medlint.editors.checking`."""

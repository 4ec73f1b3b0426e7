"""The course's notebooks as text: MyST Markdown in ``sources/`` is the single source.

Each lesson (``course/``) and exercise source (``solutions/<id>/``) is generated from
a text file in ``sources/``, in the exact bytes JupyterLab writes, so opening and saving
an untouched notebook changes nothing and a diff shows the change in the text.

Modules
-------
cell_ids
    Deterministic, unique cell ids.
canonical
    The notebook metadata and the bytes JupyterLab's save writes.
text
    MyST Markdown to notebook and back (through jupytext).
route
    The start page's route table, filled in from the module registry.
pairs
    Which text belongs to which notebook, for a course root.
sync
    ``sync``, ``check`` and ``import_notebook``.
cli
    ``fairhire notebooks sync|check|import``.

The submodules are not imported here: the command line loads this package on
every start, and jupytext is needed only by those who author notebooks.
"""

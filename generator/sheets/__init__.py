"""Spreadsheets in and out: the assistant's workbook ⇄ the alliance's YAML.

``columns`` is the catalogue (which header is which key), ``cells`` converts one cell,
``read`` turns a workbook or CSV into rows with cell references, ``merge`` applies rows to
the YAML by id, ``roundtrip`` keeps the YAML's comments and layout, ``write`` exports.
"""

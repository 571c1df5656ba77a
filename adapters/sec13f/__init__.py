"""Form 13F: the information table's XSD (written from the SEC's technical specification),
validated with xmlschema. The security master file is adapters/marketfiles/securities.py."""
